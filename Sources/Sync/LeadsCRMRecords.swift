import Core
import Foundation

/// The API key and access token of a seed 001 user; both go on every call (`apikey`, `Authorization: Bearer`).
public struct RemoteCredentials: Sendable, Equatable {
    public var apiKey: Secret
    public var token: Secret

    /// Credentials from their two parts.
    public init(apiKey: Secret, token: Secret) {
        self.apiKey = apiKey
        self.token = token
    }
}

/// One page of a seed 001 list (`results`, `count`, `next`, `previous`).
public struct LeadsCRMPage<Item: Sendable & Equatable>: Sendable, Equatable {
    public var results: [Item]
    /// Every match, across pages.
    public var count: Int
    /// Whether the server announced a following page.
    public var hasNext: Bool

    /// A page.
    public init(results: [Item], count: Int, hasNext: Bool) {
        self.results = results
        self.count = count
        self.hasNext = hasNext
    }
}

/// A lead as seed 001's list (or detail) returns it.
public struct LeadsCRMLead: Sendable, Equatable {
    /// The numeric `id`, as text.
    public var id: String
    /// The `slug`, used to view, update and delete the lead.
    public var slug: String
    /// Field values by Closer's wire names (`first_name`, `last_name`, `email`, `phone`, `status`,
    /// `source`, `assignee` ← `owner`, and `message` from the detail); only fields the server sent.
    public var fields: [String: String]
    /// `added_on`.
    public var addedOn: Date?

    /// A lead.
    public init(id: String, slug: String, fields: [String: String], addedOn: Date? = nil) {
        self.id = id
        self.slug = slug
        self.fields = fields
        self.addedOn = addedOn
    }
}

/// A note from a lead detail (`id`, `note`, `note_created`, `user`).
public struct LeadsCRMNote: Sendable, Equatable {
    public var id: String
    public var text: String
    public var user: String
    public var created: Date?

    /// A note.
    public init(id: String, text: String, user: String, created: Date?) {
        self.id = id
        self.text = text
        self.user = user
        self.created = created
    }
}

/// An activity from a lead detail (`id`, `activity_type`, `created`, `activity`).
public struct LeadsCRMActivity: Sendable, Equatable {
    public var id: String
    public var type: String
    public var text: String
    public var created: Date?

    /// An activity.
    public init(id: String, type: String, text: String, created: Date?) {
        self.id = id
        self.type = type
        self.text = text
        self.created = created
    }
}

/// seed 001 lead detail: the lead with `message`, recent activities, notes and conversion.
public struct LeadsCRMLeadDetail: Sendable, Equatable {
    public var lead: LeadsCRMLead
    public var activities: [LeadsCRMActivity]
    public var notes: [LeadsCRMNote]
    /// `conversion` percentage, when sent.
    public var conversion: Double?

    /// A detail.
    public init(lead: LeadsCRMLead, activities: [LeadsCRMActivity], notes: [LeadsCRMNote], conversion: Double?) {
        self.lead = lead
        self.activities = activities
        self.notes = notes
        self.conversion = conversion
    }
}

/// An appointment from seed 001's appointment list.
public struct LeadsCRMAppointment: Sendable, Equatable {
    public var id: String
    /// `lead_id`, as text.
    public var leadId: String
    /// `leadslug`.
    public var leadSlug: String
    /// `lead` (the lead's name).
    public var leadName: String
    /// `fromdate` / `todate` (`yyyy-mm-dd hh:mm` UTC).
    public var start: Date
    public var end: Date
    public var note: String
    public var status: AppointmentStatus

    /// An appointment.
    public init(id: String, leadId: String, leadSlug: String, leadName: String, start: Date, end: Date,
                note: String, status: AppointmentStatus) {
        self.id = id
        self.leadId = leadId
        self.leadSlug = leadSlug
        self.leadName = leadName
        self.start = start
        self.end = end
        self.note = note
        self.status = status
    }
}

/// seed 001 overview: counts per status and source, the total, and the appointments for the filter.
public struct LeadsCRMOverview: Sendable, Equatable {
    /// One status row (`status`, `count`, `Description`, `Color`).
    public struct StatusCount: Sendable, Equatable {
        public var status: String
        public var count: Int
        public var description: String
        public var color: String
    }

    public var statuses: [StatusCount]
    /// Source → count.
    public var sources: [String: Int]
    public var totalLeads: Int
    /// Appointment rows as sent (`appointment_note`, `appointment_status`, `appointment_date`, `appointment_to`).
    public var appointments: [[String: String]]
}

/// A seed 001 list page as raw rows (`LeadsCRMAPI.listLeadRows`).
public struct LeadsCRMRowPage: Sendable {
    /// One result: its slug, the hash of its bytes ("" when decoded the slow way), and its bytes
    /// (a slice of the page's buffer: an unchanged row is never copied).
    public struct Row: Sendable {
        public var slug: String
        public var hash: String
        var bytes: ArraySlice<UInt8>
        var decoded: LeadsCRMLead? = nil

        /// The row as a lead (nil when its bytes are not a lead object). Read with `JSONValue`;
        /// JSONSerialization only for bytes that parser refuses.
        public func lead() -> LeadsCRMLead? {
            if let decoded { return decoded }
            if let value = JSONValue.parse(Array(bytes)) {
                guard case .object = value else { return nil }
                return LeadsCRMDetailDecoding.lead(value)
            }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { return nil }
            return LeadsCRMDecoding.lead(object)
        }
    }

    public var rows: [Row]
    public var count: Int
    public var hasNext: Bool
}
