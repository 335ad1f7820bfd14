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
    /// Status wire value → the vendor's `Description` and `Color` (dashboard labels).
    public var statusLabels: [String: RemoteStatusLabel]

    /// An overview.
    public init(totalLeads: Int, statusCounts: [String: Int], statusLabels: [String: RemoteStatusLabel] = [:]) {
        self.totalLeads = totalLeads
        self.statusCounts = statusCounts
        self.statusLabels = statusLabels
    }
}

/// What the sync worker needs from a vendor API, in provider-neutral terms: one adapter per
/// vendor (seed 001 `LeadsCRMProvider` now; the other four vendors later). Methods throw `SyncError`.
///
/// Creates return nothing (seed 001 returns no id); the `find…` methods list the candidates a
/// create may have made, so the worker can link the new record, and look before re-sending.
public protocol RemoteProvider: Sendable {
    /// The provider key the store files links and sync state under (the remote's name).
    var providerKey: String { get }
    /// Wire counters (requests, retries, 429s).
    var metrics: RequestMetrics { get }
    /// Fields a lead carries only in its detail, not in its list row (seed 001: message, location).
    var detailOnlyLeadFields: [String] { get }

    /// One page of every lead, from `position` (nil: the start).
    func leads(from position: String?, limit: Int) async throws -> RemotePage<RemoteLead>
    /// A lead's detail, or nil when the lead is gone on the server.
    func leadDetail(remoteId: String) async throws -> RemoteLeadDetail?
    /// One page of every appointment, from `position`.
    func appointments(from position: String?, limit: Int) async throws -> RemotePage<RemoteAppointmentRow>
    /// The provider's overview, when it has one.
    func overview() async throws -> RemoteOverview?

    /// Creates a lead from wire fields.
    func createLead(_ fields: [String: String]) async throws
    /// Remote leads that a create with these fields may have made (seed 001: the list filtered by e-mail).
    func findLeads(matching fields: [String: String]) async throws -> [RemoteLead]
    /// Replaces a lead's fields.
    func updateLead(remoteId: String, fields: [String: String]) async throws
    /// Deletes a lead; deleting one already gone succeeds.
    func deleteLead(remoteId: String) async throws

    /// Adds a note to a lead.
    func createNote(leadRemoteId: String, text: String) async throws
    /// The lead's notes (to find one just created); nil when the lead is gone.
    func notes(leadRemoteId: String) async throws -> [RemoteNote]?
    /// Deletes a note; one already gone succeeds.
    func deleteNote(remoteId: String) async throws

    /// Adds an appointment to a lead (fields: appointment_date, appointment_to, appointment_note, appointment_status).
    func createAppointment(leadRemoteId: String, leadFirstName: String, fields: [String: String]) async throws
    /// The lead's appointments (to find one just created).
    func appointments(leadRemoteId: String, leadFirstName: String) async throws -> [RemoteAppointment]
    /// Changes an appointment's fields.
    func updateAppointment(remoteId: String, leadRemoteId: String, fields: [String: String]) async throws
    /// Deletes an appointment; one already gone succeeds.
    func deleteAppointment(remoteId: String) async throws
}
