/// Writes RFC 4180 CSV: fields are quoted only when they hold a comma, a quote, CR or LF
/// (quotes inside are doubled); records end in CRLF (the RFC's choice) or LF.
public struct CSVWriter: Sendable {
    /// What ends a record.
    public enum LineEnding: String, Sendable {
        case crlf = "\r\n"
        case lf = "\n"
    }

    public var lineEnding: LineEnding

    /// A writer ending records with `lineEnding`.
    public init(lineEnding: LineEnding = .crlf) {
        self.lineEnding = lineEnding
    }

    /// One record, line ending included.
    public func record(_ fields: [String]) -> String {
        var out = ""
        append(fields, to: &out)
        return out
    }

    /// Appends one record, line ending included, to `out`.
    public func append(_ fields: [String], to out: inout String) {
        // A lone empty field would be an empty line, which readers skip: quote it.
        if fields.count == 1, fields[0].isEmpty {
            out += "\"\"" + lineEnding.rawValue
            return
        }
        for (index, field) in fields.enumerated() {
            if index > 0 { out += "," }
            out += Self.escape(field)
        }
        out += lineEnding.rawValue
    }

    /// The field as it appears in a record: unchanged, or quoted with inner quotes doubled.
    public static func escape(_ field: String) -> String {
        var needsQuotes = false
        for byte in field.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return field }
        var out = "\""
        for character in field.unicodeScalars {
            if character == "\"" { out += "\"\"" } else { out.unicodeScalars.append(character) }
        }
        return out + "\""
    }
}
