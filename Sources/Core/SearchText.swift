/// How text is prepared for the full-text index and how a search is split into index terms —
/// the same folding on both sides, so what a user types meets what was stored.
///
/// On top of SQLite's `unicode61 remove_diacritics 2` (case and most Latin accents), the index
/// text folds what that tokenizer keeps apart: letters with strokes or ligatures (Ł→l, Ø→o, ß→ss,
/// Đ→d, Æ→ae, Œ→oe, Þ→th, ı/İ→i), Greek tonos and dialytika (Αθήνα→αθηνα) and final sigma, Cyrillic
/// ё→е, fullwidth ASCII, and combining marks (text typed decomposed). Runs of CJK (Han, kana,
/// Hangul) become overlapping bigrams plus the run's last character (`株式会社` → `株式 式会 会社 社`),
/// so any substring of 2+ characters is a set of whole terms and one character is a prefix.
/// Emoji become one word each (`🌱` → `emoji1f331`), so a search for an emoji finds it literally;
/// skin tones, joiners and variation selectors are dropped.
public enum SearchText {
    /// One term of a search: its text (already folded) and whether it matches as a prefix.
    public struct Term: Sendable, Equatable {
        /// The folded text, as stored in the index.
        public var text: String
        /// Matches any term starting with `text` (the last word being typed; one CJK character).
        public var isPrefix: Bool
        /// A CJK bigram (always exact) rather than a word.
        public var isCJK: Bool

        /// A term.
        public init(_ text: String, isPrefix: Bool, isCJK: Bool = false) {
            self.text = text
            self.isPrefix = isPrefix
            self.isCJK = isCJK
        }
    }

    /// The most terms a search uses (a long CJK query makes many bigrams).
    public static let maximumTerms = 12

    /// The text to index for `text` (name, e-mail, company, notes...). ASCII text comes back as is.
    public static func indexText(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var output = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flush() {
            guard !run.isEmpty else { return }
            output.append(" ")
            for index in run.indices.dropLast() {
                output.append(run[index])
                output.append(run[index + 1])
                output.append(" ")
            }
            output.append(run[run.count - 1])
            output.append(" ")
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if isCJK(scalar) {
                run.append(scalar)
                continue
            }
            flush()
            append(scalar, to: &output)
        }
        flush()
        return String(output)
    }

    /// The terms of a search text, in order: words (letters and digits, folded like the index)
    /// and CJK bigrams. Empty when the text has nothing indexable (only punctuation or spaces).
    public static func terms(_ text: String) -> [Term] {
        var terms: [Term] = []
        var word = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flushWord() {
            guard !word.isEmpty else { return }
            terms.append(Term(String(word), isPrefix: true))
            word.removeAll()
        }
        func flushRun() {
            guard !run.isEmpty else { return }
            if run.count == 1 {
                terms.append(Term(String(Character(run[0])), isPrefix: true, isCJK: true))
            } else {
                for index in run.indices.dropLast() {
                    var pair = String.UnicodeScalarView()
                    pair.append(run[index])
                    pair.append(run[index + 1])
                    terms.append(Term(String(pair), isPrefix: false, isCJK: true))
                }
            }
            run.removeAll()
        }
        for scalar in text.unicodeScalars {
            if isCJK(scalar) {
                flushWord()
                run.append(scalar)
                continue
            }
            flushRun()
            var folded = String.UnicodeScalarView()
            append(scalar, to: &folded)
            for piece in folded {
                if piece.properties.isAlphabetic || piece.properties.numericType != nil {
                    word.append(piece)
                } else {
                    flushWord()
                }
            }
        }
        flushWord()
        flushRun()
        var seen = Set<String>()
        return Array(terms.filter { seen.insert($0.text + ($0.isPrefix ? "*" : "")).inserted }.prefix(maximumTerms))
    }

    /// Whether a scalar belongs to a CJK run (Han, Hiragana, Katakana, Hangul, their extensions).
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF,  // Hiragana, Katakana (with ー)
             0x31F0...0x31FF,  // Katakana phonetic extensions
             0x3400...0x4DBF,  // CJK extension A
             0x4E00...0x9FFF,  // CJK unified ideographs
             0xAC00...0xD7A3,  // Hangul syllables
             0xF900...0xFAFF,  // CJK compatibility ideographs
             0xFF66...0xFF9F,  // half-width Katakana
             0x20000...0x3134F:  // CJK extensions B–G
            return true
        default:
            return false
        }
    }

    /// Appends the folded form of one (non-CJK) scalar.
    static func append(_ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView) {
        let value = scalar.value
        if value < 0x80 { return output.append(scalar) }
        if let folded = letterFolds[value] { return output.append(contentsOf: folded.unicodeScalars) }
        switch value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            return  // combining marks (decomposed input): dropped
        case 0x200B...0x200F, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F:
            return  // zero-width, joiners, variation selectors, skin tones, tag characters
        case 0xFF01...0xFF5E:
            return output.append(Unicode.Scalar(value - 0xFEE0)!)  // fullwidth ASCII
        default:
            break
        }
        if value >= 0x2100, scalar.properties.isEmoji {  // pictographs and flag letters
            output.append(contentsOf: " emoji\(String(value, radix: 16)) ".unicodeScalars)
            return
        }
        output.append(scalar)
    }

    /// Letters `unicode61 remove_diacritics 2` leaves unfolded, with what a user types instead.
    static let letterFolds: [UInt32: String] = [
        // Latin strokes, ligatures and special letters
        0x0141: "l", 0x0142: "l", 0x013F: "l", 0x0140: "l", 0x00D8: "o", 0x00F8: "o", 0x01FE: "o", 0x01FF: "o",
        0x00DF: "ss", 0x1E9E: "ss", 0x0110: "d", 0x0111: "d", 0x00D0: "d", 0x00F0: "d", 0x0126: "h", 0x0127: "h",
        0x0131: "i", 0x0130: "i", 0x00C6: "ae", 0x00E6: "ae", 0x0152: "oe", 0x0153: "oe", 0x00DE: "th", 0x00FE: "th",
        0x0166: "t", 0x0167: "t", 0x0192: "f", 0x0138: "k", 0x014A: "n", 0x014B: "n",
        // Greek tonos, dialytika, final sigma
        0x0386: "α", 0x03AC: "α", 0x0388: "ε", 0x03AD: "ε", 0x0389: "η", 0x03AE: "η",
        0x038A: "ι", 0x03AF: "ι", 0x03AA: "ι", 0x03CA: "ι", 0x0390: "ι", 0x038C: "ο", 0x03CC: "ο",
        0x038E: "υ", 0x03CD: "υ", 0x03AB: "υ", 0x03CB: "υ", 0x03B0: "υ", 0x038F: "ω", 0x03CE: "ω", 0x03C2: "σ",
        // Cyrillic
        0x0401: "е", 0x0451: "е",
    ]
}
