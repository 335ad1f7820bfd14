import Foundation

/// The `metadata` column of the lead CSV: one JSON object of string values, keys sorted
/// (`{"crm_id":"42","region":"EMEA"}`), empty when there is no metadata.
public enum LeadCSVMetadata {
    /// The message for a metadata cell that is not a JSON object of strings (Closer's own wording).
    public static let invalidMessage = "Enter a JSON object of text values, e.g. {\"key\": \"value\"}."

    /// The cell for `metadata`: "" when empty, otherwise a compact JSON object with sorted keys.
    public static func encode(_ metadata: [String: String]) -> String {
        guard !metadata.isEmpty else { return "" }
        var out = "{"
        for (index, key) in metadata.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            out += jsonString(key) + ":" + jsonString(metadata[key] ?? "")
        }
        return out + "}"
    }

    /// The metadata in a cell, [:] for an empty cell, nil when it is not a JSON object of strings.
    public static func decode(_ cell: String) -> [String: String]? {
        if cell.allSatisfy(\.isWhitespace) { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(cell.utf8)),
              let dictionary = object as? [String: Any] else { return nil }
        var out: [String: String] = [:]
        for (key, value) in dictionary {
            guard let text = value as? String else { return nil }
            out[key] = text
        }
        return out
    }

    /// A JSON string literal. Control characters, DEL, C1 controls and bidi overrides are
    /// written as `\uXXXX`, so JSON printed to a terminal cannot carry an escape sequence.
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                if v < 0x20 || (v >= 0x7F && v <= 0x9F) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
                    || v == 0x2028 || v == 0x2029 {
                    let hex = String(v, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
