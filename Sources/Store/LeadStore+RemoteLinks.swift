import Foundation

/// Links between local records and their remote twins, and per-provider sync state.
extension LeadStore {
    /// Links a local record to its remote id (replacing any earlier link of either side), with
    /// the remote values last seen (after a push: the values sent) as the conflict base.
    public func linkRemote(provider: String, kind: RecordKind, localId: Int64, remoteId: String,
                           base: [String: String] = [:], contentHash: String = "") throws {
        try write {
            // The common case, a link that stays as it is with a new base: one in-place update.
            try db.run("UPDATE remote_ids SET base = ?, hash = ? WHERE provider = ? AND kind = ? AND remote_id = ? AND local_id = ?",
                       [.text(JSONText.encode(base)), .text(contentHash), .text(provider), .text(kind.rawValue),
                        .text(remoteId), .integer(localId)])
            if db.changes > 0 { return }
            try db.run("DELETE FROM remote_ids WHERE provider = ? AND kind = ? AND remote_id = ?",
                       [.text(provider), .text(kind.rawValue), .text(remoteId)])
            try db.run("""
                INSERT OR REPLACE INTO remote_ids (provider, kind, local_id, remote_id, base, hash) VALUES (?, ?, ?, ?, ?, ?)
                """, [.text(provider), .text(kind.rawValue), .integer(localId), .text(remoteId),
                      .text(JSONText.encode(base)), .text(contentHash)])
        }
    }

    /// Links a record just inserted to a remote id no local record is linked to (the caller
    /// looked it up): one insert instead of `linkRemote`'s update, delete and insert.
    func linkNewRecord(provider: String, kind: RecordKind, localId: Int64, remoteId: String,
                       base: [String: String] = [:], contentHash: String = "") throws {
        try db.run("INSERT OR REPLACE INTO remote_ids (provider, kind, local_id, remote_id, base, hash) VALUES (?, ?, ?, ?, ?, ?)",
                   [.text(provider), .text(kind.rawValue), .integer(localId), .text(remoteId),
                    .text(JSONText.encode(base)), .text(contentHash)])
    }

    /// Removes a local record's link.
    public func unlinkRemote(provider: String, kind: RecordKind, localId: Int64) throws {
        try locked {
            try db.run("DELETE FROM remote_ids WHERE provider = ? AND kind = ? AND local_id = ?",
                       [.text(provider), .text(kind.rawValue), .integer(localId)])
        }
    }

    /// The link of a local record, or nil when it has none yet.
    public func remoteLink(provider: String, kind: RecordKind, localId: Int64) throws -> RemoteLink? {
        try locked {
            try db.cached("""
                SELECT provider, kind, local_id, remote_id, base, hash FROM remote_ids
                WHERE provider = ? AND kind = ? AND local_id = ?
                """).firstRow([.text(provider), .text(kind.rawValue), .integer(localId)], Self.readLink)
        }
    }

    /// The link of a remote record, or nil when no local record is linked to it.
    public func remoteLink(provider: String, kind: RecordKind, remoteId: String) throws -> RemoteLink? {
        try locked {
            try db.cached("""
                SELECT provider, kind, local_id, remote_id, base, hash FROM remote_ids
                WHERE provider = ? AND kind = ? AND remote_id = ?
                """).firstRow([.text(provider), .text(kind.rawValue), .text(remoteId)], Self.readLink)
        }
    }

    /// Merges `fields` into a link's base (after a successful push) and sets the hash if given;
    /// marks the record pushed (an answer read before now cannot put older values back).
    public func updateRemoteBase(provider: String, kind: RecordKind, localId: Int64, fields: [String: String],
                                 contentHash: String? = nil) throws {
        try write {
            guard let link = try remoteLink(provider: provider, kind: kind, localId: localId) else { return }
            let base = link.base.merging(fields) { _, new in new }
            try db.run("UPDATE remote_ids SET base = ?, hash = ? WHERE provider = ? AND kind = ? AND local_id = ?",
                       [.text(JSONText.encode(base)), .text(contentHash ?? link.contentHash), .text(provider),
                        .text(kind.rawValue), .integer(localId)])
            try markPushed(provider: provider, kind: kind, localId: localId)
        }
    }

    /// Calls `body` with every (remote id, local id) linked for a provider and kind, streaming
    /// (for finding remote deletions after a full scan without loading a table into memory).
    public func forEachRemoteLink(provider: String, kind: RecordKind, _ body: (String, Int64) throws -> Void) throws {
        try locked {
            let statement = try db.prepare("SELECT remote_id, local_id FROM remote_ids WHERE provider = ? AND kind = ?")
            try statement.forEachRow([.text(provider), .text(kind.rawValue)]) { try body($0.text(0), $0.int64(1)) }
        }
    }

    // MARK: - Sync state

    /// A saved sync value (e.g. the pull page position), or nil.
    public func syncState(provider: String, key: String) throws -> String? {
        try locked {
            try db.scalarText("SELECT value FROM sync_state WHERE provider = ? AND key = ?", [.text(provider), .text(key)])
        }
    }

    /// Saves a sync value. Call it inside the same `transaction` as the data it describes.
    public func setSyncState(provider: String, key: String, value: String?) throws {
        try locked {
            if let value {
                try db.run("INSERT OR REPLACE INTO sync_state (provider, key, value) VALUES (?, ?, ?)",
                           [.text(provider), .text(key), .text(value)])
            } else {
                try db.run("DELETE FROM sync_state WHERE provider = ? AND key = ?", [.text(provider), .text(key)])
            }
        }
    }

    /// Every saved sync value of a provider.
    public func syncStates(provider: String) throws -> [String: String] {
        try locked {
            var result: [String: String] = [:]
            try db.cached("SELECT key, value FROM sync_state WHERE provider = ?").forEachRow([.text(provider)]) {
                result[$0.text(0)] = $0.text(1)
            }
            return result
        }
    }

    static func readLink(_ s: Statement) -> RemoteLink {
        RemoteLink(provider: s.text(0), kind: RecordKind(rawValue: s.text(1)) ?? .lead, localId: s.int64(2),
                   remoteId: s.text(3), base: JSONText.decodeStrings(s.text(4)), contentHash: s.text(5))
    }
}
