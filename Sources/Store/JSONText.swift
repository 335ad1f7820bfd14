import Foundation

/// Small JSON helpers for the text columns that hold flat objects (outbox payloads and bases,
/// remote bases, metadata). Hand-written for the common flat string map: JSONEncoder/Decoder
/// cost tens of microseconds per call, too much for imports and pulls of 100,000 leads.
enum JSONText {
    /// `[String: String]` as compact JSON with sorted keys.
    static func encode(_ value: [String: String]) -> String {
        var out = "{"
        out.reserveCapacity(256)  // a lead's base: ≈ 220 bytes
        for (n, member) in value.sorted(by: { $0.key < $1.key }).enumerated() {  // unique keys: sorted-key order
            if n > 0 { out += "," }
            appendString(member.key, to: &out)
            out += ":"
            appendString(member.value, to: &out)
        }
        return out + "}"
    }

    /// `[String: [String]]` as compact JSON with sorted keys.
    static func encode(_ value: [String: [String]]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal.
    static func appendString(_ text: String, to out: inout String) {
        out += "\""
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Decodes a string map; empty or malformed text gives an empty map.
    static func decodeStrings(_ text: String) -> [String: String] {
        guard !text.isEmpty else { return [:] }
        var parser = FlatJSONParser(text)
        if let fast = parser.parse() { return fast }
        return (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }

    /// Decodes a map of message lists; empty or malformed text gives an empty map.
    static func decodeMessages(_ text: String) -> [String: [String]] {
        guard !text.isEmpty, text != "{}" else { return [:] }
        return (try? JSONDecoder().decode([String: [String]].self, from: Data(text.utf8))) ?? [:]
    }
}

/// Parses `{"key":"value",...}` (strings only, any whitespace); nil for anything else.
struct FlatJSONParser {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    mutating func parse() -> [String: String]? {
        var result: [String: String] = [:]
        skipSpace()
        guard take(0x7B) else { return nil }  // {
        skipSpace()
        if take(0x7D) { return atEnd() ? result : nil }
        while true {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard take(0x3A) else { return nil }  // :
            skipSpace()
            guard let value = string() else { return nil }
            result[key] = value
            skipSpace()
            if take(0x2C) { continue }  // ,
            guard take(0x7D) else { return nil }
            return atEnd() ? result : nil
        }
    }

    private mutating func atEnd() -> Bool {
        skipSpace()
        return index == bytes.count
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func string() -> String? {
        guard take(0x22) else { return nil }
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22: return String(decoding: out, as: UTF8.self)
            case 0x5C:
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case 0x22, 0x5C, 0x2F: out.append(escape)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x75:
                    guard var code = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(code) {
                        guard take(0x5C), take(0x75), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { return nil }
                    out += Array(String(Character(scalar)).utf8)
                default: return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                out.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }
}
