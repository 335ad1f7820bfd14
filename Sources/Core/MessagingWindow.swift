import Foundation

/// The 24-hour customer-service window of WhatsApp-style channels (shared/api: "only within
/// 24 h of the prospect's last inbound message, else 400 WINDOW_CLOSED"): free text is allowed
/// only while it is open; afterwards only a template may be sent.
public struct MessagingWindow: Sendable, Equatable {
    /// How long the window stays open after the prospect's last inbound message.
    public static let length: TimeInterval = 24 * 3600

    /// When the prospect last wrote (nil: never).
    public let lastInboundAt: Date?
    /// The moment the window is judged at.
    public let now: Date

    /// The window for a last inbound time, judged at `now`.
    public init(lastInboundAt: Date?, now: Date) {
        self.lastInboundAt = lastInboundAt
        self.now = now
    }

    /// Seconds left (0 when closed or never opened).
    public var remaining: TimeInterval {
        guard let lastInboundAt else { return 0 }
        return max(0, lastInboundAt.addingTimeInterval(Self.length).timeIntervalSince(now))
    }

    /// Whether a free-text reply is allowed now.
    public var isOpen: Bool { remaining > 0 }

    /// "window open 5 h 12 min", "closed: use a template" or "no message from the lead yet: use a template".
    public var text: String {
        guard lastInboundAt != nil else { return "no inbound message yet: use a template" }
        guard isOpen else { return "closed: use a template" }
        let minutes = Int((remaining / 60).rounded(.up))
        let hours = minutes / 60
        return hours > 0 ? "window open \(hours) h \(minutes % 60) min" : "window open \(minutes) min"
    }
}
