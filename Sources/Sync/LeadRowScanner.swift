/// A minimal scanner over a seed 001 list page's bytes: finds each object of `data.results`
/// (its byte range and `slug`), `data.count` and whether `data.next` is set, without building
/// any values. An unchanged lead then costs a hash of its bytes and one lookup (issue 8 §3).
/// Anything it does not expect makes it return nil, and the caller decodes the page normally.
struct LeadRowScanner {
    /// One result object.
    struct Row {
        var slug: String
        var range: Range<Int>
    }

    /// What a page holds.
    struct Page {
        var rows: [Row]
        var count: Int?
        var hasNext: Bool
        var statusCode: Int?
    }

    let bytes: [UInt8]
    var index = 0

    /// Scans `bytes`; nil when they are not the envelope `{…, "data": {"results": [...], ...}}`.
    static func scan(_ bytes: [UInt8]) -> Page? {
        var scanner = LeadRowScanner(bytes: bytes)
        return scanner.envelope()
    }

    // MARK: - Structure

    mutating func envelope() -> Page? {
        var page: Page? = nil
        var statusCode: Int? = nil
        guard object({ scanner, key in
            switch key {
            case "status_code":
                statusCode = scanner.integer()
                return statusCode != nil
            case "data":
                page = scanner.dataObject()
                return page != nil
            default:
                return scanner.skipValue()
            }
        }) else { return nil }
        skipSpace()
        guard index == bytes.count, var found = page else { return nil }
        found.statusCode = statusCode
        return found
    }

    mutating func dataObject() -> Page? {
        var rows: [Row]? = nil
        var count: Int? = nil
        var hasNext = false
        guard object({ scanner, key in
            switch key {
            case "results":
                rows = scanner.results()
                return rows != nil
            case "count":
                count = scanner.integer()
                return count != nil
            case "next":
                scanner.skipSpace()
                hasNext = scanner.peek != UInt8(ascii: "n")  // null
                if scanner.peek == UInt8(ascii: "\"") {
                    let start = scanner.index
                    guard scanner.skipValue() else { return false }
                    hasNext = scanner.index - start > 2  // not ""
                    return true
                }
                return scanner.skipValue()
            default:
                return scanner.skipValue()
            }
        }), let rows else { return nil }
        return Page(rows: rows, count: count, hasNext: hasNext)
    }

    mutating func results() -> [Row]? {
        skipSpace()
        guard consume(UInt8(ascii: "[")) else { return nil }
        var rows: [Row] = []
        skipSpace()
        if consume(UInt8(ascii: "]")) { return rows }
        while true {
            skipSpace()
            let start = index
            var slug: String? = nil
            guard object({ scanner, key in
                if key == "slug" {
                    slug = scanner.string()
                    return slug != nil
                }
                return scanner.skipValue()
            }) else { return nil }
            guard let slug, !slug.isEmpty else { return nil }
            rows.append(Row(slug: slug, range: start..<index))
            skipSpace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { return rows }
            return nil
        }
    }

    /// `{ "key": value, ... }`, calling `member` with the scanner on each value.
    mutating func object(_ member: (inout LeadRowScanner, String) -> Bool) -> Bool {
        skipSpace()
        guard consume(UInt8(ascii: "{")) else { return false }
        skipSpace()
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            skipSpace()
            guard let key = string() else { return false }
            skipSpace()
            guard consume(UInt8(ascii: ":")) else { return false }
            guard member(&self, key) else { return false }
            skipSpace()
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    // MARK: - Values

    /// A string without escapes (keys, slugs); nil for one with escapes or malformed.
    mutating func string() -> String? {
        skipSpace()
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    mutating func integer() -> Int? {
        skipSpace()
        var value = 0
        var digits = 0
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57, digits < 18 {
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// Skips any JSON value (strings with escapes, nested containers, literals, numbers).
    mutating func skipValue() -> Bool {
        skipSpace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                index += 1
                if byte == UInt8(ascii: "\"") { return true }
            }
            return false
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    guard skipValue() else { return false }
                    continue
                }
                index += 1
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { return true }
                }
            }
            return false
        default:
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
                    || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { break }
                index += 1
            }
            return index > start
        }
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// FNV-1a 64 of a byte range, as 16 hex digits prefixed with "r" (raw), so it never equals a
    /// field hash (`ContentHash`).
    static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for i in range { hash = (hash ^ UInt64(buffer[i])) &* 0x100_0000_01b3 }
        }
        let text = String(hash, radix: 16)
        return "r" + String(repeating: "0", count: 16 - text.count) + text
    }
}
