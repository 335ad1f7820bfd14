import Foundation

/// When each linked lead's detail was last read from a remote, for the rolling detail refresh
/// (every lead re-read at least once every N cycles) and `closer doctor`.
extension LeadStore {
    /// How fresh a remote's lead details are.
    public struct DetailFreshnessCounts: Sendable, Equatable {
        /// Leads linked to the remote (not deleted).
        public var linked: Int
        /// Of those, details never read.
        public var neverFetched: Int
        /// The oldest read among the others (nil when none was read).
        public var oldest: Date?
        /// Details read since the `since` given to `detailFreshness`.
        public var fresh: Int
    }

    /// Milliseconds (cycles can be less than a second apart; the refresh order needs them apart).
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    /// Records that the details of `localIds` were read from `provider` at `date`.
    public func markDetailsFetched(provider: String, localIds: [Int64], at date: Date) throws {
        guard !localIds.isEmpty else { return }
        try write {
            for id in localIds {
                try db.run("INSERT OR REPLACE INTO detail_fetched (provider, local_id, fetched) VALUES (?, ?, ?)",
                           [.text(provider), .integer(id), .integer(Self.milliseconds(date))])
            }
        }
    }

    /// The `limit` linked leads whose detail is stalest (never read first), the current user's
    /// leads first among equally stale ones. (remote id, local id) pairs.
    public func stalestDetails(provider: String, owner: String?, limit: Int) throws -> [(remoteId: String, localId: Int64)] {
        try locked {
            try db.cached("""
                SELECT r.remote_id, r.local_id FROM remote_ids r
                JOIN leads l ON l.id = r.local_id AND l.deleted = 0
                LEFT JOIN detail_fetched f ON f.provider = r.provider AND f.local_id = r.local_id
                WHERE r.provider = ? AND r.kind = 'lead'
                ORDER BY coalesce(f.fetched, 0), (l.owner = ?) DESC, r.local_id
                LIMIT ?
                """).rows([.text(provider), .text(owner ?? ""), .integer(Int64(limit))]) { (remoteId: $0.text(0), localId: $0.int64(1)) }
        }
    }

    /// Counts for `closer doctor`: linked, never read, oldest read, read since `since`.
    public func detailFreshness(provider: String, since: Date) throws -> DetailFreshnessCounts {
        try locked {
            let linked = Int(try db.scalarInt("""
                SELECT count(*) FROM remote_ids r JOIN leads l ON l.id = r.local_id AND l.deleted = 0
                WHERE r.provider = ? AND r.kind = 'lead'
                """, [.text(provider)]) ?? 0)
            let read = Int(try db.scalarInt("""
                SELECT count(*) FROM detail_fetched f JOIN remote_ids r ON r.provider = f.provider AND r.kind = 'lead'
                  AND r.local_id = f.local_id WHERE f.provider = ?
                """, [.text(provider)]) ?? 0)
            let oldest = try db.scalarInt("SELECT min(fetched) FROM detail_fetched WHERE provider = ?", [.text(provider)])
            let fresh = Int(try db.scalarInt("SELECT count(*) FROM detail_fetched WHERE provider = ? AND fetched >= ?",
                                             [.text(provider), .integer(Self.milliseconds(since))]) ?? 0)
            return DetailFreshnessCounts(linked: linked, neverFetched: max(0, linked - read),
                                         oldest: oldest.map { Date(timeIntervalSince1970: TimeInterval($0) / 1000) }, fresh: fresh)
        }
    }
}
