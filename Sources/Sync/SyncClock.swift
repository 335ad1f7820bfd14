import Foundation

/// Time as the sync policies see it, injected so tests can run backoff and rate limits without waiting.
public protocol SyncClock: Sendable {
    /// The current time.
    func now() -> Date
    /// Suspends for `seconds` (returns at once for zero or less). Throws on cancellation.
    func sleep(seconds: TimeInterval) async throws
}

/// The real clock.
public struct SystemClock: SyncClock {
    /// The wall clock and `Task.sleep`.
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(seconds: TimeInterval) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
