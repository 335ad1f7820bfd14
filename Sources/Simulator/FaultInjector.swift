import Core
import Foundation

/// Decides, per API request, which fault to inject, from `FaultSettings` (changeable at run time)
/// and a seeded random stream; also keeps the per-key rate-limit windows.
public final class FaultInjector: @unchecked Sendable {
    /// The decision for one request before it is processed.
    enum Gate {
        case pass(rateHeaders: [(String, String)])
        case limited(HTTPResponse, resetAt: Double)
        case serverError(HTTPResponse)
    }

    private let lock = NSLock()
    private var current: FaultSettings
    private var random: SeededRandom
    /// Per key: the window's start (epoch seconds) and requests counted in it.
    private var windows: [String: (start: Int64, count: Int)] = [:]

    public init(settings: FaultSettings = FaultSettings(), seed: UInt64 = 1) {
        current = settings
        random = SeededRandom(seed: seed ^ 0xFA17)
    }

    /// The settings in force.
    public var settings: FaultSettings {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue; windows = [:] } }
    }

    /// Applies `/_sim/faults` fields; returns a message for a bad value (nothing changes then).
    func apply(_ form: [String: String]) -> String? {
        lock.withLock {
            var next = current
            if let problem = next.apply(form) { return problem }
            if next.rateLimit != current.rateLimit { windows = [:] }
            current = next
            return nil
        }
    }

    /// A share check against the seeded stream.
    private func roll(_ share: Double) -> Bool {
        guard share > 0 else { return false }
        return Double(random.next() % 1_000_000) / 1_000_000 < share
    }

    /// Rate limit and injected 5xx, decided before the request runs. `now` is epoch seconds.
    func gate(key: String, now: Double) -> Gate {
        lock.withLock {
            var headers: [(String, String)] = []
            if let limit = current.rateLimit {
                let window = Int64(max(1, limit.windowSeconds))
                let start = Int64(now.rounded(.down)) / window * window
                let reset = start + window
                var entry = windows[key] ?? (start, 0)
                if entry.start != start { entry = (start, 0) }
                let retryAfter = max(1, Int((Double(reset) - now).rounded(.up)))
                let base: [(String, String)] = [
                    ("X-RateLimit-Limit", String(limit.requests)), ("X-RateLimit-Reset", String(reset)),
                ]
                if entry.count >= limit.requests {
                    windows[key] = entry
                    let response = Envelope.error(
                        429, key: "request", "Too many requests: retry after the rate-limit window resets.",
                        headers: base + [("X-RateLimit-Remaining", "0"), ("Retry-After", String(retryAfter))])
                    return .limited(response, resetAt: Double(reset))
                }
                entry.count += 1
                windows[key] = entry
                headers = base + [("X-RateLimit-Remaining", String(limit.requests - entry.count))]
            }
            if roll(current.errorRate) {
                let status = random.next() % 2 == 0 ? 500 : 503
                let response = Envelope.error(status, key: "server", "Injected server error (closer-sim fault).", headers: headers)
                return .serverError(response)
            }
            return .pass(rateHeaders: headers)
        }
    }

    /// After processing: maybe garble the body or cut the connection. Returns the fault's name.
    func spoil(_ response: inout HTTPResponse) -> String? {
        lock.withLock {
            if roll(current.malformedRate) {
                let half = response.body.prefix(max(1, response.body.count / 2))
                response.body = Array(half) + Array("<!-- closer-sim: malformed -->".utf8)
                return "malformed"
            }
            if roll(current.dropRate) {
                let size = response.serialized(keepAlive: true).count
                response.dropAfterBytes = 1 + Int(random.next() % UInt64(max(1, size - 1)))
                return "drop"
            }
            return nil
        }
    }

    /// Added latency in milliseconds.
    var latencyMs: Int { lock.withLock { current.latencyMs } }
}
