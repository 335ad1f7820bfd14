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
    /// The injected rate limit's windows (nil: no limit in force).
    private var windows: FixedWindowCounter?
    /// How this vendor's 429 and 5xx bodies look.
    let responses: FaultResponses

    public convenience init(settings: FaultSettings = FaultSettings(), seed: UInt64 = 1) {
        self.init(settings: settings, seed: seed, responses: .leadsCRM)
    }

    init(settings: FaultSettings, seed: UInt64, responses: FaultResponses) {
        current = settings
        random = SeededRandom(seed: seed ^ 0xFA17)
        self.responses = responses
        windows = settings.rateLimit.map { FixedWindowCounter(limit: $0) }
    }

    /// The settings in force.
    public var settings: FaultSettings {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue; windows = newValue.rateLimit.map { FixedWindowCounter(limit: $0) } } }
    }

    /// Applies `/_sim/faults` fields; returns a message for a bad value (nothing changes then).
    func apply(_ form: [String: String]) -> String? {
        lock.withLock {
            var next = current
            if let problem = next.apply(form) { return problem }
            if next.rateLimit != current.rateLimit { windows = next.rateLimit.map { FixedWindowCounter(limit: $0) } }
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
            if let decision = windows?.admit(key, now: now) {  // mutates in place (no copy of the table)
                headers = decision.headers
                if !decision.allowed {
                    return .limited(responses.rateLimited(headers), resetAt: Double(decision.reset))
                }
            }
            if roll(current.errorRate) {
                let status = random.next() % 2 == 0 ? 500 : 503
                return .serverError(responses.serverError(status, headers))
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
