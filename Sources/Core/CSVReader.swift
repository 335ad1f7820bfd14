import Foundation

/// One CSV record: its fields and the physical line (1-based) of the file where it starts.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    /// The line the record starts on; a record with embedded newlines spans several lines.
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}

/// Why a CSV file could not be read, with the line it happened on.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// A quoted field opened on `line` never closes.
        case unterminatedQuote
        /// Text follows a closing quote before the next comma or line end (`"ab"c`).
        case textAfterClosingQuote
        /// The bytes of a field are not valid UTF-8.
        case invalidUTF8
    }

    public var kind: Kind
    public var line: Int

    public init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    /// What went wrong, without the line.
    public var message: String {
        switch kind {
        case .unterminatedQuote:
            return "quoted field is never closed (the '\"' opened on this line has no closing '\"')"
        case .textAfterClosingQuote:
            return "unexpected text after a closing quote (write a quote inside a quoted field as \"\")"
        case .invalidUTF8:
            return "text is not valid UTF-8 (save the file as UTF-8)"
        }
    }

    /// "line N: message".
    public var description: String { "line \(line): \(message)" }
}

/// An RFC 4180 reader over bytes: comma-separated, fields optionally in double quotes, `""`
/// for a quote inside them, quoted fields may hold commas and line breaks. Records end at
/// CRLF, LF or a lone CR; a UTF-8 byte order mark at the start is skipped; empty lines are
/// skipped. Works on bytes (the separators are ASCII, so they never occur inside a multi-byte
/// UTF-8 character) and decodes each field as UTF-8, failing on invalid bytes.
public struct CSVReader: Sendable {
    private let bytes: [UInt8]
    private var position: Int
    private var line = 1
    private var scratch: [UInt8] = []

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    /// A reader over the file's bytes.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// A reader over the file's data.
    public init(data: Data) { self.init(bytes: [UInt8](data)) }

    /// A reader over text (already decoded, so never `.invalidUTF8`).
    public init(text: String) { self.init(bytes: Array(text.utf8)) }

    /// Every record of `text` at once.
    public static func records(in text: String) throws(CSVError) -> [CSVRecord] {
        var reader = CSVReader(text: text)
        var out: [CSVRecord] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    /// The next record, or nil at the end of the input.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        while position < bytes.count {
            let start = line
            var fields: [String] = []
            var atEnd = false
            while !atEnd {
                let (field, endOfRecord) = try readField()
                fields.append(field)
                atEnd = endOfRecord
            }
            if fields.count == 1, fields[0].isEmpty, !lastFieldWasQuoted { continue }  // empty line
            return CSVRecord(fields: fields, line: start)
        }
        return nil
    }

    private var lastFieldWasQuoted = false

    /// Reads one field and the separator after it; returns whether the record ended.
    private mutating func readField() throws(CSVError) -> (String, Bool) {
        if position < bytes.count, bytes[position] == Self.quote {
            lastFieldWasQuoted = true
            return try readQuotedField()
        }
        lastFieldWasQuoted = false
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.comma {
                let field = try decode(bytes[start..<position])
                position += 1
                return (field, false)
            }
            if byte == Self.cr || byte == Self.lf {
                let field = try decode(bytes[start..<position])
                consumeLineBreak()
                return (field, true)
            }
            position += 1
        }
        return (try decode(bytes[start..<position]), true)
    }

    private mutating func readQuotedField() throws(CSVError) -> (String, Bool) {
        let openedOn = line
        position += 1  // opening quote
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard position < bytes.count else { throw CSVError(.unterminatedQuote, line: openedOn) }
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                    scratch.append(Self.quote)
                    position += 2
                    continue
                }
                position += 1  // closing quote
                break
            }
            if byte == Self.lf || (byte == Self.cr && (position + 1 >= bytes.count || bytes[position + 1] != Self.lf)) {
                line += 1
            }
            scratch.append(byte)
            position += 1
        }
        let field = try decode(scratch[...])
        guard position < bytes.count else { return (field, true) }
        switch bytes[position] {
        case Self.comma:
            position += 1
            return (field, false)
        case Self.cr, Self.lf:
            consumeLineBreak()
            return (field, true)
        default:
            throw CSVError(.textAfterClosingQuote, line: line)
        }
    }

    /// Skips CRLF, LF or CR and counts the line.
    private mutating func consumeLineBreak() {
        if bytes[position] == Self.cr, position + 1 < bytes.count, bytes[position + 1] == Self.lf {
            position += 2
        } else {
            position += 1
        }
        line += 1
    }

    private func decode(_ slice: ArraySlice<UInt8>) throws(CSVError) -> String {
        if slice.isEmpty { return "" }
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw CSVError(.invalidUTF8, line: line)
        }
        return text
    }
}
