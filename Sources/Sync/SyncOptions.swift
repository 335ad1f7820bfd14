import Foundation

/// Tuning of the worker.
public struct SyncOptions: Sendable {
    /// Leads / appointments per list request (seed 001 maximum: 500).
    public var pageSize: Int
    /// Requests in flight at once (detail fetches, pushes of different leads).
    public var concurrency: Int
    /// Fetch notes and activities for leads a pull inserts (not only for changed ones).
    public var detailsForNewLeads: Bool
    /// Outbox entries taken per batch.
    public var pushBatchSize: Int
    /// Seconds between cycles in the background (watch) loop.
    public var interval: TimeInterval
    /// Backoff of outbox entries that keep failing transiently (base, cap).
    public var entryRetry: RetryPolicy
    /// Read the overview each cycle.
    public var readOverview: Bool
    /// Every linked lead's detail (seed 001: location, message, notes) is re-read at least once
    /// every this many cycles, the stalest first (0, the library default: only when the list row
    /// changed; `closer` uses `SyncOptions.standardDetailRefreshCycles`).
    public var detailRefreshCycles: Int
    /// At most this many rolling detail reads per cycle (the remote's request budget).
    public var detailRefreshLimit: Int

    /// The rolling detail refresh `closer sync`, the UI and the demo use (an hour at 60 s cycles).
    public static let standardDetailRefreshCycles = 60

    /// Options; the defaults suit the TUI and `closer sync`.
    public init(
        pageSize: Int = 500, concurrency: Int = 4, detailsForNewLeads: Bool = true, pushBatchSize: Int = 100,
        interval: TimeInterval = 60, entryRetry: RetryPolicy = RetryPolicy(base: 2, cap: 300, maxAttempts: 1_000_000),
        readOverview: Bool = true, detailRefreshCycles: Int = 0, detailRefreshLimit: Int = 2000
    ) {
        self.pageSize = min(max(1, pageSize), 500)
        self.concurrency = max(1, concurrency)
        self.detailsForNewLeads = detailsForNewLeads
        self.pushBatchSize = max(1, pushBatchSize)
        self.interval = max(1, interval)
        self.entryRetry = entryRetry
        self.readOverview = readOverview
        self.detailRefreshCycles = max(0, detailRefreshCycles)
        self.detailRefreshLimit = max(1, detailRefreshLimit)
    }
}
