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
    }

    private static func version(_ database: Database) throws -> Int {
        Int(try database.prepare("PRAGMA user_version").firstRow { $0.int64(0) } ?? 0)
    }
}
