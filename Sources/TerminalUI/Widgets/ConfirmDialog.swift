import Core

/// A yes/no question ("Delete 3 leads?"): `y` or Enter says yes, `n` or Esc says no.
public struct ConfirmDialog: Sendable, Hashable {
    /// The question.
    public var question: String

    /// A dialog asking `question`.
    public init(question: String) {
        self.question = question
    }

    /// `true` for yes, `false` for no, `nil` for a key that answers nothing.
    public static func answer(for key: Key) -> Bool? {
        switch key {
        case .char("y"), .char("Y"), .enter: return true
        case .char("n"), .char("N"), .escape, .ctrl("g"), .ctrl("c"): return false
        default: return nil
        }
    }

    /// Draws the dialog centred in `screen`.
    public func draw(in screen: Rect, canvas: Canvas, theme: Theme) {
        let hint = "[y]es  [n]o"
        let lines = TextWrapper.wrap(question, width: max(1, min(56, screen.width - 4)))
        let width = min(screen.width, max(DisplayWidth.of(hint), lines.map(DisplayWidth.of).max() ?? 0) + 4)
        let box = screen.centered(height: lines.count + 4, width: width)
        guard box.height >= 3, box.width >= 4 else {
            canvas.putPadded(question + " " + hint, at: Position(row: screen.row, column: screen.column), width: screen.width,
                             style: theme.style("dialog"))
            return
        }
        canvas.fill(box, style: theme.style("dialog"))
        let inside = Box.draw(box, canvas: canvas, style: theme.style("border"))
        for (index, line) in lines.enumerated() where index < inside.height {
            canvas.put(line, at: Position(row: inside.row + index, column: inside.column + 1), style: theme.style("dialog"),
                       maxColumns: inside.width - 1)
        }
        if inside.height > lines.count {
            canvas.put(hint, at: Position(row: inside.bottom - 1, column: inside.column + 1), style: theme.style("dialog.title"),
                       maxColumns: inside.width - 1)
        }
    }
}
