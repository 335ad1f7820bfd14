import Foundation

/// Added by the Sync engineer: one query for a whole scanned page, so an unchanged page costs
/// one read and no JSON decoding of stored bases.
extension LeadStore {
    /// The stored content hash of each linked remote id among `remoteIds` (unlinked ids are absent).
    public func remoteHashes(provider: String, kind: RecordKind, remoteIds: [String]) throws -> [String: String] {
        guard !remoteIds.isEmpty else { return [:] }
        return try locked {
            var result: [String: String] = [:]
            // INDEXED BY: without statistics the planner scanned every link of the provider (the
            // primary key's prefix) and tested the IN list per row: 100k links × 200 pages ≈ 10 CPU s.
            for chunk in stride(from: 0, to: remoteIds.count, by: 500).map({ Array(remoteIds[$0..<min($0 + 500, remoteIds.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let statement = try db.prepare(
                    "SELECT remote_id, hash FROM remote_ids INDEXED BY remote_ids_remote WHERE provider = ? AND kind = ? AND remote_id IN (\(marks))")
                try statement.forEachRow([.text(provider), .text(kind.rawValue)] + chunk.map { .text($0) }) {
                    result[$0.text(0)] = $0.text(1)
                }
            }
            return result
        }
    }

    /// The remote ids linked to one lead's notes or appointments (leads: empty). The note or
    /// appointment table drives the join, so the cost is the lead's own records, not every link.
    public func linkedRemoteIds(provider: String, kind: RecordKind, leadId: Int64) throws -> [String] {
        let table: String
        switch kind {
        case .note: table = "notes"
        case .appointment: table = "appointments"
        case .lead: return []
        }
        return try locked {
            try db.cached("""
                SELECT r.remote_id FROM \(table) t CROSS JOIN remote_ids r
                ON r.provider = ? AND r.kind = ? AND r.local_id = t.id WHERE t.lead_id = ?
                """).rows([.text(provider), .text(kind.rawValue), .integer(leadId)]) { $0.text(0) }
        }
    }
}
