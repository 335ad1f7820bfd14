import Core
import Foundation
import Store

/// Pulls appointments: pages the whole appointment list, then, for each lead whose appointments
/// differ from the local ones (new, changed or gone), applies that lead's complete list. Leads whose
/// appointments are all equal cost no writes.
struct AppointmentPuller {
    let context: SyncContext
    let provider: any AppointmentProvider

    var store: LeadStore { context.store }
    var key: String { context.providerKey }

    func pull() async throws {
        var byLead: [String: [RemoteAppointment]] = [:]
        var seen = Set<String>()
        var position: String? = nil
        var done = 0
        context.progress(.pullingAppointments, done: 0, total: 0)
        while true {
            try Task.checkCancellation()
            let page = try await provider.appointments(from: position, limit: context.options.pageSize)
            for row in page.items {
                byLead[row.leadRemoteId, default: []].append(row.appointment)
                seen.insert(row.appointment.remoteId)
            }
            done += page.items.count
            context.progress(.pullingAppointments, done: done, total: page.total) { $0.appointmentsScanned += page.items.count }
            position = page.next
            if position == nil || page.items.isEmpty { break }
        }
        try apply(byLead: byLead, seen: seen)
    }

    /// Applies the scan in one transaction. The links of the scanned leads and appointments are
    /// read in a few batched queries (an unchanged scan of 20,000 appointments was ~80,000
    /// single-row reads); with queued appointment creates, each lead is checked one by one, since
    /// linking a sent create changes what the lead's appointments are compared with.
    func apply(byLead: [String: [RemoteAppointment]], seen: Set<String>) throws {
        try store.transaction {
            var lists: [Int64: [RemoteAppointment]] = [:]
            var dirty = Set<Int64>()
            let leadIds = try store.linkedLocalIds(provider: key, kind: .lead, remoteIds: Array(byLead.keys))
            let creates = try store.hasQueuedCreates(kind: .appointment)
            let local = creates ? [:] : try store.linkedAppointments(provider: key, remoteIds: Array(seen))
            for (leadRemoteId, appointments) in byLead {
                guard let leadId = leadIds[leadRemoteId] else { continue }
                lists[leadId] = appointments
                if creates {
                    try linkSentCreates(leadId: leadId, remote: appointments)
                    if try appointments.contains(where: { try differs($0) }) { dirty.insert(leadId) }
                } else if appointments.contains(where: { differs($0, from: local[$0.remoteId]) }) {
                    dirty.insert(leadId)
                }
            }
            // Linked appointments the scan did not see were deleted on the server.
            var gone: [Int64] = []
            try store.forEachRemoteLink(provider: key, kind: .appointment) { remoteId, localId in
                if !seen.contains(remoteId) { gone.append(localId) }
            }
            var losing = Set<Int64>()
            for localId in gone {
                if let appointment = try store.appointment(id: localId) { losing.insert(appointment.leadId) }
            }
            // "complete" only for leads that lost appointments: the store's complete pass scans every link.
            for leadId in dirty.union(losing).sorted() {
                try store.applyRemoteAppointments(provider: key, leadId: leadId, lists[leadId] ?? [], complete: losing.contains(leadId))
            }
        }
    }

    /// Whether a remote appointment is new or differs from its linked local twin.
    func differs(_ remote: RemoteAppointment) throws -> Bool {
        guard let link = try store.remoteLink(provider: key, kind: .appointment, remoteId: remote.remoteId) else { return true }
        return differs(remote, from: try store.appointment(id: link.localId))
    }

    /// Whether a remote appointment differs from `local` (its linked twin; nil: none).
    func differs(_ remote: RemoteAppointment, from local: Appointment?) -> Bool {
        guard let local else { return true }
        return seconds(local.start) != seconds(remote.start) || seconds(local.end) != seconds(remote.end)
            || local.note != remote.note || local.status != remote.status
    }

    /// Links queued appointment creates that may have been sent to an unlinked remote twin (same times).
    func linkSentCreates(leadId: Int64, remote: [RemoteAppointment]) throws {
        let creates = try store.outboxEntries(forLead: leadId).filter { $0.kind == .appointment && $0.op == .create }
        for entry in creates where context.mayHaveBeenSent(entry) {
            guard try store.remoteLink(provider: key, kind: .appointment, localId: entry.recordId) == nil else { continue }
            if let twin = try AppointmentMatch.unlinkedTwin(of: entry.payload, in: remote, store: store, provider: key) {
                try store.linkRemote(provider: key, kind: .appointment, localId: entry.recordId, remoteId: twin.remoteId)
            }
        }
    }

    func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}

/// Finding the remote appointment a create made: same lead, same start and end, not linked yet.
enum AppointmentMatch {
    static func unlinkedTwin(of payload: [String: String], in remote: [RemoteAppointment], store: LeadStore,
                             provider: String) throws -> RemoteAppointment? {
        guard let start = payload["appointment_date"].flatMap(WireDate.parseAppointment),
              let end = payload["appointment_to"].flatMap(WireDate.parseAppointment) else { return nil }
        for candidate in remote.sorted(by: { (Int($0.remoteId) ?? 0) > (Int($1.remoteId) ?? 0) })
        where Int64(candidate.start.timeIntervalSince1970) == start && Int64(candidate.end.timeIntervalSince1970) == end {
            if try store.remoteLink(provider: provider, kind: .appointment, remoteId: candidate.remoteId) == nil {
                return candidate
            }
        }
        return nil
    }
}
