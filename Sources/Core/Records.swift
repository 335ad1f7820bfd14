import Foundation

/// A note written on a lead (seed 001 `notes`: id, note, note_created, user).
public struct Note: Sendable, Equatable, Hashable, Codable {
    public var id: Int64
    public var leadId: Int64
    public var text: String
    public var author: String
    public var createdAt: Date

    public init(id: Int64 = 0, leadId: Int64, text: String, author: String, createdAt: Date = Date()) {
        self.id = id
        self.leadId = leadId
        self.text = text
        self.author = author
        self.createdAt = createdAt
    }
}

/// Something that happened on a lead (seed 001 `recent_activities`: id, activity_type, created, activity).
public struct Activity: Sendable, Equatable, Hashable, Codable {
    public var id: Int64
    public var leadId: Int64
    public var type: String
    public var text: String
    public var createdAt: Date

    public init(id: Int64 = 0, leadId: Int64, type: String, text: String, createdAt: Date = Date()) {
        self.id = id
        self.leadId = leadId
        self.type = type
        self.text = text
        self.createdAt = createdAt
    }
}

/// A meeting with a lead (seed 001 appointments: from/to, note ≤ 200, status).
public struct Appointment: Sendable, Equatable, Hashable, Codable {
    public var id: Int64
    public var leadId: Int64
    public var start: Date
    public var end: Date
    public var note: String
    public var status: AppointmentStatus

    public init(
        id: Int64 = 0, leadId: Int64, start: Date, end: Date,
        note: String = Appointment.defaultNote, status: AppointmentStatus = .pending
    ) {
        self.id = id
        self.leadId = leadId
        self.start = start
        self.end = end
        self.note = note
        self.status = status
    }

    /// seed 001: appointment_note defaults to "Prospect appointment".
    public static let defaultNote = "Prospect appointment"
}

/// Which way a message travelled.
public enum MessageDirection: String, Sendable, Codable, Hashable, CaseIterable {
    case inbound, outbound
}

/// One exchange in a lead's conversation: a message, a call, a follow-up e-mail (seed 004 interactions, seed 000 follow-ups).
public struct Message: Sendable, Equatable, Hashable, Codable {
    public var id: Int64
    public var leadId: Int64
    /// Channel, e.g. seed 004 `via` (whatsApp, sms, email, phoneCall...).
    public var channel: String
    public var direction: MessageDirection
    public var subject: String
    public var body: String
    public var createdAt: Date

    public init(
        id: Int64 = 0, leadId: Int64, channel: String, direction: MessageDirection,
        subject: String = "", body: String, createdAt: Date = Date()
    ) {
        self.id = id
        self.leadId = leadId
        self.channel = channel
        self.direction = direction
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
    }
}

/// A sales agent or manager: the owner / assignee of leads.
public struct User: Sendable, Equatable, Hashable, Codable {
    public var username: String
    public var displayName: String

    public init(username: String, displayName: String) {
        self.username = username
        self.displayName = displayName
    }
}
