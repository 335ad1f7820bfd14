import Core
import Foundation

/// Closer's local database: the UI's source of truth and the sync worker's outbox.
///
/// Open one per connection (the UI and the sync worker may each open their own on the same
/// file; WAL lets readers run while one writes, and writers wait up to the busy timeout).
/// Every public method is serialised by an internal lock, so one instance may be shared
/// between threads or tasks.
public final class LeadStore: @unchecked Sendable {
    let db: Database
    private let lock = NSRecursiveLock()
    /// The bulk write in progress on this connection, if any (guarded by `lock`).
    var ftsDeferral: FTSDeferral?
    /// The detail batch in progress on this connection, if any (guarded by `lock`).
    var noteFTSDeferral: NoteFTSDeferral?
    /// Dashboard speed-to-lead results by query, valid while `dash_state.speed_version` holds (guarded by `lock`).
    var dashboardSpeedCache = VersionedCache<DashboardCacheKey, [String?: SpeedToLead]>()
    /// The week's appointments by query, valid while `dash_state.appointments_version` holds (guarded by `lock`).
    var dashboardAppointmentsCache = VersionedCache<DashboardCacheKey, [DayCount]>()
    /// The database file path.
    public var path: String { db.path }
    /// The most search matches a filter with text considers (the FTS query is capped).
    public static let searchCap = 2000

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    /// A migration that takes long (re-indexing a big file after an upgrade) reports its progress
    /// to `notice`, one line at a time.
    public init(path: String, notice: ((String) -> Void)? = nil) throws {
        db = try Database(path: path)
        db.notice = notice
        defer { db.notice = nil }
        try Migrator.migrate(db)
    }

    /// An in-memory store (for tests and previews).
    public static func inMemory() throws -> LeadStore { try LeadStore(path: ":memory:") }

    /// The schema version of the file (`PRAGMA user_version`).
    public var schemaVersion: Int {
        get throws { try locked { Int(try db.scalarInt("PRAGMA user_version") ?? 0) } }
    }

    /// The schema version this build writes.
    public static var currentSchemaVersion: Int { Schema.currentVersion }

    /// Rows changed through this connection since it opened (tests prove "no write" with it).
    public var totalChanges: Int { locked { db.totalChanges } }

    /// A number that changes whenever ANOTHER connection (e.g. the sync worker's) commits to the
    /// file (`PRAGMA data_version`). The UI polls it cheaply and reloads its window when it moves.
    public func externalDataVersion() throws -> Int {
        try locked { Int(try db.scalarInt("PRAGMA data_version") ?? 0) }
    }

    /// Runs `body` holding the store's lock.
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Runs `body` in one transaction (nested calls become savepoints): all of it commits or none.
    /// The sync worker wraps a page of remote data and its `setSyncState` in one of these.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try locked { try db.transaction(body) }
    }

    /// Runs a store operation atomically: its own transaction at top level; inside a caller's
    /// `transaction` it runs inline (no savepoint: FTS5 flushes at every savepoint, which made
    /// bulk work several times slower). A call that throws inside a caller's transaction may
    /// have written part of its work, so let that transaction fail rather than catch and go on.
    func write<T>(_ body: () throws -> T) throws -> T {
        try locked { db.inTransaction ? try body() : try db.transaction(body) }
    }

    /// Runs a bulk write whose new leads get their FTS rows in one statement at the end (FTS5
    /// costs several times more per single-row insert). The deferral starts at the first new
    /// lead (`deferFTSForNewLead()`), so a bulk write that inserts nothing writes nothing extra.
    /// The flag is set and cleared inside the transaction: other connections never see it.
    func withDeferredFTS<T>(_ body: () throws -> T) throws -> T {
        try write {
            if ftsDeferral != nil { return try body() }
            let deferral = FTSDeferral()
            ftsDeferral = deferral
            defer { ftsDeferral = nil }
            func finish() throws {
                guard let first = deferral.firstNewId else { return }
                try db.run("UPDATE bulk_state SET fts_deferred = 0 WHERE id = 1")
                try db.run(Schema.populateFTS, [.integer(first)])
            }
            return try Self.finishing(finish, after: body)
        }
    }

    /// `body`'s result after `finish` ran; `finish` runs when `body` throws too (the deferred work
    /// of a batch is done even if a caller's transaction catches the error and goes on).
    static func finishing<T>(_ finish: () throws -> Void, after body: () throws -> T) throws -> T {
        do {
            let result = try body()
            try finish()
            return result
        } catch {
            try? finish()
            throw error
        }
    }

    /// Called before inserting a lead: inside `withDeferredFTS`, turns the deferral on once.
    func deferFTSForNewLead() throws {
        guard let deferral = ftsDeferral, deferral.firstNewId == nil else { return }
        let first = (try db.scalarInt("SELECT coalesce(max(id), 0) FROM leads") ?? 0) + 1
        deferral.firstNewId = first
        // The first deferred id: the FTS triggers skip leads from it on (they have no FTS row yet).
        try db.run("UPDATE bulk_state SET fts_deferred = ? WHERE id = 1", [.integer(first)])
    }

    /// Current time in Unix seconds.
    static func now() -> Int64 { Int64(Date().timeIntervalSince1970.rounded(.down)) }
}

/// State of one `withDeferredFTS` run: the id of its first new lead once one was inserted.
final class FTSDeferral {
    var firstNewId: Int64?
}
