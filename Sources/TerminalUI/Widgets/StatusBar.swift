import Core

/// A piece of status-bar text with its theme element.
public struct StatusSegment: Sendable, Hashable {
    /// The text.
    public var text: String
    /// Theme element, e.g. `statusbar.error` or `statusbar.pending`.
    public var element: String

    /// A segment.
    public init(_ text: String, element: String = "statusbar") {
        self.text = text
        self.element = element
    }
}

/// The one-line bar at the bottom: left segments (messages) and right segments (sync state,
/// counts, pending keys). The right side is kept whole when it fits; the left is clipped.
public enum StatusBar {
    /// Draws the bar across `rect`'s first row.
    /// The canvas is not written to when it still holds the same bar (`Canvas.holds`).
    public static func draw(left: [StatusSegment], right: [StatusSegment], in rect: Rect, canvas: Canvas, theme: Theme) {
        guard !rect.isEmpty else { return }
        let base = theme.style("statusbar")
        let line = ValueLine(BarKey(left: left, right: right, styles: [base] + (left + right).map { theme.style($0.element) }))
        let bar = Rect(row: rect.row, column: rect.column, height: 1, width: rect.width)
        canvas.drawUnlessHeld(line, in: bar) {
            canvas.fill(bar, style: base)
            let rightText = right.map { CanvasText.safe($0.text) }
            let rightWidth = rightText.reduce(0) { $0 + displayWidth($1) } + max(0, right.count - 1)
            let rightFits = rightWidth + 1 <= rect.width
            var column = rect.column + 1
            let leftLimit = rightFits ? rect.right - rightWidth - 1 : rect.right
            for segment in left where column < leftLimit {
                column += canvas.put(segment.text, at: Position(row: rect.row, column: column), style: theme.style(segment.element),
                                     maxColumns: leftLimit - column - 1)
                column += 1
            }
            guard rightFits else { return }
            column = rect.right - rightWidth - 1
            for (index, segment) in right.enumerated() {
                column += canvas.put(rightText[index], at: Position(row: rect.row, column: column), style: theme.style(segment.element),
                                     maxColumns: rect.right - column)
                column += 1
            }
        }
    }

    static func displayWidth(_ text: String) -> Int { Core.DisplayWidth.of(text) }
}

/// A status bar as the canvas remembers it: its segments and their styles.
private struct BarKey: Equatable {
    let left: [StatusSegment]
    let right: [StatusSegment]
    let styles: [Style]
}
