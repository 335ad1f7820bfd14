import Core
import Foundation
import Store

/// One page of a remote list and where the next one starts.
public struct RemotePage<Item: Sendable>: Sendable {
    public var items: [Item]
    /// The position of the next page, or nil when this was the last.
    public var next: String?
    /// Every item across pages, as the server counts them.
    public var total: Int

    /// A page.
    public init(items: [Item], next: String?, total: Int) {
        self.items = items
        self.next = next
        self.total = total
    }
}

/// A lead's detail: the lead with every field the provider has, its notes and activities.
public struct RemoteLeadDetail: Sendable {
    public var lead: RemoteLead
    public var notes: [RemoteNote]
    public var activities: [RemoteActivity]

    /// A detail.
    public init(lead: RemoteLead, notes: [RemoteNote], activities: [RemoteActivity]) {
        self.lead = lead
        self.notes = notes
        self.activities = activities
    }
}

/// An appointment with the remote id of the lead it belongs to.
public struct RemoteAppointmentRow: Sendable, Equatable {
    public var leadRemoteId: String
    public var appointment: RemoteAppointment

    /// A row.
    public init(leadRemoteId: String, appointment: RemoteAppointment) {
        self.leadRemoteId = leadRemoteId
        self.appointment = appointment
    }
}

/// The provider's summary numbers (seed 001 overview).
public struct RemoteOverview: Sendable, Equatable {
    public var totalLeads: Int
    /// Status wire value → count.
    public var statusCounts: [String: Int]

    /// An overview.
    public init(totalLeads: Int, statusCounts: [String: Int]) {
        self.totalLeads = totalLeads
        self.statusCounts = statusCounts
    }
}

/// Any vendor's adapter: its name and what it can do. The worker casts to the capability
/// protocols (`LeadPullingProvider`, `LeadPushProvider`, ...) its `capabilities` declare; it never
/// asks which vendor it is. Methods throw `SyncError`.
public protocol RemoteProvider: Sendable {
    /// The provider key the store files links and sync state under (the remote's name).
    var providerKey: String { get }
    /// Wire counters (requests, retries, 429s).
    var metrics: RequestMetrics { get }
    /// What this provider can do.
    var capabilities: ProviderCapabilities { get }
}
