/// Brings a database file to the current schema version, one migration per transaction.
enum Migrator {
    /// Migrates `database` from its `user_version` to `Schema.currentVersion`.
    static func migrate(_ database: Database) throws {
        let found = Int(try database.scalarInt("PRAGMA user_version") ?? 0)
        guard found <= Schema.currentVersion else {
            throw StoreError.schemaTooNew(found: found, known: Schema.currentVersion)
        }
        guard found < Schema.currentVersion else { return }
        for version in found..<Schema.currentVersion {
            try database.transaction {
                try Schema.migrations[version](database)
                try database.execute("PRAGMA user_version = \(version + 1)")
            }
        }
        database.clearStatementCache()
    }
}
