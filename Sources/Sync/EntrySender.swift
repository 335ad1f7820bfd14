import Core
import Foundation
import Store

/// Sends one outbox entry to the provider and links what a create made. Returns how many later
/// entries of the same record were merged into this send (they are marked done here).
struct EntrySender {
    let context: SyncContext

    var store: LeadStore { context.store }
    var editor: any LeadEditingProvider { get throws { try context.require(.createLeads, "create leads") } }
    var updater: any LeadUpdatingProvider { get throws { try context.require(.editLeads, "edit leads") } }
    var noteTaker: any NoteProvider { get throws { try context.require(.notes, "keep notes") } }
    var calendar: any AppointmentProvider { get throws { try context.require(.appointments, "keep appointments") } }
    var detailOnly: [String] { context.detailOnlyLeadFields }
    var key: String { context.providerKey }

    func send(_ entry: OutboxEntry) async throws -> Int {
        switch (entry.kind, entry.op) {
        case (.lead, .create): try await createLead(entry)
        case (.lead, .update): return try await updateLead(entry)
        case (.lead, .delete): try await deleteLead(entry)
        case (.note, .create): try await createNote(entry)
        case (.note, .update):
            throw SyncError.rejected(ValidationErrors(["note": ["Notes cannot be edited on this server; delete it and add a new one."]]))
        case (.note, .delete): try await deleteNote(entry)
        case (.appointment, .create): try await createAppointment(entry)
        case (.appointment, .update): return try await updateAppointment(entry)
        case (.appointment, .delete): try await deleteAppointment(entry)
        case (_, .push): try await DestinationPushEngine(context: context, target: context.require(.pushLeads, "take pushed leads"))
            .sendOne(entry)
        }
        return 0
    }

    // MARK: - Leads

    func createLead(_ entry: OutboxEntry) async throws {
        if try store.remoteLink(provider: key, kind: .lead, localId: entry.recordId) != nil {
            // Linked already (a pull matched it by e-mail, or a crash came after linking): an update.
            _ = try await updateLead(entry)
            return
        }
        guard let lead = try store.lead(id: entry.recordId) else { return }  // gone locally: nothing to create
        let fields = Self.wireFields(lead)
        let provider = try editor
        let detailOnly = self.detailOnly
        try await CreateProtocol(context: context).run(
            entry: entry,
            find: { try await findCreatedLead(fields) },
            create: { try await provider.createLead(fields) },
            link: { found in
                var base = found.fields
                for key in detailOnly { base[key] = fields[key] ?? "" }
                try store.linkRemote(
                    provider: key, kind: .lead, localId: entry.recordId, remoteId: found.remoteId, base: base,
                    contentHash: LeadHash.combined(listFields: found.fields, allFields: base, detailKeys: detailOnly))
            })
    }

    /// The remote lead a create with `fields` made: same e-mail and name, not linked to another local lead; the newest.
    func findCreatedLead(_ fields: [String: String]) async throws -> RemoteLead? {
        let candidates = try await editor.findLeads(matching: fields)
        for candidate in candidates.reversed()
        where candidate.fields["first_name"] == fields["first_name"] && candidate.fields["last_name"] == fields["last_name"] {
            if try store.remoteLink(provider: key, kind: .lead, remoteId: candidate.remoteId) == nil { return candidate }
        }
        return nil
    }

    /// Sends the lead's current values (seed 001 update wants every field). Later queued edits of
    /// the same lead are merged into this one request.
    func updateLead(_ entry: OutboxEntry) async throws -> Int {
        guard let link = try store.remoteLink(provider: key, kind: .lead, localId: entry.recordId) else {
            throw SyncError.rejected(ValidationErrors(["request": ["This lead is not on the server (it may have been deleted there)."]]))
        }
        let merged = try claimFollowingUpdates(entry)
        guard let lead = try store.lead(id: entry.recordId) else {
            try finish(merged)
            return merged.count
        }
        let fields = Self.wireFields(lead)
        let provider = try updater
        do {
            try await provider.updateLead(remoteId: link.remoteId, fields: fields)
        } catch {
            try release(merged)
            throw error
        }
        var listFields: [String: String] = [:]
        for (field, value) in fields where !detailOnly.contains(field) { listFields[field] = value }
        try store.transaction {
            try store.updateRemoteBase(
                provider: key, kind: .lead, localId: entry.recordId, fields: fields,
                contentHash: LeadHash.combined(listFields: listFields, allFields: fields, detailKeys: detailOnly))
            try finish(merged)
        }
        return merged.count
    }

    func deleteLead(_ entry: OutboxEntry) async throws {
        guard let link = try store.remoteLink(provider: key, kind: .lead, localId: entry.recordId) else { return }
        try await editor.deleteLead(remoteId: link.remoteId)
        try store.unlinkRemote(provider: key, kind: .lead, localId: entry.recordId)
    }

    // MARK: - Notes

    func createNote(_ entry: OutboxEntry) async throws {
        if try store.remoteLink(provider: key, kind: .note, localId: entry.recordId) != nil { return }
        let leadRemoteId = try remoteLeadId(entry)
        let text = try store.note(id: entry.recordId)?.text ?? entry.payload["note"] ?? ""
        let provider = try noteTaker
        try await CreateProtocol(context: context).run(
            entry: entry,
            find: {
                guard let notes = try await provider.notes(leadRemoteId: leadRemoteId) else {
                    throw SyncError.rejected(ValidationErrors(["slug": [VendorMessages.leadNotFound]]))
                }
                for note in notes.sorted(by: { (Int($0.remoteId) ?? 0) > (Int($1.remoteId) ?? 0) }) where note.text == text {
                    if try store.remoteLink(provider: key, kind: .note, remoteId: note.remoteId) == nil { return note }
                }
                return nil
            },
            create: { try await provider.createNote(leadRemoteId: leadRemoteId, text: text) },
            link: { note in
                try store.linkRemote(provider: key, kind: .note, localId: entry.recordId, remoteId: note.remoteId)
                // A detail read before this note existed must not remove it again.
                try store.markPushed(provider: key, kind: .lead, localId: entry.leadId)
            })
    }

    func deleteNote(_ entry: OutboxEntry) async throws {
        guard let link = try store.remoteLink(provider: key, kind: .note, localId: entry.recordId) else { return }
        try await noteTaker.deleteNote(remoteId: link.remoteId)
        try store.transaction {
            try store.unlinkRemote(provider: key, kind: .note, localId: entry.recordId)
            // A detail read before the delete must not bring the note back.
            try store.markPushed(provider: key, kind: .lead, localId: entry.leadId)
        }
    }

    // MARK: - Appointments

    func createAppointment(_ entry: OutboxEntry) async throws {
        if try store.remoteLink(provider: key, kind: .appointment, localId: entry.recordId) != nil {
            _ = try await updateAppointment(entry)
            return
        }
        let leadRemoteId = try remoteLeadId(entry)
        let firstName = try store.lead(id: entry.leadId)?.firstName ?? ""
        var fields = entry.payload
        if let local = try store.appointment(id: entry.recordId) { fields = Self.wireFields(local) }
        let provider = try calendar
        try await CreateProtocol(context: context).run(
            entry: entry,
            find: {
                let remote = try await provider.appointments(leadRemoteId: leadRemoteId, leadFirstName: firstName)
                return try AppointmentMatch.unlinkedTwin(of: fields, in: remote, store: store, provider: key)
            },
            create: { try await provider.createAppointment(leadRemoteId: leadRemoteId, leadFirstName: firstName, fields: fields) },
            link: { found in
                try store.linkRemote(provider: key, kind: .appointment, localId: entry.recordId, remoteId: found.remoteId)
            })
    }

    func updateAppointment(_ entry: OutboxEntry) async throws -> Int {
        guard let link = try store.remoteLink(provider: key, kind: .appointment, localId: entry.recordId) else {
            throw SyncError.rejected(ValidationErrors(["appointment_id": [VendorMessages.appointmentNotFound]]))
        }
        let merged = try claimFollowingUpdates(entry)
        var fields = entry.payload
        for later in merged { fields.merge(later.payload) { _, new in new } }
        do {
            try await calendar.updateAppointment(remoteId: link.remoteId, leadRemoteId: try remoteLeadId(entry), fields: fields)
        } catch {
            try release(merged)
            throw error
        }
        try finish(merged)
        return merged.count
    }

    func deleteAppointment(_ entry: OutboxEntry) async throws {
        guard let link = try store.remoteLink(provider: key, kind: .appointment, localId: entry.recordId) else { return }
        try await calendar.deleteAppointment(remoteId: link.remoteId)
        try store.unlinkRemote(provider: key, kind: .appointment, localId: entry.recordId)
    }

    // MARK: - Helpers

    /// The remote id of the entry's lead; a rejection when the lead is not on the server.
    func remoteLeadId(_ entry: OutboxEntry) throws -> String {
        guard let link = try store.remoteLink(provider: key, kind: .lead, localId: entry.leadId) else {
            throw SyncError.rejected(ValidationErrors(["slug": [VendorMessages.leadNotFound]]))
        }
        return link.remoteId
    }

    /// Later pending updates of the same record that directly follow this entry: marked in flight
    /// (so new edits append a fresh entry instead of merging into one about to be settled).
    func claimFollowingUpdates(_ entry: OutboxEntry) throws -> [OutboxEntry] {
        var following: [OutboxEntry] = []
        for other in try store.outboxEntries(forLead: entry.leadId)
        where other.kind == entry.kind && other.recordId == entry.recordId && other.id > entry.id {
            guard other.op == .update, other.state == .pending else { break }
            following.append(other)
        }
        if !following.isEmpty { try store.markOutboxInflight(following.map(\.id)) }
        return following
    }

    func finish(_ merged: [OutboxEntry]) throws {
        for entry in merged { try store.markOutboxDone(entry.id) }
    }

    func release(_ merged: [OutboxEntry]) throws {
        for entry in merged { try store.retryOutboxLater(entry.id) }
    }

    /// A lead's fields as seed 001 takes them (local-only fields left out by the provider).
    static func wireFields(_ lead: Lead) -> [String: String] {
        var fields: [String: String] = [:]
        for field in LeadField.allCases where field.isSentToLeadsCRM { fields[field.rawValue] = lead.value(of: field) }
        return fields
    }

    /// An appointment's fields on the wire.
    static func wireFields(_ appointment: Appointment) -> [String: String] {
        [
            "appointment_date": WireDate.formatAppointment(appointment.start),
            "appointment_to": WireDate.formatAppointment(appointment.end),
            "appointment_note": appointment.note, "appointment_status": appointment.status.rawValue,
        ]
    }
}
