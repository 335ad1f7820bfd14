import Foundation

/// A vendor's own rate limit (Zenvia 120 / 60 s, ClosingDealz 1000 / 5 min): a thread-safe
/// `FixedWindowCounter`. Separate from the injected `rate_limit` fault, which `/_sim/faults` resets.
final class RateGate: @unchecked Sendable {
    private let lock = NSLock()
    private var counter: FixedWindowCounter

    init(limit: FaultSettings.RateLimit) { counter = FixedWindowCounter(limit: limit) }

    /// Counts one request of `key` now.
    func admit(_ key: String, now: Double = Date().timeIntervalSince1970) -> FixedWindowCounter.Decision {
        lock.withLock { counter.admit(key, now: now) }
    }
}
