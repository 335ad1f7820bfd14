import Foundation

/// Decodes the request bodies seed 001 clients send: query strings and
/// `application/x-www-form-urlencoded`, `multipart/form-data`, and (for `/_sim/`) JSON objects.
/// A repeated field keeps its last value. Malformed input gives nil, never a crash.
public enum FormDecoder {
    /// `a=1&b=x+y%21` → ["a": "1", "b": "x y!"]; nil on invalid percent-encoding.
    public static func urlEncoded(_ text: String) -> [String: String]? {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decodeComponent(parts[0]) else { return nil }
            let value = parts.count > 1 ? decodeComponent(parts[1]) : ""
            guard let value else { return nil }
            if !name.isEmpty { fields[name] = value }
        }
        return fields
    }

    private static func decodeComponent(_ part: Substring) -> String? {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        if !spaced.contains("%") { return spaced }
        return spaced.removingPercentEncoding
    }

    /// Parses a multipart body using the `boundary` of its Content-Type; nil when it is malformed.
    public static func multipart(_ body: [UInt8], contentType: String) -> [String: String]? {
        guard let boundary = parameter("boundary", in: contentType), !boundary.isEmpty else { return nil }
        let delimiter = [UInt8](("--" + boundary).utf8)
        var fields: [String: String] = [:]
        guard var position = find(delimiter, in: body, from: 0) else { return nil }
        while true {
            var start = position + delimiter.count
            // "--" after the delimiter ends the body.
            if start + 1 < body.count, body[start] == 45, body[start + 1] == 45 { return fields }
            guard start + 1 < body.count, body[start] == 13, body[start + 1] == 10 else { return nil }
            start += 2
            guard let next = find(delimiter, in: body, from: start) else { return nil }
            // The part ends with CRLF before the next delimiter.
            guard next >= start + 2, body[next - 2] == 13, body[next - 1] == 10 else { return nil }
            let part = Array(body[start..<(next - 2)])
            guard let split = find([13, 10, 13, 10], in: part, from: 0),
                  let head = String(bytes: part[0..<split], encoding: .utf8) else { return nil }
            var name: String?
            for line in head.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") { name = parameter("name", in: line) }
            }
            guard let name else { return nil }
            let valueBytes = part[(split + 4)...]
            guard let value = String(bytes: valueBytes, encoding: .utf8) else { return nil }
            fields[name] = value
            position = next
        }
    }

    /// A JSON object body with its values as strings (numbers and booleans spelled out, null as "").
    public static func jsonObject(_ body: [UInt8]) -> [String: String]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
        var fields: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case let text as String: fields[key] = text
            case let number as NSNumber:
                let isBool = String(cString: number.objCType) == "c"
                fields[key] = isBool ? (number.boolValue ? "true" : "false") : number.stringValue
            case is NSNull: fields[key] = ""
            default: return nil
            }
        }
        return fields
    }

    /// A `; name=value` or `; name="value"` parameter of a header value.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let parts = piece.split(separator: "=", maxSplits: 1)
            guard parts.count == 2,
                  parts[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }

    /// The first index of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
