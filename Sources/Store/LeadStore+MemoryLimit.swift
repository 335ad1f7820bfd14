import Foundation

/// How much memory this connection's SQLite page cache may hold.
extension LeadStore {
    /// Caps this connection's page cache at `kibibytes` (`PRAGMA cache_size = -N`). The UI's
    /// connection keeps the default (64 MiB, for a million leads); the sync worker's own
    /// connection writes mostly appends and hash lookups and does with far less.
    public func limitPageCache(kibibytes: Int) throws {
        try locked { try db.execute("PRAGMA cache_size = -\(max(256, kibibytes))") }
    }

    /// This connection's page cache limit in KiB.
    public func pageCacheKibibytes() throws -> Int {
        try locked {
            let value = Int(try db.scalarInt("PRAGMA cache_size") ?? 0)
            return value < 0 ? -value : value * Int(try db.scalarInt("PRAGMA page_size") ?? 4096) / 1024
        }
    }
}
