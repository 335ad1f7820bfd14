internal import CSQLite
import Foundation

/// One SQLite connection: WAL, foreign keys on, a busy timeout, a statement cache and
/// (nested) transactions. Not thread-safe by itself; `LeadStore` serialises access to it.
public final class Database {
    let handle: OpaquePointer
    /// The file path ("" or ":memory:" for an in-memory database).
    public let path: String
    private var cache: [String: Statement] = [:]
    private var transactionDepth = 0
    /// Where a long migration step reports progress (nil: silently). `LeadStore(path:notice:)` sets it.
    var notice: ((String) -> Void)?
    /// Set by a migration that freed much of the file: `Migrator` runs VACUUM after the last step.
    var compactAfterMigration = false

    /// Before the first connection of the process: SQLite's memory statistics off (see shim.h).
    private static let libraryConfigured: Bool = {
        _ = closer_sqlite_disable_memory_statistics()
        return true
    }()

    /// Opens (creating if needed) the database at `path` and sets the connection pragmas.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 5000) throws {
        self.path = path
        _ = Self.libraryConfigured
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
            sqlite3_close_v2(db)
            throw DatabaseError(code: code, message: message, sql: nil)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        do {
            let registered = SearchTextFunction.register(on: db)
            guard registered == SQLITE_OK else { throw DatabaseError(code: registered, message: "cannot register \(SearchTextFunction.name)", sql: nil) }
            let keyed = EmailKeyFunction.register(on: db)  // size: the e-mail index's key
            guard keyed == SQLITE_OK else { throw DatabaseError(code: keyed, message: "cannot register \(EmailKeyFunction.name)", sql: nil) }
            if path != ":memory:" && !path.isEmpty {
                // size (issue 11): a new file gets 8 KiB pages (fewer page headers and half-empty
                // page ends: ≈1% smaller at a million leads). Ignored by a file that has pages.
                try execute("PRAGMA page_size = 8192")
                try enableWAL(waitingUpTo: Int(busyTimeoutMilliseconds))
            }
            try execute("PRAGMA foreign_keys = ON")
            try execute("PRAGMA synchronous = NORMAL")
            try execute("PRAGMA temp_store = MEMORY")
            try execute("PRAGMA cache_size = -65536")
        } catch {
            sqlite3_close_v2(db)
            throw error
        }
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Switches a file to WAL. Changing the journal mode ignores the busy handler, and two
    /// processes may open a fresh file at once: retry while the other one holds the lock.
    private func enableWAL(waitingUpTo milliseconds: Int) throws {
        var waited = 0
        while true {
            do {
                if try scalarText("PRAGMA journal_mode")?.lowercased() == "wal" { return }
                try execute("PRAGMA journal_mode = WAL")
                return
            } catch let error as DatabaseError where error.code & 0xFF == SQLITE_BUSY && waited < milliseconds {
                usleep(10_000)
                waited += 10
            }
        }
    }

    func error(_ code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs one or more statements without results (DDL, pragmas).
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw DatabaseError(code: code, message: text, sql: sql)
        }
    }

    /// A new prepared statement (finalized when released).
    public func prepare(_ sql: String) throws -> Statement { try Statement(database: self, sql: sql) }

    /// A prepared statement kept for reuse: for hot queries with fixed SQL.
    public func cached(_ sql: String) throws -> Statement {
        if let statement = cache[sql] {
            statement.reset()
            return statement
        }
        let statement = try Statement(database: self, sql: sql)
        if cache.count >= 256 { cache.removeAll() }
        cache[sql] = statement
        return statement
    }

    /// Runs a write with bound values through the cache.
    public func run(_ sql: String, _ values: [SQLValue] = []) throws {
        let statement = try cached(sql)
        try statement.bind(values)
        try statement.run()
    }

    /// The first column of the first row as an integer (nil when there is no row).
    public func scalarInt(_ sql: String, _ values: [SQLValue] = []) throws -> Int64? {
        try cached(sql).firstRow(values) { $0.optionalInt64(0) } ?? nil
    }

    /// The first column of the first row as text.
    public func scalarText(_ sql: String, _ values: [SQLValue] = []) throws -> String? {
        try cached(sql).firstRow(values) { $0.optionalText(0) } ?? nil
    }

    /// The rowid of the last insert on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Rows changed since the connection opened (tests use it to prove "no write").
    public var totalChanges: Int { Int(sqlite3_total_changes(handle)) }

    /// Whether a transaction is open on this connection.
    public var inTransaction: Bool { transactionDepth > 0 }

    /// Runs `body` in a transaction (`BEGIN IMMEDIATE`; a savepoint when nested): all or nothing.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let depth = transactionDepth
        if depth == 0 {
            try execute("BEGIN IMMEDIATE")
        } else {
            try execute("SAVEPOINT sp\(depth)")
        }
        transactionDepth += 1
        do {
            let result = try body()
            transactionDepth -= 1
            if depth == 0 {
                do { try execute("COMMIT") } catch {
                    try? execute("ROLLBACK")
                    throw error
                }
            } else {
                try execute("RELEASE sp\(depth)")
            }
            return result
        } catch {
            transactionDepth = depth
            if depth == 0 {
                try? execute("ROLLBACK")
            } else {
                try? execute("ROLLBACK TO sp\(depth)")
                try? execute("RELEASE sp\(depth)")
            }
            throw error
        }
    }

    /// Drops cached statements (after schema changes made outside the migrator).
    public func clearStatementCache() { cache.removeAll() }
}
