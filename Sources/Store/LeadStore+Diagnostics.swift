import Foundation

/// What `closer doctor` asks of the database.
extension LeadStore {
    /// Integrity (`PRAGMA integrity_check`), schema version, table and outbox counts, file size.
    /// About a minute at a million leads; see `quickDiagnostics()`.
    public func diagnostics() throws -> StoreDiagnostics { try diagnostics(check: "integrity_check") }

    /// `diagnostics()` with `PRAGMA quick_check` instead of the full `integrity_check`: about a
    /// second instead of about a minute at a million leads (it skips index-content checks).
    /// Used by `closer doctor` unless `--full` is given.
    public func quickDiagnostics() throws -> StoreDiagnostics { try diagnostics(check: "quick_check") }

    private func diagnostics(check: String) throws -> StoreDiagnostics {
        try locked {
            let integrity = try db.prepare("PRAGMA \(check)").rows { $0.text(0) }
            var tables: [String: Int] = [:]
            for table in ["users", "leads", "notes", "activities", "appointments", "messages", "remote_ids",
                          "outbox", "sync_state", "saved_views"] {
                tables[table] = Int(try db.scalarInt("SELECT count(*) FROM \(table)") ?? 0)
            }
            let pages = try db.scalarInt("PRAGMA page_count") ?? 0
            let pageSize = try db.scalarInt("PRAGMA page_size") ?? 0
            return StoreDiagnostics(integrity: integrity, schemaVersion: try schemaVersion, tableCounts: tables,
                                    outboxCounts: try outboxCounts(), sizeBytes: pages * pageSize)
        }
    }
}
