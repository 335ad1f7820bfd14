import Core

/// How an activity's type and text are stored (size, issue 11, third round): half of a
/// million-lead file's two million activities are "created / Lead created", and every seeded or
/// pulled activity of a known type carries that type's usual text. A known type is stored as one
/// digit (its code) and its usual text as `''`, so the row keeps only what differs (−36 MB at a
/// million leads). Every writer encodes and every reader decodes here; SQL that compares a type
/// uses `stored(type:)`.
///
/// Escapes keep the mapping exact for any value: a type that is one character or starts with `=`
/// is stored as `=` + type; for a known type, a text that is empty or starts with `=` is stored as
/// `=` + text (so `''` can only mean the usual text).
enum ActivityCoding {
    /// Known types by code (the stored digit is the index), with their usual text. Append only:
    /// stored files keep these codes.
    static let known: [(type: String, text: String)] = [
        (Schema.creationActivityType, "Lead created"),
        ("call", "Outbound call, 5 minutes"), ("email", "Sent follow-up e-mail"),
        ("meeting", "Intro meeting held"), ("status", "Status changed"), ("note", "Note added"),
        ("conflict", ""),
    ]

    /// Known type → (stored code, usual text).
    private static let byType: [String: (code: String, text: String)] = Dictionary(
        known.enumerated().map { ($0.element.type, (String($0.offset), $0.element.text)) }, uniquingKeysWith: { a, _ in a })

    /// The stored form of `type` and `text` (one look-up: the seeder writes two million).
    static func stored(type: String, text: String) -> (type: String, text: String) {
        guard let entry = byType[type] else { return (type.unicodeScalars.count == 1 || type.hasPrefix("=") ? "=" + type : type, text) }
        if text == entry.text { return (entry.code, "") }
        return (entry.code, text.isEmpty || text.hasPrefix("=") ? "=" + text : text)
    }

    /// The stored form of `type`.
    static func stored(type: String) -> String { stored(type: type, text: "").type }

    /// The stored form of `text` for an activity of `type`.
    static func stored(text: String, type: String) -> String { stored(type: type, text: text).text }

    /// The type and text of a stored row.
    static func decoded(type: String, text: String) -> (type: String, text: String) {
        if type.hasPrefix("=") { return (String(type.dropFirst()), text) }
        guard type.unicodeScalars.count == 1, let code = Int(type), known.indices.contains(code) else { return (type, text) }
        let entry = known[code]
        if text.isEmpty { return (entry.type, entry.text) }
        return (entry.type, text.hasPrefix("=") ? String(text.dropFirst()) : text)
    }

    /// `stored(type:)` of the SQL expression `type` (the re-encoding of rows written before it).
    static func storedTypeSQL(_ type: String) -> String {
        let cases = known.enumerated().map { "WHEN \(SQLText.literal($0.element.type)) THEN '\($0.offset)'" }
        return "CASE \(type) \(cases.joined(separator: " ")) "
            + "ELSE CASE WHEN length(\(type)) = 1 OR substr(\(type), 1, 1) = '=' THEN '=' || \(type) ELSE \(type) END END"
    }

    /// `stored(text:type:)` of the SQL expressions `text` and `type` (before re-encoding).
    static func storedTextSQL(_ text: String, type: String) -> String {
        let escaped = "CASE WHEN \(text) = '' OR substr(\(text), 1, 1) = '=' THEN '=' || \(text) ELSE \(text) END"
        let cases = known.map { "WHEN \(SQLText.literal($0.type)) THEN CASE WHEN \(text) = \(SQLText.literal($0.text)) THEN '' ELSE \(escaped) END" }
        return "CASE \(type) \(cases.joined(separator: " ")) ELSE \(text) END"
    }
}

/// SQL string literals for constants written into statements.
enum SQLText {
    /// `value` as a single-quoted SQL literal.
    static func literal(_ value: String) -> String { "'" + value.replacingOccurrences(of: "'", with: "''") + "'" }
}
