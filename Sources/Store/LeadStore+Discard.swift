import Core
import Foundation

/// Throwing away a queued change and putting the local record back as it was before it.
extension LeadStore {
    /// Discards a rejected (or still pending) change and restores the base values locally:
    /// an update gets its old field values back, a delete brings the record back, a create
    /// removes the local record (for a lead: with its notes, appointments and queued changes).
    public func discardOutboxEntry(_ id: Int64) throws {
        try write {
            guard let entry = try outboxEntry(id: id) else { throw StoreError.notFound(kind: "outbox entry", id: id) }
            guard entry.state != .inflight else { throw StoreError.wrongOutboxState(id: id, state: entry.state.rawValue) }
            try db.run("DELETE FROM outbox WHERE id = ?", [.integer(id)])
            switch (entry.kind, entry.op) {
            case (.lead, .update):
                guard var lead = try lead(id: entry.recordId) else { return }
                for (key, value) in entry.base {
                    if let field = LeadField(rawValue: key) { lead.set(field, to: value) }
                }
                try writeLead(lead)
            case (.lead, .delete):
                try db.run("UPDATE leads SET deleted = 0 WHERE id = ?", [.integer(entry.recordId)])
            case (_, .push):
                return  // nothing local to undo: the lead just is not sent there
            case (.lead, .create):
                try db.run("DELETE FROM outbox WHERE lead_id = ?", [.integer(entry.recordId)])
                try db.run("DELETE FROM leads WHERE id = ?", [.integer(entry.recordId)])
            case (.note, .create):
                try db.run("DELETE FROM notes WHERE id = ?", [.integer(entry.recordId)])
            case (.note, .delete):
                let created = entry.base["created"].flatMap(WireDate.parseTimestamp) ?? Self.now()
                try db.run("INSERT OR REPLACE INTO notes (id, lead_id, text, author, created) VALUES (?, ?, ?, ?, ?)",
                           [.integer(entry.recordId), .integer(entry.leadId), .text(entry.base["note"] ?? ""),
                            .text(entry.base["user"] ?? ""), .integer(created)])
            case (.note, .update):
                if let text = entry.base["note"] {
                    try db.run("UPDATE notes SET text = ? WHERE id = ?", [.text(text), .integer(entry.recordId)])
                }
            case (.appointment, .create):
                try db.run("DELETE FROM appointments WHERE id = ?", [.integer(entry.recordId)])
            case (.appointment, .update), (.appointment, .delete):
                try restoreAppointment(entry)
            }
        }
    }

    private func restoreAppointment(_ entry: OutboxEntry) throws {
        let current = try appointment(id: entry.recordId)
        let fallback = Date(timeIntervalSince1970: TimeInterval(Self.now()))
        var restored = current ?? Appointment(id: entry.recordId, leadId: entry.leadId, start: fallback, end: fallback)
        if let text = entry.base["appointment_date"], let start = WireDate.parseAppointment(text) {
            restored.start = Date(timeIntervalSince1970: TimeInterval(start))
        }
        if let text = entry.base["appointment_to"], let end = WireDate.parseAppointment(text) {
            restored.end = Date(timeIntervalSince1970: TimeInterval(end))
        }
        if let note = entry.base["appointment_note"] { restored.note = note }
        if let text = entry.base["appointment_status"], let status = AppointmentStatus(rawValue: text) {
            restored.status = status
        }
        // An upsert, not INSERT OR REPLACE: a replace deletes without the delete triggers, so the
        // calendar's day counts and the dashboard's appointment counts would count the row twice.
        try db.run("""
            INSERT INTO appointments (id, lead_id, start, end, note, status) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET lead_id = excluded.lead_id, start = excluded.start, end = excluded.end,
                    note = excluded.note, status = excluded.status
            """, [.integer(entry.recordId)] + Self.appointmentValues(restored))
    }
}
