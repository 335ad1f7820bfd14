/// A failed SQLite call: the result code, SQLite's message and the SQL that was running.
public struct DatabaseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The SQLite (extended) result code, e.g. 19 for a constraint violation.
    public let code: Int32
    /// SQLite's own message for the failure.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    /// Makes an error from its parts.
    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var description: String {
        if let sql { return "SQLite error \(code): \(message) (in: \(sql))" }
        return "SQLite error \(code): \(message)"
    }
}

/// A failure of a store operation that is not SQLite's own (missing record, bad value).
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No record of that kind with that local id (or it was deleted).
    case notFound(kind: String, id: Int64)
    /// A value that cannot be stored, e.g. an unknown status spelling for a field.
    case invalidValue(field: String, value: String)
    /// The outbox entry is not in a state that allows the operation (e.g. discarding a pending one).
    case wrongOutboxState(id: Int64, state: String)
    /// The database file was written by a newer Closer (schema version higher than known).
    case schemaTooNew(found: Int, known: Int)

    public var description: String {
        switch self {
        case .notFound(let kind, let id): return "no \(kind) with id \(id)"
        case .invalidValue(let field, let value): return "\(field): \"\(value)\" is not a valid value"
        case .wrongOutboxState(let id, let state): return "outbox entry \(id) is \(state)"
        case .schemaTooNew(let found, let known):
            return "database schema version \(found) is newer than this Closer understands (\(known))"
        }
    }
}
