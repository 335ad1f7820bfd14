import Core
import Foundation

/// Local edits the UI makes. Each one writes the record AND its outbox entry in one transaction.
extension LeadStore {
    /// Stores a new lead (its `id` is ignored) and queues a "create". Returns it with its new id.
    @discardableResult
    public func createLead(_ lead: Lead) throws -> Lead {
        try write {
            try deferFTSForNewLead()
            try db.run(LeadColumns.insertSQL, LeadColumns.values(lead))
            var stored = lead
            stored.id = db.lastInsertRowID
            try enqueue(.lead, .create, recordId: stored.id, leadId: stored.id,
                        payload: Self.wireFields(stored), base: [:])
            return stored
        }
    }

    /// Changes some fields of a lead (wire spellings, e.g. `[.status: "customer"]`) and queues an
    /// "update" of the fields that really changed. Throws `invalidValue` for a bad enum spelling.
    @discardableResult
    public func updateLead(id: Int64, changes: [LeadField: String]) throws -> Lead {
        try write {
            let before = try requireLead(id)
            var after = before
            for (field, value) in changes where !after.set(field, to: value) {
                throw StoreError.invalidValue(field: field.rawValue, value: value)
            }
            let changed = LeadField.allCases.filter { after.value(of: $0) != before.value(of: $0) }
            guard !changed.isEmpty else { return before }
            after.updatedAt = Date(timeIntervalSince1970: TimeInterval(Self.now()))
            try writeLead(after)
            var payload: [String: String] = [:]
            var base: [String: String] = [:]
            for field in changed {
                payload[field.rawValue] = after.value(of: field)
                base[field.rawValue] = before.value(of: field)
            }
            try enqueue(.lead, .update, recordId: id, leadId: id, payload: payload, base: base)
            return after
        }
    }

    /// Saves an edited lead: queues the changed fields; metadata is stored locally only.
    @discardableResult
    public func updateLead(_ lead: Lead) throws -> Lead {
        try write {
            let changes = Dictionary(uniqueKeysWithValues: LeadField.allCases.map { ($0, lead.value(of: $0)) })
            var updated = try updateLead(id: lead.id, changes: changes)
            if updated.metadata != lead.metadata {
                updated.metadata = lead.metadata
                try db.run("UPDATE leads SET metadata = ? WHERE id = ?",
                           [.text(lead.metadata.isEmpty ? "" : JSONText.encode(lead.metadata)), .integer(lead.id)])
            }
            return updated
        }
    }

    /// Sets the status of one lead.
    @discardableResult
    public func setStatus(_ status: LeadStatus, forLead id: Int64) throws -> Lead {
        try updateLead(id: id, changes: [.status: status.rawValue])
    }

    /// Soft-deletes a lead (hidden from lists) and queues a "delete" whose base holds every field.
    public func deleteLead(id: Int64) throws {
        try write {
            let lead = try requireLead(id)
            try db.run("UPDATE leads SET deleted = 1, updated = ? WHERE id = ?", [.integer(Self.now()), .integer(id)])
            try enqueue(.lead, .delete, recordId: id, leadId: id, payload: [:], base: Self.wireFields(lead))
        }
    }

    /// Sets the status of many (marked) leads in one transaction.
    public func setStatus(_ status: LeadStatus, forLeads ids: [Int64]) throws {
        try write { for id in ids { try updateLead(id: id, changes: [.status: status.rawValue]) } }
    }

    /// Assigns many (marked) leads to `owner` in one transaction.
    public func assign(_ owner: String, toLeads ids: [Int64]) throws {
        try write { for id in ids { try updateLead(id: id, changes: [.owner: owner]) } }
    }

    /// Deletes many (marked) leads in one transaction.
    public func deleteLeads(_ ids: [Int64]) throws {
        try write { for id in ids { try deleteLead(id: id) } }
    }

    /// CSV import: stores every lead as a local creation (outbox "create"), all or nothing.
    /// Returns the new ids in input order. Big imports index the new rows for search with one
    /// statement at the end (same transaction) instead of one FTS insert per row.
    @discardableResult
    public func importLeads(_ leads: [Lead]) throws -> [Int64] {
        guard leads.count >= 200 else { return try write { try leads.map { try createLead($0).id } } }
        return try withDeferredFTS { try leads.map { try createLead($0).id } }
    }

    // MARK: - Notes

    /// Adds a note to a lead and queues its "create".
    @discardableResult
    public func addNote(toLead leadId: Int64, text: String, author: String, at date: Date = Date()) throws -> Note {
        try write {
            _ = try requireLead(leadId)
            let created = LeadColumns.seconds(date)
            try db.run("INSERT INTO notes (lead_id, text, author, created) VALUES (?, ?, ?, ?)",
                       [.integer(leadId), .text(text), .text(author), .integer(created)])
            let note = Note(id: db.lastInsertRowID, leadId: leadId, text: text, author: author,
                            createdAt: Date(timeIntervalSince1970: TimeInterval(created)))
            try enqueue(.note, .create, recordId: note.id, leadId: leadId, payload: Self.wireFields(note), base: [:])
            return note
        }
    }

    /// Deletes a note and queues its "delete" (base keeps the note so a discard can restore it).
    public func deleteNote(id: Int64) throws {
        try write {
            guard let note = try note(id: id) else { throw StoreError.notFound(kind: "note", id: id) }
            try db.run("DELETE FROM notes WHERE id = ?", [.integer(id)])
            try enqueue(.note, .delete, recordId: id, leadId: note.leadId, payload: [:], base: Self.wireFields(note))
        }
    }

    // MARK: - Appointments

    /// Stores a new appointment (its `id` is ignored) and queues its "create".
    @discardableResult
    public func createAppointment(_ appointment: Appointment) throws -> Appointment {
        try write {
            _ = try requireLead(appointment.leadId)
            try db.run("INSERT INTO appointments (lead_id, start, end, note, status) VALUES (?, ?, ?, ?, ?)",
                       Self.appointmentValues(appointment))
            var stored = appointment
            stored.id = db.lastInsertRowID
            try enqueue(.appointment, .create, recordId: stored.id, leadId: stored.leadId,
                        payload: Self.wireFields(stored), base: [:])
            return stored
        }
    }

    /// Saves an edited appointment and queues an "update" of the fields that changed.
    @discardableResult
    public func updateAppointment(_ appointment: Appointment) throws -> Appointment {
        try write {
            guard let before = try self.appointment(id: appointment.id) else {
                throw StoreError.notFound(kind: "appointment", id: appointment.id)
            }
            let old = Self.wireFields(before)
            let new = Self.wireFields(appointment)
            let changed = new.keys.filter { new[$0] != old[$0] }
            guard !changed.isEmpty else { return before }
            try db.run("UPDATE appointments SET start = ?, end = ?, note = ?, status = ? WHERE id = ?",
                       Array(Self.appointmentValues(appointment).dropFirst()) + [.integer(appointment.id)])
            var payload: [String: String] = [:]
            var base: [String: String] = [:]
            for key in changed {
                payload[key] = new[key]
                base[key] = old[key]
            }
            try enqueue(.appointment, .update, recordId: appointment.id, leadId: before.leadId,
                        payload: payload, base: base)
            var stored = appointment
            stored.leadId = before.leadId
            return stored
        }
    }

    /// Deletes an appointment and queues its "delete" (base keeps it for a discard).
    public func deleteAppointment(id: Int64) throws {
        try write {
            guard let appointment = try appointment(id: id) else {
                throw StoreError.notFound(kind: "appointment", id: id)
            }
            try db.run("DELETE FROM appointments WHERE id = ?", [.integer(id)])
            try enqueue(.appointment, .delete, recordId: id, leadId: appointment.leadId, payload: [:],
                        base: Self.wireFields(appointment))
        }
    }

    // MARK: - Local-only records

    /// Records an activity on a lead (local only: seed 001 has no activity endpoint).
    @discardableResult
    public func addActivity(toLead leadId: Int64, type: String, text: String, at date: Date = Date()) throws -> Activity {
        try write {
            _ = try requireLead(leadId, allowDeleted: true)
            let created = LeadColumns.seconds(date)
            let stored = ActivityCoding.stored(type: type, text: text)
            try db.run("INSERT INTO activities (lead_id, type, text, created) VALUES (?, ?, ?, ?)",
                       [.integer(leadId), .text(stored.type), .text(stored.text), .integer(created)])
            return Activity(id: db.lastInsertRowID, leadId: leadId, type: type, text: text,
                            createdAt: Date(timeIntervalSince1970: TimeInterval(created)))
        }
    }

    /// Stores a message of a lead's conversation (local only for now).
    @discardableResult
    public func addMessage(_ message: Message) throws -> Message {
        try write {
            _ = try requireLead(message.leadId, allowDeleted: true)
            try db.run("""
                INSERT INTO messages (lead_id, channel, direction, subject, body, created) VALUES (?, ?, ?, ?, ?, ?)
                """, [.integer(message.leadId), .text(message.channel), .text(message.direction.rawValue),
                      .text(message.subject), .text(message.body), .integer(LeadColumns.seconds(message.createdAt))])
            var stored = message
            stored.id = db.lastInsertRowID
            return stored
        }
    }

    /// Adds or renames a user (owner / assignee).
    public func upsertUser(_ user: User) throws {
        try locked {
            try db.run("""
                INSERT INTO users (username, display_name) VALUES (?, ?)
                ON CONFLICT(username) DO UPDATE SET display_name = excluded.display_name
                """, [.text(user.username), .text(user.displayName)])
        }
    }
}
