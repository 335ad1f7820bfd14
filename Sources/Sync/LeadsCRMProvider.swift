import Core
import Foundation
import Store

/// The seed 001 adapter: the CRM capabilities over `LeadsCRMAPI`. Remote ids are slugs for leads
/// (seed 001 views, updates and deletes leads by slug) and numeric ids for notes and appointments.
public struct LeadsCRMProvider: LeadPullingProvider, HashedLeadPaging, LeadEditingProvider, NoteProvider,
    AppointmentProvider, OverviewProvider
{
    public let providerKey: String
    /// seed 001 does everything but conversations; a lost create is found again by e-mail.
    public let capabilities = ProviderCapabilities(
        features: [.pullLeads, .createLeads, .editLeads, .deleteLeads, .notes, .appointments, .overview],
        createRecovery: .lookUp)
    public let api: LeadsCRMAPI
    public var metrics: RequestMetrics { api.metrics }
    /// seed 001: the list row has no message or location; the detail has both.
    public let detailOnlyLeadFields = ["message", "location"]
    /// Fields seed 001 stores for a lead (company, job title, label stay local).
    static let sentFields = LeadField.allCases.filter(\.isSentToLeadsCRM).map(\.rawValue)
    /// Fields of a list row.
    static let listFields = ["first_name", "last_name", "email", "phone", "status", "source", "assignee"]

    /// An adapter filing its data under `providerKey`.
    public init(providerKey: String, api: LeadsCRMAPI) {
        self.providerKey = providerKey
        self.api = api
    }

    public func leads(from position: String?, limit: Int) async throws -> RemotePage<RemoteLead> {
        let offset = position.flatMap(Int.init) ?? 0
        let page = try await api.listLeads(offset: offset, limit: limit)
        let next = page.hasNext && !page.results.isEmpty ? String(offset + page.results.count) : nil
        return RemotePage(items: page.results.map(Self.listLead), next: next, total: page.count)
    }

    public func leadRows(from position: String?, limit: Int) async throws -> RemotePage<RemoteLeadRow> {
        let offset = position.flatMap(Int.init) ?? 0
        let page = try await api.listLeadRows(offset: offset, limit: limit)
        let next = page.hasNext && !page.rows.isEmpty ? String(offset + page.rows.count) : nil
        let rows = page.rows.map { row -> RemoteLeadRow in
            guard !row.hash.isEmpty else {
                return row.lead().map { RemoteLeadRow(Self.listLead($0)) }
                    ?? RemoteLeadRow(remoteId: row.slug, listHash: "", decode: { nil })
            }
            let listHash = row.hash + "/-"
            return RemoteLeadRow(remoteId: row.slug, listHash: listHash) {
                guard var lead = row.lead().map(Self.listLead) else { return nil }
                lead.contentHash = listHash
                return lead
            }
        }
        return RemotePage(items: rows, next: next, total: page.count)
    }

    public func leadDetail(remoteId: String) async throws -> RemoteLeadDetail? {
        let detail: LeadsCRMLeadDetail
        do {
            detail = try await api.leadDetail(slug: remoteId)
        } catch SyncError.rejected(let errors) where !errors["slug"].isEmpty {
            return nil  // "Requested slug is invalid." / "Requested lead not found.": gone
        }
        // The list fields without `listLead`'s hash: `combined` hashes them once.
        let rowFields = Self.listFieldValues(detail.lead)
        var fields = rowFields
        for key in detailOnlyLeadFields { fields[key] = detail.lead.fields[key] ?? "" }
        let lead = RemoteLead(remoteId: detail.lead.slug, fields: fields, createdAt: detail.lead.addedOn,
                              contentHash: LeadHash.combined(listFields: rowFields, allFields: fields, detailKeys: detailOnlyLeadFields))
        return RemoteLeadDetail(
            lead: lead, notes: detail.notes.map(Self.note),
            activities: detail.activities.map {
                RemoteActivity(remoteId: $0.id, type: $0.type, text: $0.text, createdAt: $0.created ?? Date(timeIntervalSince1970: 0))
            })
    }

    public func appointments(from position: String?, limit: Int) async throws -> RemotePage<RemoteAppointmentRow> {
        let offset = position.flatMap(Int.init) ?? 0
        let page = try await api.listAppointments(offset: offset, limit: limit)
        let next = page.hasNext && !page.results.isEmpty ? String(offset + page.results.count) : nil
        return RemotePage(items: page.results.map(Self.row), next: next, total: page.count)
    }

    public func overview() async throws -> RemoteOverview? {
        let overview = try await api.overview()
        var counts: [String: Int] = [:]
        for row in overview.statuses { counts[row.status] = row.count }
        let labels = Dictionary(overview.statuses.map { ($0.status, RemoteStatusLabel(description: $0.description, color: $0.color)) },
                                uniquingKeysWith: { first, _ in first })
        return RemoteOverview(totalLeads: overview.totalLeads, statusCounts: counts, statusLabels: labels)
    }

    public func createLead(_ fields: [String: String]) async throws {
        try await api.createLead(Self.sendable(fields))
    }

    public func findLeads(matching fields: [String: String]) async throws -> [RemoteLead] {
        guard let email = fields["email"], !email.isEmpty else { return [] }
        var found: [RemoteLead] = []
        var offset = 0
        while true {
            let page = try await api.listLeads(offset: offset, limit: 500, filters: ["email": email])
            found += page.results.map(Self.listLead)
            guard page.hasNext, !page.results.isEmpty else { return found }
            offset += page.results.count
        }
    }

    public func updateLead(remoteId: String, fields: [String: String]) async throws {
        try await api.updateLead(slug: remoteId, fields: Self.sendable(fields))
    }

    public func deleteLead(remoteId: String) async throws {
        do {
            try await api.deleteLead(slug: remoteId)
        } catch SyncError.rejected(let errors) where Self.isGone(errors, field: "slug") {
            return  // already deleted (e.g. a retry after a lost answer)
        }
    }

    public func createNote(leadRemoteId: String, text: String) async throws {
        try await api.createNote(slug: leadRemoteId, text: text)
    }

    public func notes(leadRemoteId: String) async throws -> [RemoteNote]? {
        try await leadDetail(remoteId: leadRemoteId)?.notes
    }

    public func deleteNote(remoteId: String) async throws {
        do {
            try await api.deleteNote(id: remoteId)
        } catch SyncError.rejected(let errors) where errors["note_id"].contains(VendorMessages.noteNotFound) {
            return
        }
    }

    public func createAppointment(leadRemoteId: String, leadFirstName: String, fields: [String: String]) async throws {
        try await api.createAppointment(slug: leadRemoteId, fields: fields)
    }

    public func appointments(leadRemoteId: String, leadFirstName: String) async throws -> [RemoteAppointment] {
        var filters: [String: String] = [:]
        if !leadFirstName.isEmpty { filters["lead"] = leadFirstName }
        var found: [RemoteAppointment] = []
        var offset = 0
        while true {
            let page = try await api.listAppointments(offset: offset, limit: 500, filters: filters)
            found += page.results.filter { $0.leadSlug == leadRemoteId }.map { Self.row($0).appointment }
            guard page.hasNext, !page.results.isEmpty else { return found }
            offset += page.results.count
        }
    }

    public func updateAppointment(remoteId: String, leadRemoteId: String, fields: [String: String]) async throws {
        try await api.updateAppointment(id: remoteId, fields: fields)
    }

    public func deleteAppointment(remoteId: String) async throws {
        do {
            try await api.deleteAppointment(id: remoteId)
        } catch SyncError.rejected(let errors) where errors["appointment_id"].contains(VendorMessages.appointmentNotFound) {
            return
        }
    }

    // MARK: - Mapping

    /// A list row as a `RemoteLead` (list fields only; hash of them).
    static func listLead(_ lead: LeadsCRMLead) -> RemoteLead {
        let fields = listFieldValues(lead)
        return RemoteLead(remoteId: lead.slug, fields: fields, createdAt: lead.addedOn,
                          contentHash: LeadHash.listHash(fields))
    }

    /// The list fields of `lead` (missing ones empty), as `listLead` stores them.
    static func listFieldValues(_ lead: LeadsCRMLead) -> [String: String] {
        var fields: [String: String] = [:]
        fields.reserveCapacity(listFields.count + 2)
        for key in listFields { fields[key] = lead.fields[key] ?? "" }
        return fields
    }

    static func note(_ note: LeadsCRMNote) -> RemoteNote {
        RemoteNote(remoteId: note.id, text: note.text, author: note.user, createdAt: note.created ?? Date(timeIntervalSince1970: 0))
    }

    static func row(_ appointment: LeadsCRMAppointment) -> RemoteAppointmentRow {
        RemoteAppointmentRow(
            leadRemoteId: appointment.leadSlug,
            appointment: RemoteAppointment(remoteId: appointment.id, start: appointment.start, end: appointment.end,
                                           note: appointment.note, status: appointment.status))
    }

    /// Only the fields seed 001 stores.
    static func sendable(_ fields: [String: String]) -> [String: String] {
        fields.filter { sentFields.contains($0.key) }
    }

    /// seed 001 "Requested lead not found." / "Requested lead already has a deleted status.".
    static func isGone(_ errors: ValidationErrors, field: String) -> Bool {
        errors[field].contains { $0 == VendorMessages.leadNotFound || $0 == VendorMessages.leadAlreadyDeleted || $0 == VendorMessages.invalidSlug }
    }
}
