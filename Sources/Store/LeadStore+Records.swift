import Core
import Foundation

/// Reading single records, and the row/wire mapping shared by edits and sync.
extension LeadStore {
    /// The lead with this local id (deleted ones included), or nil.
    public func lead(id: Int64) throws -> Lead? {
        try locked {
            try db.cached("SELECT \(LeadColumns.select) FROM leads WHERE id = ?")
                .firstRow([.integer(id)], LeadColumns.read)
        }
    }

    /// Whether the lead is soft-deleted locally.
    public func isLeadDeleted(id: Int64) throws -> Bool {
        try locked { try db.scalarInt("SELECT deleted FROM leads WHERE id = ?", [.integer(id)]) == 1 }
    }

    /// The note with this local id, or nil.
    public func note(id: Int64) throws -> Note? {
        try locked {
            try db.cached("SELECT id, lead_id, text, author, created FROM notes WHERE id = ?")
                .firstRow([.integer(id)], Self.readNote)
        }
    }

    /// The appointment with this local id, or nil.
    public func appointment(id: Int64) throws -> Appointment? {
        try locked {
            try db.cached("SELECT id, lead_id, start, end, note, status FROM appointments WHERE id = ?")
                .firstRow([.integer(id)], Self.readAppointment)
        }
    }

    /// Every known user, by username.
    public func users() throws -> [User] {
        try locked {
            try db.cached("SELECT username, display_name FROM users ORDER BY username").rows {
                User(username: $0.text(0), displayName: $0.text(1))
            }
        }
    }

    // MARK: - Internal helpers

    func requireLead(_ id: Int64, allowDeleted: Bool = false) throws -> Lead {
        guard let lead = try lead(id: id) else { throw StoreError.notFound(kind: "lead", id: id) }
        if !allowDeleted, try isLeadDeleted(id: id) { throw StoreError.notFound(kind: "lead", id: id) }
        return lead
    }

    /// Writes every column of an existing lead.
    func writeLead(_ lead: Lead) throws {
        try db.run("""
            UPDATE leads SET first_name = ?, last_name = ?, email = ?, phone = ?, company = ?, job_title = ?,
                location = ?, message = ?, source = ?, status = ?, owner = ?, label = ?, metadata = ?,
                created = ?, updated = ?, sort_name = ? WHERE id = ?
            """, LeadColumns.values(lead) + [.integer(lead.id)])
    }

    static func readNote(_ s: Statement) -> Note {
        Note(id: s.int64(0), leadId: s.int64(1), text: s.text(2), author: s.text(3),
             createdAt: Date(timeIntervalSince1970: TimeInterval(s.int64(4))))
    }

    static func readAppointment(_ s: Statement) -> Appointment {
        Appointment(id: s.int64(0), leadId: s.int64(1),
                    start: Date(timeIntervalSince1970: TimeInterval(s.int64(2))),
                    end: Date(timeIntervalSince1970: TimeInterval(s.int64(3))),
                    note: s.text(4), status: AppointmentStatus(rawValue: s.text(5)) ?? .pending)
    }

    static func readActivity(_ s: Statement) -> Activity {
        let stored = ActivityCoding.decoded(type: s.text(2), text: s.text(3))
        return Activity(id: s.int64(0), leadId: s.int64(1), type: stored.type, text: stored.text,
                        createdAt: Date(timeIntervalSince1970: TimeInterval(s.int64(4))))
    }

    static func appointmentValues(_ a: Appointment) -> [SQLValue] {
        [.integer(a.leadId), .integer(LeadColumns.seconds(a.start)), .integer(LeadColumns.seconds(a.end)),
         .text(a.note), .text(a.status.rawValue)]
    }

    /// A lead's fields by wire name (`LeadField.rawValue`).
    static func wireFields(_ lead: Lead) -> [String: String] {
        Dictionary(uniqueKeysWithValues: LeadField.allCases.map { ($0.rawValue, lead.value(of: $0)) })
    }

    /// A note as seed 001 names its fields.
    static func wireFields(_ note: Note) -> [String: String] {
        ["note": note.text, "user": note.author, "created": WireDate.formatTimestamp(note.createdAt)]
    }

    /// An appointment as seed 001 names its form fields.
    static func wireFields(_ a: Appointment) -> [String: String] {
        ["appointment_date": WireDate.formatAppointment(a.start), "appointment_to": WireDate.formatAppointment(a.end),
         "appointment_note": a.note, "appointment_status": a.status.rawValue]
    }
}
