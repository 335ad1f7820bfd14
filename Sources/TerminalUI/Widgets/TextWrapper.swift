import Core

/// Wraps text to a width in display columns: at spaces where possible, otherwise between
/// grapheme clusters (never inside a wide character or a combining sequence).
public enum TextWrapper {
    /// The lines of `text` (sanitised as multi-line text) wrapped to `width` columns.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let clean = TextSanitizer.multiline(text)
        var lines: [String] = []
        for paragraph in clean.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(Substring(paragraph), width: width)
        }
        return lines
    }

    static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        if paragraph.isEmpty { return [""] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = DisplayWidth.of(String(word))
            let gap = line.isEmpty ? 0 : 1
            if lineWidth + gap + wordWidth <= width {
                if gap == 1 { line += " " }
                line += word
                lineWidth += gap + wordWidth
                continue
            }
            if !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if wordWidth <= width {
                line = String(word)
                lineWidth = wordWidth
                continue
            }
            for character in word {  // a word longer than the line: break between graphemes
                let w = DisplayWidth.of(character)
                if lineWidth + w > width && !line.isEmpty {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += w
            }
        }
        lines.append(line)
        return lines
    }
}
