/// Requests per key in fixed windows aligned to multiples of the window since the Unix epoch, so
/// `X-RateLimit-Reset` (epoch seconds) is exact. Not thread-safe: callers hold a lock.
struct FixedWindowCounter {
    /// The outcome for one request.
    struct Decision {
        let allowed: Bool
        let limit: Int
        let remaining: Int
        /// Epoch second the window resets.
        let reset: Int64
        /// Whole seconds until the reset (at least 1).
        let retryAfter: Int

        /// `X-RateLimit-Limit/Remaining/Reset`, plus `Retry-After` when refused.
        var headers: [(String, String)] {
            var list = [("X-RateLimit-Limit", String(limit)), ("X-RateLimit-Remaining", String(remaining)),
                        ("X-RateLimit-Reset", String(reset))]
            if !allowed { list.append(("Retry-After", String(retryAfter))) }
            return list
        }
    }

    var limit: FaultSettings.RateLimit
    private var windows: [String: (start: Int64, count: Int)] = [:]

    init(limit: FaultSettings.RateLimit) { self.limit = limit }

    /// Counts one request of `key` at `now` (epoch seconds) unless its window is full.
    mutating func admit(_ key: String, now: Double) -> Decision {
        let window = Int64(max(1, limit.windowSeconds))
        let start = Int64(now.rounded(.down)) / window * window
        let reset = start + window
        var entry = windows[key] ?? (start, 0)
        if entry.start != start { entry = (start, 0) }
        let retryAfter = max(1, Int((Double(reset) - now).rounded(.up)))
        guard entry.count < limit.requests else {
            windows[key] = entry
            return Decision(allowed: false, limit: limit.requests, remaining: 0, reset: reset, retryAfter: retryAfter)
        }
        entry.count += 1
        windows[key] = entry
        return Decision(allowed: true, limit: limit.requests, remaining: limit.requests - entry.count, reset: reset,
                        retryAfter: retryAfter)
    }
}
