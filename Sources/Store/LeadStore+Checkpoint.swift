import Foundation

/// How often this connection moves the write-ahead log into the database file.
extension LeadStore {
    /// Checkpoints automatically once the log holds `pages` pages (`PRAGMA wal_autocheckpoint`;
    /// SQLite's default is 1000). A writer of long runs of batches (the sync worker) writes the
    /// pages it changes again and again (indexes, counts, the search index): a longer log copies
    /// each of them to the file once per checkpoint instead of once per few batches.
    public func checkpointEvery(pages: Int) throws {
        try locked { _ = try db.scalarInt("PRAGMA wal_autocheckpoint = \(max(100, pages))") }
    }
}
