import Foundation

/// What can go wrong on purpose. Faults apply to `/api/v1` only, never to `/_sim/`.
///
/// Order per request: latency, then the rate limit (429), then injected 500/503 (before the
/// request is processed: nothing changes), then the request runs, then a malformed body or a
/// dropped connection (after processing: the change is made but the client never learns it).
public struct FaultSettings: Sendable, Equatable {
    /// Added to every API request before it is answered.
    public var latencyMs: Int { didSet { latencyMs = min(max(0, latencyMs), 60_000) } }
    /// Share (0...1) of requests answered 500 or 503 (half each) without being processed.
    public var errorRate: Double
    /// Share of processed requests whose connection closes after part of the response.
    public var dropRate: Double
    /// Share of processed requests answered 200 with a body that is not valid JSON.
    public var malformedRate: Double
    /// Requests allowed per key per window; nil = no limit.
    public var rateLimit: RateLimit?

    public init(
        latencyMs: Int = 0, errorRate: Double = 0, dropRate: Double = 0, malformedRate: Double = 0,
        rateLimit: RateLimit? = nil
    ) {
        self.latencyMs = min(max(0, latencyMs), 60_000)
        self.errorRate = min(max(0, errorRate), 1)
        self.dropRate = min(max(0, dropRate), 1)
        self.malformedRate = min(max(0, malformedRate), 1)
        self.rateLimit = rateLimit
    }

    /// A fixed-window limit: `requests` per `windowSeconds`, windows aligned to multiples of the
    /// window since the Unix epoch, so `X-RateLimit-Reset` (epoch seconds) is exact.
    public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
        public var requests: Int
        public var windowSeconds: Int

        public init(requests: Int, windowSeconds: Int) {
            self.requests = requests
            self.windowSeconds = windowSeconds
        }

        /// Parses "N/SECONDS" (e.g. "10/1", "120/60"); nil when malformed or not positive.
        public init?(parsing text: String) {
            let parts = text.split(separator: "/")
            guard parts.count == 2, let requests = Int(parts[0]), let window = Int(parts[1]),
                  requests > 0, window > 0 else { return nil }
            self.init(requests: requests, windowSeconds: window)
        }

        public var description: String { "\(requests)/\(windowSeconds)" }
    }

    /// The settings as JSON for `/_sim/faults`.
    var json: [String: Any] {
        [
            "latency_ms": latencyMs, "error_rate": errorRate, "drop_rate": dropRate,
            "malformed_rate": malformedRate, "rate_limit": rateLimit.map { $0.description as Any } ?? NSNull(),
        ]
    }

    /// Applies the fields of a `/_sim/faults` form; returns the message for a bad value.
    mutating func apply(_ form: [String: String]) -> String? {
        if form["reset"] == "1" || form["reset"] == "true" { self = FaultSettings() }
        func rate(_ name: String) -> (Double?, String?) {
            guard let text = form[name] else { return (nil, nil) }
            guard let value = Double(text), value >= 0, value <= 1 else { return (nil, "\(name) must be a number from 0 to 1.") }
            return (value, nil)
        }
        if let text = form["latency_ms"] {
            guard let value = Int(text), value >= 0, value <= 60_000 else { return "latency_ms must be 0...60000." }
            latencyMs = value
        }
        let (error, e1) = rate("error_rate")
        let (drop, e2) = rate("drop_rate")
        let (malformed, e3) = rate("malformed_rate")
        if let problem = e1 ?? e2 ?? e3 { return problem }
        if let error { errorRate = error }
        if let drop { dropRate = drop }
        if let malformed { malformedRate = malformed }
        if let text = form["rate_limit"] {
            if text.isEmpty || text == "off" || text == "none" {
                rateLimit = nil
            } else {
                guard let limit = RateLimit(parsing: text) else { return "rate_limit must be N/SECONDS or off." }
                rateLimit = limit
            }
        }
        return nil
    }
}
