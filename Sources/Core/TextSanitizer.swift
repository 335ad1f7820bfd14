/// Makes untrusted text (server JSON, CSV, imported files) safe for a terminal: removes ESC
/// sequences (CSI, OSC, DCS and two-byte ones), C0 and C1 control characters, DEL, and the bidi
/// overrides and isolates that can reorder what the user sees.
public enum TextSanitizer {
    /// One-line text: newlines and tabs become single spaces, every other control is removed.
    public static func line(_ text: String) -> String {
        clean(text, keepNewlines: false)
    }

    /// Multi-line text: newlines are kept, tabs become spaces, every other control is removed.
    public static func multiline(_ text: String) -> String {
        clean(text, keepNewlines: true)
    }

    /// Whether the text holds nothing `line` would change (a fast path for clean data).
    public static func isClean(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where isUnsafe(scalar) { return false }
        return true
    }

    static func clean(_ text: String, keepNewlines: Bool) -> String {
        if isClean(text) { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? scalars.next() {
            pending = nil
            switch scalar.value {
            case 0x1B:  // ESC: drop the whole sequence
                pending = skipEscape(&scalars)
            case 0x9B:  // C1 CSI
                pending = skipCSI(&scalars)
            case 0x9D, 0x90, 0x9E, 0x9F:  // C1 OSC, DCS, PM, APC
                pending = skipString(&scalars)
            case 0x0A, 0x0D:
                if keepNewlines {
                    if scalar.value == 0x0A { out.append("\n") }
                } else if out.last != " " {
                    out.append(" ")
                }
            case 0x09:
                if keepNewlines { out.append(contentsOf: "    ".unicodeScalars) } else if out.last != " " { out.append(" ") }
            default:
                if !isUnsafe(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// Controls (C0, DEL, C1) and bidi overrides / isolates (U+202A–202E, U+2066–2069).
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
    }

    /// After ESC: skips a CSI, OSC/DCS/PM/APC string, or a two-character sequence. Returns a scalar read too far.
    private static func skipEscape(_ it: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        guard let next = it.next() else { return nil }
        switch next {
        case "[": return skipCSI(&it)
        case "]", "P", "^", "_", "X": return skipString(&it)
        case "(", ")", "*", "+", "#", "%", " ":  // charset / two-byte intermediates: one more byte
            _ = it.next()
            return nil
        default:
            return nil
        }
    }

    /// Skips CSI parameters up to and including the final byte (0x40–0x7E).
    private static func skipCSI(_ it: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        while let s = it.next() {
            if s.value >= 0x40 && s.value <= 0x7E { return nil }
            if s.value < 0x20 || s.value > 0x7E { return s.value == 0x1B ? s : nil }
        }
        return nil
    }

    /// Skips a string sequence up to BEL or ST (ESC \ or 0x9C).
    private static func skipString(_ it: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        while let s = it.next() {
            if s.value == 0x07 || s.value == 0x9C { return nil }
            if s.value == 0x1B {
                guard let after = it.next() else { return nil }
                if after == "\\" { return nil }
            }
        }
        return nil
    }
}
