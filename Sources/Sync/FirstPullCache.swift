import Store

/// A larger page cache for the sync connection while a scan writes new leads (a first pull):
/// every held batch inserts into the randomly keyed indexes (names, e-mail keys, remote ids,
/// touches), whose pages outgrow the worker's 8 MiB cache at ~50k leads, so each insert read a
/// page back from the file and each batch wrote it again. Raised once, when the first new
/// lead's detail arrives; put back to what it was when the scan ends (the pages are freed).
struct FirstPullCache {
    let store: LeadStore
    private var previous: Int?

    /// The cache while new leads are written (KiB): with the held pages this keeps a 100k-lead
    /// first pull under 60 MB resident.
    static let kibibytes = 16 * 1024

    init(store: LeadStore) { self.store = store }

    /// Raises the cache to `kibibytes` (never lowers it), once.
    mutating func raise() {
        guard previous == nil, let current = try? store.pageCacheKibibytes(), current < Self.kibibytes else { return }
        previous = current
        try? store.limitPageCache(kibibytes: Self.kibibytes)
    }

    /// Puts the cache back (frees what it held above the old limit).
    mutating func restore() {
        guard let previous else { return }
        try? store.limitPageCache(kibibytes: previous)
        self.previous = nil
    }
}
