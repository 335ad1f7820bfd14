import Core

/// Frames and separators drawn with Unicode box characters.
public enum Box {
    /// Draws a border around `rect` with an optional title in the top edge; returns the inside.
    @discardableResult
    public static func draw(_ rect: Rect, title: String? = nil, canvas: Canvas, style: Style, titleStyle: Style? = nil) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(row: rect.row, column: rect.column, height: 0, width: 0) }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        canvas.put("┌" + horizontal + "┐", at: Position(row: rect.row, column: rect.column), style: style, maxColumns: rect.width)
        for row in (rect.row + 1)..<(rect.bottom - 1) {
            canvas.putPaddedRetained("│", at: Position(row: row, column: rect.column), width: 1, style: style)
            canvas.put("│", at: Position(row: row, column: rect.right - 1), style: style, maxColumns: 1)
        }
        canvas.put("└" + horizontal + "┘", at: Position(row: rect.bottom - 1, column: rect.column), style: style, maxColumns: rect.width)
        if let title, rect.width > 4 {
            let text = " " + CanvasText.safe(title) + " "
            canvas.put(text, at: Position(row: rect.row, column: rect.column + 1), style: titleStyle ?? style, maxColumns: rect.width - 2)
        }
        return rect.inset(by: 1)
    }

    /// Draws a vertical line down `rect`'s first column.
    public static func verticalLine(_ rect: Rect, canvas: Canvas, style: Style) {
        guard rect.width > 0 else { return }
        for row in rect.row..<rect.bottom {
            canvas.putPaddedRetained("│", at: Position(row: row, column: rect.column), width: 1, style: style)
        }
    }
}
