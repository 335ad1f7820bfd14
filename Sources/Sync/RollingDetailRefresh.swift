import Core
import Foundation
import Store

/// Re-reads lead details a list scan cannot see change (seed 001: location and message live only
/// in the detail), a slice per cycle: the `ceil(linked / detailRefreshCycles)` stalest details
/// (never read first; the user's own leads first among equally stale), capped by
/// `detailRefreshLimit`. So every lead's detail is re-read at least once every
/// `detailRefreshCycles` cycles while the cap is not reached. A lead the user opens is read at
/// once (`requestDetail`) and so moves to the back of the line.
struct RollingDetailRefresh {
    let context: SyncContext
    let provider: any LeadPullingProvider

    /// Reads this cycle's slice.
    func run() async throws {
        let cycles = context.options.detailRefreshCycles
        guard cycles > 0 else { return }
        let store = context.store
        let linked = try store.detailFreshness(provider: context.providerKey, since: context.clock.now()).linked
        guard linked > 0 else { return }
        let budget = min(context.options.detailRefreshLimit, (linked + cycles - 1) / cycles)
        let due = try store.stalestDetails(provider: context.providerKey, owner: context.username, limit: budget)
        try await DetailFetcher(context: context, provider: provider).fetch(due)
    }
}

/// How fresh a remote's lead details are, for `closer doctor`.
public struct DetailFreshness: Sendable, Equatable {
    public var counts: LeadStore.DetailFreshnessCounts
    /// The promise: every detail re-read within this many cycles of this length.
    public var cycles: Int
    public var interval: TimeInterval

    /// Reads the counts of `remote` (details read within `cycles` × `interval` count as fresh).
    public static func read(store: LeadStore, remote: String, cycles: Int = SyncOptions.standardDetailRefreshCycles,
                            interval: TimeInterval = SyncOptions().interval, now: Date = Date()) throws -> DetailFreshness {
        let window = TimeInterval(max(1, cycles)) * interval
        return DetailFreshness(counts: try store.detailFreshness(provider: remote, since: now.addingTimeInterval(-window)),
                               cycles: cycles, interval: interval)
    }

    /// Whether some detail was never read, or not within the promised window.
    public var isStale: Bool { counts.neverFetched > 0 || counts.fresh < counts.linked }

    /// "details: 1990 of 2000 read in the last 60 cycles (1 h at 60 s); 10 never read; oldest 2026-…".
    public var summary: String {
        let minutes = Int((TimeInterval(cycles) * interval / 60).rounded())
        var text = "details: \(min(counts.fresh, counts.linked)) of \(counts.linked) read in the last \(cycles) cycles (\(minutes) min at \(Int(interval)) s)"
        if counts.neverFetched > 0 { text += "; \(counts.neverFetched) never read" }
        if let oldest = counts.oldest { text += "; oldest read \(WireDate.formatTimestamp(oldest))" }
        return text
    }
}
