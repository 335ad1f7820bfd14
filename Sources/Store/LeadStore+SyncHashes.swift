import Foundation

/// Added by the Sync engineer: the stored hashes of a whole scanned list in one pass, without
/// decoding stored bases.
extension LeadStore {
    /// Calls `body` with the remote id and stored content hash of every link of `provider`/`kind`,
    /// as UTF-8 bytes valid only during the call: one pass in key order over the links, no string
    /// built (a re-scan reads its whole list's hashes this way instead of one indexed lookup per row).
    public func forEachLinkHash(provider: String, kind: RecordKind,
                                _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void) throws {
        try locked {
            let statement = try db.prepare("SELECT remote_id, hash FROM remote_ids WHERE provider = ? AND kind = ?")
            try statement.forEachRow([.text(provider), .text(kind.rawValue)]) { row in
                row.withBytes(0) { remoteId in row.withBytes(1) { hash in body(remoteId, hash) } }
            }
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
