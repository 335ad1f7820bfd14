import Foundation

/// Added by the Sync engineer: one query for a whole scanned page, so an unchanged page costs
/// one read and no JSON decoding of stored bases.
extension LeadStore {
    /// The stored content hash of each linked remote id among `remoteIds` (unlinked ids are absent).
    public func remoteHashes(provider: String, kind: RecordKind, remoteIds: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        try forEachLink(provider: provider, kind: kind, remoteIds: remoteIds, column: "hash") {
            result[$0.text(0)] = $0.text(1)
        }
        return result
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
