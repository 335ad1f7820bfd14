import Core
import Foundation

/// Holds every request back until a 429's reset has passed ("never send before the reset").
/// Shared by all requests to one remote; thread-safe.
public final class RateLimitGate: @unchecked Sendable {
    private let clock: any SyncClock
    private let lock = NSLock()
    private var closedUntil: Date?
    /// Added to every reset so a request never lands on the boundary itself.
    public let margin: TimeInterval
    /// Used when a 429 names no reset at all.
    public let defaultWait: TimeInterval

    /// A gate reading time from `clock`.
    public init(clock: any SyncClock, margin: TimeInterval = 0.05, defaultWait: TimeInterval = 1) {
        self.clock = clock
        self.margin = max(0, margin)
        self.defaultWait = max(0, defaultWait)
    }

    /// The time before which nothing may be sent, or nil when the gate is open.
    public var reopensAt: Date? {
        lock.lock()
        defer { lock.unlock() }
        guard let until = closedUntil, until > clock.now() else { return nil }
        return until
    }

    /// Closes the gate until `until` (the later of this and any earlier reset wins).
    public func close(until: Date) {
        lock.lock()
        defer { lock.unlock() }
        if let current = closedUntil, current >= until { return }
        closedUntil = until
    }

    /// Closes the gate for a 429 answer: until the reset its headers name (plus the margin),
    /// or `defaultWait` from now when they name none. Returns the reopening time.
    @discardableResult
    public func closeAfter429(headers: [String: String]) -> Date {
        let now = clock.now()
        let reset = RateLimitGate.reset(from: headers, now: now) ?? now.addingTimeInterval(defaultWait)
        let until = reset.addingTimeInterval(margin)
        close(until: until)
        return until
    }

    /// Waits until the gate is open (at once when it is). Throws on cancellation.
    public func waitUntilOpen() async throws {
        while let until = reopensAt {
            try await clock.sleep(seconds: until.timeIntervalSince(clock.now()))
        }
    }

    /// The reset a 429 names: the later of `Retry-After` (delta seconds or an HTTP date) and
    /// `X-RateLimit-Reset` (Unix seconds when large, else delta seconds). Nil when neither parses.
    public static func reset(from headers: [String: String], now: Date) -> Date? {
        var lower: [String: String] = [:]
        for (key, value) in headers { lower[key.lowercased()] = value.trimmingCharacters(in: .whitespaces) }
        var candidates: [Date] = []
        if let text = lower["retry-after"] {
            if let seconds = Double(text), seconds.isFinite, seconds >= 0 {
                candidates.append(now.addingTimeInterval(seconds))
            } else if let date = httpDate(text) {
                candidates.append(date)
            }
        }
        if let text = lower["x-ratelimit-reset"], let value = Double(text), value.isFinite, value >= 0 {
            candidates.append(value > 1_000_000_000 ? Date(timeIntervalSince1970: value) : now.addingTimeInterval(value))
        }
        return candidates.max()
    }

    /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func httpDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]) else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let monthIndex = months.firstIndex(of: String(parts[2])) else { return nil }
        let time = parts[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3,
              let seconds = WireDate.seconds(year: year, month: monthIndex + 1, day: day,
                                                  hour: time[0], minute: time[1], second: time[2])
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
