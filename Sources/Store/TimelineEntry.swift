import Core
import Foundation

/// Where a timeline entry comes from; the raw value breaks ties between entries of the same second.
public enum TimelineSource: Int, Sendable, Equatable, Hashable, Comparable {
    /// A seed 001 note.
    case note = 0
    /// A seed 001 recent activity.
    case activity = 1
    /// A conversation event (remote interaction, follow-up e-mail, Closer's own send).
    case event = 2

    public static func < (a: TimelineSource, b: TimelineSource) -> Bool { a.rawValue < b.rawValue }
}

/// A position in a lead's timeline: (time, source, id), a total order. Pass it back to page.
public struct TimelineCursor: Sendable, Equatable, Hashable, Comparable {
    /// Unix seconds.
    public let time: Int64
    public let source: TimelineSource
    public let id: Int64

    /// A cursor at one entry.
    public init(time: Int64, source: TimelineSource, id: Int64) {
        self.time = time
        self.source = source
        self.id = id
    }

    /// After every entry (start of a backward read from the end).
    public static let end = TimelineCursor(time: .max, source: .event, id: .max)
    /// Before every entry.
    public static let start = TimelineCursor(time: .min, source: .note, id: .min)

    public static func < (a: TimelineCursor, b: TimelineCursor) -> Bool {
        (a.time, a.source.rawValue, a.id) < (b.time, b.source.rawValue, b.id)
    }
}

/// One entry of a lead's merged timeline.
public struct TimelineEntry: Sendable, Equatable, Hashable {
    /// What the entry is.
    public enum Content: Sendable, Equatable, Hashable {
        case note(Note)
        case activity(Activity)
        case event(ConversationEvent)
    }

    public let content: Content
    /// Its place in the order.
    public let cursor: TimelineCursor

    /// An entry and its cursor.
    public init(content: Content, cursor: TimelineCursor) {
        self.content = content
        self.cursor = cursor
    }

    /// When it happened.
    public var createdAt: Date { Date(timeIntervalSince1970: TimeInterval(cursor.time)) }

    /// The conversation event, when it is one.
    public var event: ConversationEvent? {
        if case .event(let event) = content { return event }
        return nil
    }
}

/// A lead whose conversation has unread inbound events.
public struct UnreadConversation: Sendable, Equatable, Hashable {
    public let leadId: Int64
    public let count: Int
    /// The newest unread event's time.
    public let lastAt: Date
}
