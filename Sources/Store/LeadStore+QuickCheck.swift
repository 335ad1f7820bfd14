import Core

extension LeadStore {
    /// `diagnostics()` with `PRAGMA quick_check` instead of the full `integrity_check`: about a
    /// second instead of about a minute at a million leads (it skips index-content checks).
    /// Used by `closer doctor` unless `--full` is given.
    public func quickDiagnostics() throws -> StoreDiagnostics {
        let full = try locked { () throws -> (integrity: [String], pages: Int64, pageSize: Int64) in
            let integrity = try db.prepare("PRAGMA quick_check").rows { $0.text(0) }
            return (integrity, try db.scalarInt("PRAGMA page_count") ?? 0, try db.scalarInt("PRAGMA page_size") ?? 0)
        }
        var tables: [String: Int] = [:]
        try locked {
            for table in ["users", "leads", "notes", "activities", "appointments", "messages", "remote_ids",
                          "outbox", "sync_state", "saved_views"] {
                tables[table] = Int(try db.scalarInt("SELECT count(*) FROM \(table)") ?? 0)
            }
        }
        return StoreDiagnostics(integrity: full.integrity, schemaVersion: try schemaVersion, tableCounts: tables,
                                outboxCounts: try outboxCounts(), sizeBytes: full.pages * full.pageSize)
    }
}
