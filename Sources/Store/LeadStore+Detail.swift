import Core
import Foundation

/// Lead detail, appointments by date, saved views.
extension LeadStore {
    /// Everything about one lead (deleted ones too), or nil when no such lead.
    public func leadDetail(id: Int64) throws -> LeadDetail? {
        try locked { () throws -> LeadDetail? in
            guard let lead = try lead(id: id) else { return nil }
            let flagRow: [Bool]? = try db.cached("""
                SELECT deleted, has_pending, has_rejected, has_conflict, deleted_remotely FROM leads WHERE id = ?
                """).firstRow([.integer(id)]) { s -> [Bool] in (0..<5).map { s.int64(Int32($0)) == 1 } }
            let flags = flagRow ?? []
            let notes = try db.cached("SELECT id, lead_id, text, author, created FROM notes WHERE lead_id = ? ORDER BY created DESC, id DESC")
                .rows([.integer(id)], Self.readNote)
            let activities = try db.cached("SELECT id, lead_id, type, text, created FROM activities WHERE lead_id = ? ORDER BY created DESC, id DESC")
                .rows([.integer(id)], Self.readActivity)
            let appointments = try db.cached("SELECT id, lead_id, start, end, note, status FROM appointments WHERE lead_id = ? ORDER BY start, id")
                .rows([.integer(id)], Self.readAppointment)
            let messages = try db.cached("""
                SELECT id, lead_id, channel, direction, subject, body, created FROM messages WHERE lead_id = ? ORDER BY created, id
                """).rows([.integer(id)]) { s in
                    Message(id: s.int64(0), leadId: s.int64(1), channel: s.text(2),
                            direction: MessageDirection(rawValue: s.text(3)) ?? .inbound, subject: s.text(4), body: s.text(5),
                            createdAt: Date(timeIntervalSince1970: TimeInterval(s.int64(6))))
                }
            let mark: SyncMark = flags.count < 5 ? .none
                : flags[4] ? .deletedRemotely : flags[3] ? .conflict : flags[2] ? .rejected : flags[1] ? .pending : .none
            return LeadDetail(lead: lead, notes: notes, activities: activities, appointments: appointments,
                              messages: messages, outbox: try outboxEntries(forLead: id), syncMark: mark,
                              isDeleted: flags.first ?? false)
        }
    }

    /// Appointments starting in `[from, to)`, by start time, of leads not deleted.
    public func appointments(from: Date, to: Date, limit: Int = 1000) throws -> [AppointmentListRow] {
        try locked {
            try db.cached("""
                SELECT a.id, a.lead_id, a.start, a.end, a.note, a.status, l.first_name, l.last_name, l.email, l.owner
                FROM appointments a JOIN leads l ON l.id = a.lead_id
                WHERE a.start >= ? AND a.start < ? AND l.deleted = 0 ORDER BY a.start, a.id LIMIT ?
                """).rows([.integer(LeadColumns.seconds(from)), .integer(LeadColumns.seconds(to)), .integer(Int64(limit))]) { s in
                    let name = [s.text(6), s.text(7)].filter { !$0.isEmpty }.joined(separator: " ")
                    return AppointmentListRow(appointment: Self.readAppointment(s), leadName: name.isEmpty ? s.text(8) : name,
                                              owner: s.text(9))
                }
        }
    }

    /// Every saved view, by name.
    public func savedViews() throws -> [SavedView] {
        try locked {
            try db.cached("SELECT definition FROM saved_views ORDER BY name").rows { s in
                try? JSONDecoder().decode(SavedView.self, from: Data(s.text(0).utf8))
            }.compactMap { $0 }
        }
    }

    /// Saves (or replaces) a view by its name.
    public func saveView(_ view: SavedView) throws {
        let data = try JSONEncoder().encode(view)
        try locked {
            try db.run("INSERT OR REPLACE INTO saved_views (name, definition) VALUES (?, ?)",
                       [.text(view.name), .text(String(decoding: data, as: UTF8.self))])
        }
    }

    /// Deletes a saved view.
    public func deleteView(named name: String) throws {
        try locked { try db.run("DELETE FROM saved_views WHERE name = ?", [.text(name)]) }
    }
}
