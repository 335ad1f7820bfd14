/// Multi-line text with vertical scrolling (notes, long field values). Wrap once with
/// `TextWrapper` and keep the lines; drawing is then cheap.
public struct TextView: Sendable {
    /// Wrapped lines.
    public var lines: [String]
    /// First line shown.
    public var scrollOffset: Int

    /// A view of already-wrapped `lines`.
    public init(lines: [String], scrollOffset: Int = 0) {
        self.lines = lines
        self.scrollOffset = scrollOffset
    }

    /// A view of `text` wrapped to `width`.
    public init(text: String, width: Int, scrollOffset: Int = 0) {
        self.init(lines: TextWrapper.wrap(text, width: width), scrollOffset: scrollOffset)
    }

    /// The largest useful scroll offset for a view `height` rows tall.
    public func maxScroll(height: Int) -> Int { max(0, lines.count - height) }

    /// Scrolls by `delta` lines, staying in range for `height` rows.
    public mutating func scroll(by delta: Int, height: Int) {
        scrollOffset = min(max(0, scrollOffset + delta), maxScroll(height: height))
    }

    /// Draws the visible lines into `rect`, blanking the rest.
    public func draw(in rect: Rect, canvas: Canvas, style: Style) {
        guard !rect.isEmpty else { return }
        let start = min(max(0, scrollOffset), max(0, lines.count - 1))
        for row in 0..<rect.height {
            let index = start + row
            let text = index < lines.count ? lines[index] : ""
            canvas.putPadded(text, at: Position(row: rect.row + row, column: rect.column), width: rect.width, style: style)
        }
    }
}
