import Core
import Foundation
import Store

/// One field of the detail screen: sanitised value, plus sync state of the field.
public struct DetailField: Sendable, Equatable {
    public let field: LeadField
    public let title: String
    /// The value, one line, sanitised.
    public let value: String
    /// The server's messages for this field from a rejected change (empty: none).
    public let serverMessages: [String]
    /// Whether a queued (not yet sent) change includes this field.
    public let isPending: Bool
}

/// A note as the detail screen shows it.
public struct NoteItem: Sendable, Equatable {
    public let id: Int64
    /// Author username, sanitised.
    public let author: String
    public let createdAt: Date
    /// "yyyy-mm-dd hh:mm" (UTC).
    public let createdText: String
    /// The text with its lines kept, sanitised (`TextSanitizer.multiline`).
    public let text: String

    init(_ note: Note) {
        id = note.id
        author = TextSanitizerBridge.line(note.author)
        createdAt = note.createdAt
        createdText = WireDate.formatAppointment(note.createdAt)
        text = TextSanitizerBridge.multiline(note.text)
    }
}

/// An activity line ("call", "email", "conflict", ...).
public struct ActivityItem: Sendable, Equatable {
    public let id: Int64
    public let type: String
    public let createdAt: Date
    public let createdText: String
    /// Sanitised, lines kept.
    public let text: String

    init(_ activity: Activity) {
        id = activity.id
        type = TextSanitizerBridge.line(activity.type)
        createdAt = activity.createdAt
        createdText = WireDate.formatAppointment(activity.createdAt)
        text = TextSanitizerBridge.multiline(activity.text)
    }
}

/// An appointment of the lead.
public struct AppointmentItem: Sendable, Equatable {
    public let id: Int64
    public let start: Date
    public let end: Date
    /// "yyyy-mm-dd hh:mm – hh:mm" style range, UTC: "2026-11-23 10:00 → 2026-11-23 11:00".
    public let timeText: String
    public let note: String
    public let status: AppointmentStatus

    init(_ appointment: Appointment) {
        id = appointment.id
        start = appointment.start
        end = appointment.end
        timeText = WireDate.formatAppointment(appointment.start) + " → " + WireDate.formatAppointment(appointment.end)
        note = TextSanitizerBridge.line(appointment.note)
        status = appointment.status
    }
}

/// One message of the lead's conversation.
public struct MessageItem: Sendable, Equatable {
    public let id: Int64
    public let channel: String
    public let direction: MessageDirection
    public let subject: String
    /// Sanitised, lines kept.
    public let body: String
    public let createdAt: Date
    public let createdText: String

    init(_ message: Message) {
        id = message.id
        channel = TextSanitizerBridge.line(message.channel)
        direction = message.direction
        subject = TextSanitizerBridge.line(message.subject)
        body = TextSanitizerBridge.multiline(message.body)
        createdAt = message.createdAt
        createdText = WireDate.formatAppointment(message.createdAt)
    }
}
