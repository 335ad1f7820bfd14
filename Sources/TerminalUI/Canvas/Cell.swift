/// One cell of a `GridCanvas`: a grapheme cluster and its style. The right half of a wide
/// character is a continuation cell with an empty grapheme.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown (empty for a continuation cell).
    public var grapheme: String
    /// 1 or 2 for a grapheme's first cell, 0 for the continuation of a wide character.
    public var width: Int
    /// How the cell looks.
    public var style: Style

    /// A cell holding `grapheme`.
    public init(grapheme: String, width: Int = 1, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A blank cell in `style`.
    public static func blank(_ style: Style = .plain) -> Cell { Cell(grapheme: " ", width: 1, style: style) }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
