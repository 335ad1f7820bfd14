import Core

/// What a canvas cell may hold so that every terminal (tmux, screen, xterm) agrees on its width.
///
/// Terminals disagree on emoji sequences: a ZWJ family is one wide glyph in some, four in others
/// (tmux 3.3 drew one woman and left the joiner in another row); flags, skin tones, keycaps and
/// VS16 vary the same way. So a cluster that is such a sequence is drawn as its first character
/// alone, padded with spaces to the width Closer computed (`DisplayWidth`): 👩‍👩‍👧‍👦 → 👩, 👍🏽 → 👍,
/// ❤️ → "❤ ", 1️⃣ → "1 ", and a flag as its two letters (🇩🇪 → "DE"). Plain text with combining
/// accents is left alone: every terminal stacks those.
public enum TerminalGrapheme {
    /// The cells (text, width) to draw for one cluster that Closer measured as `width` columns.
    public static func cells(_ character: Character, width: Int) -> [(grapheme: String, width: Int)] {
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return [] }
        if scalars.count == 1 {
            guard isRegionalIndicator(base) else { return [(String(character), width)] }
            return padded([(letter(of: base), 1)], to: width)
        }
        guard scalars.contains(where: isSequenceScalar) else { return [(String(character), width)] }
        if isRegionalIndicator(base) {
            let letters = scalars.filter(isRegionalIndicator).prefix(max(1, width)).map { (letter(of: $0), 1) }
            return padded(letters, to: width)
        }
        let baseWidth = DisplayWidth.width(of: base)
        guard baseWidth > 0, baseWidth <= width else { return padded([], to: width) }
        return padded([(String(Character(base)), baseWidth)], to: width)
    }

    /// Appends `cells(character, width:)` to `result`; a single plain scalar (nearly every
    /// grapheme) without building an array for it.
    static func appendCells(_ character: Character, width: Int, to result: inout [(grapheme: String, width: Int)]) {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        if let base = iterator.next(), iterator.next() == nil, !isRegionalIndicator(base) {
            result.append((String(character), width))
        } else {
            result.append(contentsOf: cells(character, width: width))
        }
    }

    /// Scalars that make an emoji sequence terminals disagree on: ZWJ, variation selectors, skin
    /// tones, the keycap mark, tag characters and regional indicators.
    static func isSequenceScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0x20E3, 0xE0020...0xE007F, 0x1F1E6...0x1F1FF: return true
        default: return false
        }
    }

    /// A nonspacing or enclosing mark (stacks on the previous character in every terminal).
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return !isSequenceScalar(scalar)
        default: return false
        }
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(scalar.value) }

    /// A regional indicator's letter ("D" for 🇩).
    static func letter(of scalar: Unicode.Scalar) -> String {
        String(Character(Unicode.Scalar(scalar.value - 0x1F1E6 + 0x41)!))
    }

    /// `cells` followed by spaces up to `width` columns.
    private static func padded(_ cells: [(grapheme: String, width: Int)], to width: Int) -> [(grapheme: String, width: Int)] {
        let used = cells.reduce(0) { $0 + $1.width }
        return cells + Array(repeating: (" ", 1), count: max(0, width - used))
    }
}
