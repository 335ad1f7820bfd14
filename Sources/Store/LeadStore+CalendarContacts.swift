import Core
import Foundation

/// The leads' e-mail and phone for calendar entries that show them (`closer agenda --format ics`):
/// the calendar's reads take the name from the appointment and never join the leads
/// (calendar-lead-name), so the few exports that need contacts read them here, one query a page.
extension LeadStore {
    /// `entries` with their lead's e-mail and phone filled in (entries of a gone lead unchanged).
    public func withLeadContacts(_ entries: [CalendarEntry]) throws -> [CalendarEntry] {
        guard !entries.isEmpty else { return entries }
        let list = "[" + Set(entries.map(\.appointment.leadId)).map(String.init).joined(separator: ",") + "]"
        var contacts: [Int64: (email: String, phone: String)] = [:]
        try locked {
            try db.cached("SELECT id, email, phone FROM leads WHERE id IN (SELECT value FROM json_each(?))")
                .forEachRow([.text(list)]) { contacts[$0.int64(0)] = ($0.text(1), $0.text(2)) }
        }
        return entries.map { entry in
            guard let contact = contacts[entry.appointment.leadId] else { return entry }
            return CalendarEntry(appointment: entry.appointment, leadName: entry.leadName, leadEmail: contact.email,
                                 leadPhone: contact.phone, owner: entry.owner, sync: entry.sync, collides: entry.collides)
        }
    }
}
