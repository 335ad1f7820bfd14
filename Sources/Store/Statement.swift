internal import CSQLite

/// SQLite wants this destructor to copy bound text before the call returns.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A value bound to a statement parameter.
public enum SQLValue: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// One prepared statement: prepared in `init`, finalized in `deinit`. Not shared across threads.
public final class Statement {
    let handle: OpaquePointer
    /// The SQL this statement was prepared from.
    public let sql: String
    private unowned let database: Database

    init(database: Database, sql: String) throws {
        self.database = database
        self.sql = sql
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, 0, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            let message = String(cString: sqlite3_errmsg(database.handle))
            sqlite3_finalize(statement)
            throw DatabaseError(code: code, message: message, sql: sql)
        }
        handle = statement
    }

    deinit { sqlite3_finalize(handle) }

    /// Clears bindings and resets the statement so it can run again.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds values to parameters 1...n in order.
    @discardableResult
    public func bind(_ values: [SQLValue]) throws -> Statement {
        for (offset, value) in values.enumerated() { try bind(value, at: Int32(offset + 1)) }
        return self
    }

    /// Binds one value to a 1-based parameter index.
    public func bind(_ value: SQLValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let v): code = sqlite3_bind_int64(handle, index, v)
        case .real(let v): code = sqlite3_bind_double(handle, index, v)
        case .text(let v): try bind(v, at: index); return
        }
        guard code == SQLITE_OK else { throw database.error(code, sql: sql) }
    }

    /// Binds a string (copied by SQLite for the call).
    public func bind(_ text: String, at index: Int32) throws {
        var text = text
        let code = text.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) -> Int32 in
            guard let base = bytes.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT) }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), SQLITE_TRANSIENT)
            }
        }
        guard code == SQLITE_OK else { throw database.error(code, sql: sql) }
    }

    /// Binds NULL.
    public func bindNull(at index: Int32) throws {
        let code = sqlite3_bind_null(handle, index)
        guard code == SQLITE_OK else { throw database.error(code, sql: sql) }
    }

    /// Binds an integer.
    public func bind(_ value: Int64, at index: Int32) throws {
        let code = sqlite3_bind_int64(handle, index, value)
        guard code == SQLITE_OK else { throw database.error(code, sql: sql) }
    }

    /// Steps once: true when a row is available, false when done.
    @discardableResult
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = database.error(code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs to completion (for writes), then resets.
    public func run(_ values: [SQLValue] = []) throws {
        if !values.isEmpty { reset(); try bind(values) }
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Calls `body` for every row of the result, then resets.
    public func forEachRow(_ values: [SQLValue] = [], _ body: (Statement) throws -> Void) throws {
        reset()
        try bind(values)
        defer { sqlite3_reset(handle) }
        while try step() { try body(self) }
    }

    /// The rows mapped by `body`.
    public func rows<T>(_ values: [SQLValue] = [], _ body: (Statement) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEachRow(values) { result.append(try body($0)) }
        return result
    }

    /// The first row mapped by `body`, or nil.
    public func firstRow<T>(_ values: [SQLValue] = [], _ body: (Statement) throws -> T) throws -> T? {
        reset()
        try bind(values)
        defer { sqlite3_reset(handle) }
        return try step() ? try body(self) : nil
    }

    // MARK: - Columns (0-based)

    /// Integer column (0 for NULL).
    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    /// Integer column as Int.
    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    /// Real column.
    public func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    /// Whether the column is NULL.
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    /// Optional integer column.
    public func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    /// Text column ("" for NULL), decoded as UTF-8 (invalid bytes repaired).
    public func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Calls `body` with a text column's UTF-8 bytes (empty for NULL), valid only during the call:
    /// for hot loops that compare or hash a column without building a `String`.
    public func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_text(handle, column) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: bytes, count: count))
    }

    /// Optional text column.
    public func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    /// Any column as a `SQLValue`.
    public func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(int64(column))
        case SQLITE_FLOAT: return .real(double(column))
        case SQLITE_NULL: return .null
        default: return .text(text(column))
        }
    }
}
