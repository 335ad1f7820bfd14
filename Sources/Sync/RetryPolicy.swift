import Foundation

/// Exponential backoff with full jitter, capped: before retry `n` (0-based) wait a uniformly random
/// time in `0 ..< min(cap, base · 2ⁿ)`. The random source is injected so tests are deterministic.
public struct RetryPolicy: Sendable {
    /// The first backoff ceiling, in seconds.
    public var base: TimeInterval
    /// The largest backoff ceiling, in seconds.
    public var cap: TimeInterval
    /// Attempts per request before giving up (the first send included).
    public var maxAttempts: Int
    /// A number in `0 ..< 1`.
    public var random: @Sendable () -> Double

    /// A policy; the default random source is the system generator.
    public init(
        base: TimeInterval = 0.5, cap: TimeInterval = 30, maxAttempts: Int = 8,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.base = max(0, base)
        self.cap = max(0, cap)
        self.maxAttempts = max(1, maxAttempts)
        self.random = random
    }

    /// The ceiling before retry `retry` (0-based): `min(cap, base · 2^retry)`.
    public func ceiling(retry: Int) -> TimeInterval {
        let exponent = Double(min(max(retry, 0), 62))
        return min(cap, base * pow(2, exponent))
    }

    /// The jittered wait before retry `retry` (0-based).
    public func delay(retry: Int) -> TimeInterval {
        let r = min(max(random(), 0), 1)
        return ceiling(retry: retry) * r
    }

    /// Whether another attempt is allowed after `attempts` sends.
    public func allowsAnotherAttempt(after attempts: Int) -> Bool { attempts < maxAttempts }
}
