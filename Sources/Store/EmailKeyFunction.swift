internal import CSQLite

/// `closer_email_key(text)`: the key of the e-mail index (size, issue 11), a 32-bit FNV-1a hash of
/// the address with ASCII letters lowered as SQLite's `lower()` does, so one index answers both the
/// exact lookup and the case-insensitive one. Four bytes per lead instead of the whole address
/// (≈26 MB less at a million). Lookups compare the key and then the address itself: a collision
/// costs one more row read, never a wrong answer. Registered on every connection (the index calls
/// it on every lead write); the sqlite3 shell, which lacks it, cannot write leads (as with
/// `closer_search_text`) nor check that index.
///
/// Queries write the address comparison as `+email = ?`: with a plain `email = ?` SQLite's constant
/// propagation rewrites `closer_email_key(email)` into `closer_email_key(?)`, which no longer
/// matches the index expression, and scans the table.
enum EmailKeyFunction {
    static let name = "closer_email_key"

    /// The WHERE term of an exact lookup of the address bound as ?1 (through the index).
    static let exactMatch = "closer_email_key(email) = closer_email_key(?1) AND email <> '' AND +email = ?1"

    /// The WHERE term of a lookup ignoring ASCII case (SQLite's `lower()`), also through the index.
    static let caseInsensitiveMatch = "closer_email_key(email) = closer_email_key(?1) AND email <> '' AND lower(email) = lower(?1)"

    /// The key of `bytes` (UTF-8): FNV-1a over the bytes, A–Z lowered, as a signed 32-bit value
    /// (stored in 4 bytes).
    static func key<Bytes: Sequence>(_ bytes: Bytes) -> Int64 where Bytes.Element == UInt8 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            hash = (hash ^ UInt32(lowered)) &* 16_777_619
        }
        return Int64(Int32(bitPattern: hash))
    }

    /// Registers the function on `handle` (deterministic, one argument; NULL for NULL).
    static func register(on handle: OpaquePointer) -> Int32 {
        sqlite3_create_function_v2(
            handle, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nil,
            { context, count, arguments in
                guard count == 1, let arguments, let value = arguments[0],
                      sqlite3_value_type(value) != SQLITE_NULL, let text = sqlite3_value_text(value) else {
                    sqlite3_result_null(context)
                    return
                }
                let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value)))
                sqlite3_result_int64(context, EmailKeyFunction.key(bytes))
            }, nil, nil, nil)
    }
}
