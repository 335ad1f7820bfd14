import Core
import Foundation

/// Everything the lead detail screen shows for one lead.
public struct LeadDetail: Sendable, Equatable {
    public let lead: Lead
    /// Newest first.
    public let notes: [Note]
    /// Newest first (includes "conflict" activities).
    public let activities: [Activity]
    /// By start time.
    public let appointments: [Appointment]
    /// Oldest first (a conversation).
    public let messages: [Message]
    /// Queued changes of the lead and its records, oldest first (rejections carry server messages).
    public let outbox: [OutboxEntry]
    public let syncMark: SyncMark
    public let isDeleted: Bool
}

/// One row of the appointments view: the appointment and whose it is.
public struct AppointmentListRow: Sendable, Equatable {
    public let appointment: Appointment
    /// The lead's display name. Untrusted: sanitise before drawing.
    public let leadName: String
    public let owner: String
}

/// What `closer doctor` reports about the database.
public struct StoreDiagnostics: Sendable, Equatable {
    /// `PRAGMA integrity_check` lines: `["ok"]` when healthy.
    public let integrity: [String]
    public let schemaVersion: Int
    /// Rows per table.
    public let tableCounts: [String: Int]
    /// Outbox entries per state.
    public let outboxCounts: [OutboxState: Int]
    /// Size of the database file in bytes (page count × page size).
    public let sizeBytes: Int64

    /// True when the integrity check passed.
    public var isHealthy: Bool { integrity == ["ok"] }
}
