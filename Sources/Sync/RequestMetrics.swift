import Foundation

/// Thread-safe counters of what a client did on the wire, for progress lines and benchmarks.
public final class RequestMetrics: @unchecked Sendable {
    /// A snapshot of the counters.
    public struct Counts: Sendable, Equatable {
        /// Requests sent (every attempt).
        public var requests = 0
        /// Attempts repeated after a transient failure or a 429.
        public var retries = 0
        /// 429 answers received.
        public var rateLimited = 0
        /// Transient failures seen (5xx, timeouts, dropped connections, garbled answers).
        public var transientFailures = 0
    }

    private let lock = NSLock()
    private var counts = Counts()

    /// Zeroed counters.
    public init() {}

    /// The current counts.
    public var snapshot: Counts {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    func record(_ change: (inout Counts) -> Void) {
        lock.lock()
        change(&counts)
        lock.unlock()
    }
}
