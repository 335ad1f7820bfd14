import Foundation

/// Brings a database file to the current schema version, one migration per transaction.
enum Migrator {
    /// Migrates `database` from its `user_version` to `Schema.currentVersion`. Safe when two
    /// processes open a fresh file at once: the version is re-read inside each write transaction.
    static func migrate(_ database: Database) throws {
        let found = try version(database)
        guard found <= Schema.currentVersion else {
            throw StoreError.schemaTooNew(found: found, known: Schema.currentVersion)
        }
        guard found < Schema.currentVersion else { return }
        for step in found..<Schema.currentVersion {
            try database.transaction {
                guard try version(database) == step else { return }  // another connection did it
                try Schema.migrations[step](database)
                try database.execute("PRAGMA user_version = \(step + 1)")
            }
        }
        database.clearStatementCache()
        try compactIfAsked(database)
    }

    /// Runs VACUUM when a migration freed much of the file (`Database.compactAfterMigration`), so
    /// an upgraded file gets as small as a new one. Outside any transaction; skipped (the space
    /// stays free for reuse) when another connection is busy with the file.
    private static func compactIfAsked(_ database: Database) throws {
        guard database.compactAfterMigration else { return }
        database.compactAfterMigration = false
        let free = try database.scalarInt("PRAGMA freelist_count") ?? 0
        let pages = try database.scalarInt("PRAGMA page_count") ?? 0
        let pageSize = Double(try database.scalarInt("PRAGMA page_size") ?? 4096)
        guard pages > 0, free * 20 > pages else { return }  // a twentieth (size 2 frees ≈41 MB of 680)
        let start = Date()
        database.notice?(String(format: "upgrading the database: compacting the file (%.0f MB free of %.0f MB)",
                                Double(free) * pageSize / 1_048_576, Double(pages) * pageSize / 1_048_576))
        do {
            // The copy goes to a temporary file, not memory (the connection keeps temp tables in memory).
            try database.execute("PRAGMA temp_store = FILE")
            defer { try? database.execute("PRAGMA temp_store = MEMORY") }
            try database.execute("VACUUM")
            try? database.execute("PRAGMA wal_checkpoint(TRUNCATE)")  // in WAL mode the copy went through the WAL
            database.notice?(String(format: "upgrading the database: done (compacted in %.0f s)", Date().timeIntervalSince(start)))
        } catch let error as DatabaseError where error.code & 0xFF == 5 || error.code & 0xFF == 6 {  // BUSY, LOCKED
            database.notice?("upgrading the database: not compacted now (the file is in use); the free space is reused")
        }
    }

    private static func version(_ database: Database) throws -> Int {
        Int(try database.prepare("PRAGMA user_version").firstRow { $0.int64(0) } ?? 0)
    }
}
