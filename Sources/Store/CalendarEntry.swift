import Core

/// Which appointments the calendar shows: one owner's or everyone's, optionally some statuses.
public struct CalendarFilter: Sendable, Equatable, Hashable {
    /// The owner (lead owner = the user who has the meeting); nil = everyone.
    public var owner: String?
    /// Statuses to show; empty = every status.
    public var statuses: Set<AppointmentStatus>

    /// A filter for `owner` (nil = all) and `statuses` (empty = all).
    public init(owner: String? = nil, statuses: Set<AppointmentStatus> = []) {
        self.owner = owner
        self.statuses = statuses
    }
}

/// One appointment as the calendar draws it: the appointment, its lead, its sync state and
/// whether it overlaps another live appointment of the same owner.
public struct CalendarEntry: Sendable, Equatable, Hashable {
    public let appointment: Appointment
    /// The lead's display name. Untrusted: sanitise before drawing.
    public let leadName: String
    /// The lead's e-mail and phone (untrusted): empty from the calendar's reads, filled by
    /// `LeadStore.withLeadContacts` where shown (`closer agenda --format ics`).
    public let leadEmail: String
    public let leadPhone: String
    /// The lead's owner: whose meeting it is.
    public let owner: String
    /// `.pending` while a change waits in the outbox, `.rejected` when the server refused one.
    public let sync: SyncMark
    /// Overlaps another appointment of the same owner that is not cancelled (the server would
    /// refuse it: "Appointment schedule exists for this time.").
    public let collides: Bool

    /// An entry from its parts.
    public init(appointment: Appointment, leadName: String, leadEmail: String = "", leadPhone: String = "",
                owner: String, sync: SyncMark = .none, collides: Bool = false) {
        self.appointment = appointment
        self.leadName = leadName
        self.leadEmail = leadEmail
        self.leadPhone = leadPhone
        self.owner = owner
        self.sync = sync
        self.collides = collides
    }

    /// Start in Unix seconds.
    public var start: Int64 { Int64(appointment.start.timeIntervalSince1970.rounded(.down)) }
    /// End in Unix seconds.
    public var end: Int64 { Int64(appointment.end.timeIntervalSince1970.rounded(.down)) }
}

/// A time slot of the day and week views: how many appointments start in it and a few of them.
public struct CalendarSlot: Sendable, Equatable {
    /// Start and end of the slot, Unix seconds.
    public let start: Int64
    public let end: Int64
    /// Appointments starting in the slot.
    public let count: Int
    /// Appointments of the slot by start then id (at most the number asked for), from place
    /// `firstIndex` on: the first ones, or a window holding the selected one.
    public let entries: [CalendarEntry]
    /// The place (0-based) of `entries[0]` among the slot's appointments.
    public let firstIndex: Int

    /// A slot from its parts.
    public init(start: Int64, end: Int64, count: Int, entries: [CalendarEntry], firstIndex: Int = 0) {
        self.start = start
        self.end = end
        self.count = count
        self.entries = entries
        self.firstIndex = firstIndex
    }

    /// The entry at place `index` of the slot, when loaded.
    public func entry(at index: Int) -> CalendarEntry? {
        let offset = index - firstIndex
        return entries.indices.contains(offset) ? entries[offset] : nil
    }
}
