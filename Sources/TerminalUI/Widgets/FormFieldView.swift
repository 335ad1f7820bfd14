import Core

/// Draws a labelled single-line input with its error message underneath (wrapped, so a rule
/// like the vendor's phone format is never cut before it explains itself).
public enum FormFieldView {
    /// Rows a field needs: one, plus one when it shows an error.
    public static func height(error: String?) -> Int { error == nil ? 1 : 2 }

    /// Rows a field `width` columns wide needs: one, plus the error's wrapped lines.
    public static func height(error: String?, width: Int) -> Int {
        guard let error else { return 1 }
        return 1 + errorLines(error, width: width).count
    }

    /// The error wrapped to `width` columns, indented by two.
    static func errorLines(_ error: String, width: Int) -> [String] {
        guard width > 4 else { return [error] }
        return TextWrapper.wrap(error, width: width - 2)
    }

    /// Draws `label` (in `labelWidth` columns), the field text and, on the next row, `error`.
    /// Returns the cursor position when `focused`.
    @discardableResult
    public static func draw(label: String, labelWidth: Int, state: inout TextFieldState, error: String?, focused: Bool,
                            in rect: Rect, canvas: Canvas, theme: Theme) -> Position? {
        guard !rect.isEmpty else { return nil }
        let labelColumns = min(labelWidth, rect.width)
        canvas.putPadded(label, at: Position(row: rect.row, column: rect.column), width: labelColumns, style: theme.style("form.label"))
        let inputColumn = rect.column + labelColumns
        let inputWidth = rect.right - inputColumn
        var cursor: Position? = nil
        if inputWidth > 0 {
            let (text, cursorColumn) = state.visible(width: inputWidth)
            let style = theme.style(focused ? "form.focused" : "form.input")
            canvas.putPadded(text, at: Position(row: rect.row, column: inputColumn), width: inputWidth, style: style)
            if focused { cursor = Position(row: rect.row, column: inputColumn + min(cursorColumn, inputWidth - 1)) }
        }
        if let error, rect.height > 1 {
            for (index, line) in errorLines(error, width: rect.width).enumerated() where index + 1 < rect.height {
                canvas.putPadded("  " + line, at: Position(row: rect.row + 1 + index, column: rect.column), width: rect.width,
                                 style: theme.style("form.error"))
            }
        }
        return cursor
    }
}
