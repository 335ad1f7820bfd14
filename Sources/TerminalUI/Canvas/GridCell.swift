/// One packed cell of a `GridCanvas`: plain values only, so storing one copies 8 bytes.
struct GridCell {
    /// A grapheme of one scalar: its value (0 = the empty grapheme of a continuation); with
    /// `GridPalette.clusterBit` set, the number of a longer cluster in the palette.
    var glyph: UInt32
    /// 1 or 2 for a grapheme's first cell, 0 for the continuation of a wide character.
    var width: UInt8
    /// The number of the cell's style in the palette.
    var style: UInt16

    var isContinuation: Bool { width == 0 }

    /// A space in style number `style`.
    static func blank(_ style: UInt16) -> GridCell { GridCell(glyph: 0x20, width: 1, style: style) }

    /// The right half of a wide character in style number `style`.
    static func continuation(_ style: UInt16) -> GridCell { GridCell(glyph: 0, width: 0, style: style) }
}

/// The styles and multi-scalar clusters a `GridCanvas` has drawn, numbered (a frame uses a few
/// dozen styles; clusters are the rare combining or emoji sequences).
struct GridPalette {
    /// Set in a glyph that numbers a cluster rather than holding a scalar.
    static let clusterBit: UInt32 = 0x8000_0000

    private var styles: [Style] = [.plain]
    private var styleNumbers: [Style: UInt16] = [.plain: 0]
    private var lastStyle = Style.plain
    private var lastNumber: UInt16 = 0
    private var clusters: [String] = []
    private var clusterNumbers: [String: UInt32] = [:]

    /// The number of `style`, given one the first time (the last one asked for is checked first:
    /// a frame draws runs of the same style).
    mutating func number(of style: Style) -> UInt16 {
        if style == lastStyle { return lastNumber }
        let number: UInt16
        if let known = styleNumbers[style] {
            number = known
        } else if styles.count < Int(UInt16.max) {
            number = UInt16(styles.count)
            styles.append(style)
            styleNumbers[style] = number
        } else {
            number = 0  // 65,535 distinct styles cannot happen in a frame; plain rather than a crash
        }
        lastStyle = style
        lastNumber = number
        return number
    }

    /// The style numbered `number`.
    func style(_ number: UInt16) -> Style { styles[Int(number)] }

    /// The glyph of `grapheme`: its scalar when it has one, else the number of the cluster.
    mutating func glyph(of grapheme: String) -> UInt32 {
        var scalars = grapheme.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        if scalars.next() == nil, first.value != 0 { return first.value }
        if let known = clusterNumbers[grapheme] { return known }
        let number = Self.clusterBit | UInt32(clusters.count)
        clusters.append(grapheme)
        clusterNumbers[grapheme] = number
        return number
    }

    /// The grapheme a glyph stands for ("" for a continuation).
    func grapheme(of glyph: UInt32) -> String {
        if glyph & Self.clusterBit != 0 { return clusters[Int(glyph & ~Self.clusterBit)] }
        guard glyph != 0, let scalar = Unicode.Scalar(glyph) else { return "" }
        return String(Character(scalar))
    }

    /// Appends the grapheme a glyph stands for to `text`.
    func append(_ glyph: UInt32, to text: inout String) {
        if glyph & Self.clusterBit != 0 {
            text += clusters[Int(glyph & ~Self.clusterBit)]
        } else if glyph != 0, let scalar = Unicode.Scalar(glyph) {
            text.unicodeScalars.append(scalar)
        }
    }
}
