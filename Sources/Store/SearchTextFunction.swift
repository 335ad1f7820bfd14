internal import CSQLite
import Core

/// `closer_search_text(text)`: the index text of a value (`SearchText.indexText`), registered on
/// every connection because the FTS triggers and the bulk FTS fill call it. ASCII values are
/// returned untouched without building a Swift string (most e-mails, phones and many names).
/// A connection without it (the sqlite3 shell) can read everything but cannot write leads/notes.
enum SearchTextFunction {
    static let name = "closer_search_text"

    /// Registers the function on `handle` (deterministic, UTF-8, one argument).
    static func register(on handle: OpaquePointer) -> Int32 {
        sqlite3_create_function_v2(
            handle, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nil,
            { context, count, arguments in
                guard count == 1, let arguments, let value = arguments[0] else {
                    sqlite3_result_null(context)
                    return
                }
                guard sqlite3_value_type(value) != SQLITE_NULL, let text = sqlite3_value_text(value) else {
                    sqlite3_result_value(context, value)
                    return
                }
                let length = Int(sqlite3_value_bytes(value))  // the ASCII rule of `indexValue`
                let bytes = UnsafeBufferPointer(start: text, count: length)
                if !bytes.contains(where: { $0 >= 0x80 }) {
                    sqlite3_result_value(context, value)
                    return
                }
                let folded = SearchText.indexText(String(decoding: bytes, as: UTF8.self))
                var utf8 = Array(folded.utf8)
                utf8.withUnsafeMutableBytes { raw in
                    sqlite3_result_text(context, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count),
                                        unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                }
            }, nil, nil, nil)
    }

    /// What the function returns for `text`, in Swift (the seeder indexes its leads without the
    /// SQL view): ASCII untouched, anything else `SearchText.indexText`.
    static func indexValue(_ text: String) -> String {
        text.utf8.contains(where: { $0 >= 0x80 }) ? SearchText.indexText(text) : text
    }
}
