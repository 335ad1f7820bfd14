import Core

/// The one-line tab bar at the top: `1 Leads  2 Calendar  4 Dashboard`, the active tab in
/// `tabs.active` (reverse where there is no colour), the others in `tabs`.
public enum TabBar {
    /// One tab.
    public struct Tab: Sendable, Hashable {
        /// The digit that opens it.
        public var number: Int
        /// Its name.
        public var title: String
        /// Whether it is the visible pane.
        public var isActive: Bool

        /// A tab.
        public init(number: Int, title: String, isActive: Bool) {
            self.number = number
            self.title = title
            self.isActive = isActive
        }
    }

    /// Draws `tabs` into the row `rect`, with `right` (the user) at the right edge when it fits.
    /// A one-row bar the canvas still holds (`Canvas.holds`) is not written again.
    public static func draw(_ tabs: [Tab], right: String, in rect: Rect, canvas: Canvas, theme: Theme) {
        guard !rect.isEmpty else { return }
        let base = theme.style("tabs")
        let line = ValueLine(TabKey(tabs: tabs, right: right, styles: [base, theme.style("tabs.active")]))
        canvas.drawUnlessHeld(line, in: rect) {
            canvas.fill(rect, style: base)
            var column = rect.column
            for tab in tabs {
                let text = " \(tab.number) \(tab.title) "
                let width = DisplayWidth.of(text)
                guard column + width <= rect.right else { break }
                canvas.put(text, at: Position(row: rect.row, column: column), style: theme.style(tab.isActive ? "tabs.active" : "tabs"),
                           maxColumns: width)
                column += width + 1
            }
            let rightWidth = DisplayWidth.of(right)
            if !right.isEmpty, column + rightWidth + 1 <= rect.right {
                canvas.put(right, at: Position(row: rect.row, column: rect.right - rightWidth), style: base, maxColumns: rightWidth)
            }
        }
    }
}

/// A tab bar as the canvas remembers it.
private struct TabKey: Equatable {
    let tabs: [TabBar.Tab]
    let right: String
    let styles: [Style]
}
