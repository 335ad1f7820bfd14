import Foundation

/// Keeps a remote under a documented request budget before it answers 429 (ClosingDealz: 1000
/// requests every 5 minutes): at most `limit` requests start in any `window` seconds. Thread-safe.
public final class RequestPacer: @unchecked Sendable {
    public let limit: Int
    public let window: TimeInterval
    private let clock: any SyncClock
    private let lock = NSLock()
    private var starts: [Date] = []

    /// A pacer allowing `limit` requests per `window` seconds.
    public init(limit: Int, window: TimeInterval, clock: any SyncClock) {
        self.limit = max(1, limit)
        self.window = max(0.001, window)
        self.clock = clock
    }

    /// Requests still allowed in the current window.
    public var headroom: Int {
        lock.withLock {
            prune(clock.now())
            return limit - starts.count
        }
    }

    /// Waits until one more request fits the budget, then counts it.
    public func acquire() async throws {
        while true {
            let wait: TimeInterval = lock.withLock {
                let now = clock.now()
                prune(now)
                if starts.count < limit {
                    starts.append(now)
                    return 0
                }
                return starts[0].addingTimeInterval(window).timeIntervalSince(now)
            }
            if wait <= 0 { return }
            try await clock.sleep(seconds: wait)
        }
    }

    private func prune(_ now: Date) {
        let cutoff = now.addingTimeInterval(-window)
        if let keep = starts.firstIndex(where: { $0 > cutoff }) {
            if keep > 0 { starts.removeFirst(keep) }
        } else {
            starts.removeAll()
        }
    }
}
