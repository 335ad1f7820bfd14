import Core
import Foundation

/// The calendar's reads: appointments by time range (Unix seconds, UTC), windowed and indexed —
/// never every appointment — with their lead, sync mark and collision flag.
extension LeadStore {
    /// Columns of a `CalendarEntry` row (alias `a` = appointments). The lead's name is the
    /// appointment's copy (`lead_name`, calendar-lead-name): no calendar read joins the leads;
    /// e-mail and phone, which only `closer agenda` shows, come from `leadContacts(ids:)`.
    static let calendarColumns = calendarColumnList(syncMark: """
        (SELECT max(CASE o.state WHEN 'rejected' THEN 2 ELSE 1 END) FROM outbox o
            WHERE o.kind = 'appointment' AND o.record_id = a.id)
        """)

    /// The same with no sync mark (NULL): while no appointment is queued, the per-row outbox
    /// lookup is skipped (calendar speed: a tenth of a week's entry read at a million leads).
    static let calendarColumnsUnqueued = calendarColumnList(syncMark: "NULL")

    /// `calendarColumns` or, when the outbox holds no appointment entry, `calendarColumnsUnqueued`
    /// (one index probe).
    func calendarColumnsNow() throws -> String {
        try db.cached("SELECT EXISTS (SELECT 1 FROM outbox WHERE kind = 'appointment')").firstRow([]) { $0.int64(0) } == 1
            ? Self.calendarColumns : Self.calendarColumnsUnqueued
    }

    /// The longest appointment's length in seconds (the `appointments_length` index's last entry):
    /// an appointment overlapping one at `start` starts after `start` minus it.
    static let longestAppointmentSQL = "(SELECT coalesce(max(end - start), 0) FROM appointments)"

    private static func calendarColumnList(syncMark: String) -> String {
        """
        a.id, a.lead_id, a.start, a.end, a.note, a.status, a.owner, coalesce(a.lead_name, ''),
        \(syncMark),
        a.status <> 'cancelled' AND EXISTS (SELECT 1 FROM appointments b
            WHERE b.owner = a.owner AND b.start < a.end
              AND b.start > a.start - \(longestAppointmentSQL)
              AND b.end > a.start AND b.id <> a.id AND b.status <> 'cancelled')
        """
    }

    /// Appointments starting in `[from, to)` passing `filter`, by (start, id), after `cursor`
    /// (exclusive) when given, at most `limit`.
    public func calendarEntries(from: Int64, to: Int64, filter: CalendarFilter,
                                after cursor: (start: Int64, id: Int64)? = nil, limit: Int) throws -> [CalendarEntry] {
        guard limit > 0, from < to else { return [] }
        let (clause, values) = Self.calendarWhere(filter)
        let start = max(from, cursor?.start ?? from)
        return try locked {
            try db.cached("""
                SELECT \(try calendarColumnsNow()) FROM appointments a
                WHERE \(clause) AND a.start >= ? AND a.start < ? AND (a.start > ? OR a.id > ?)
                ORDER BY a.start, a.id LIMIT ?
                """).rows(values + [.integer(start), .integer(to), .integer(start),
                                    .integer(cursor?.id ?? Int64.min), .integer(Int64(limit))], Self.readCalendarEntry)
        }
    }

    /// Appointments starting in `[from, to)` before `cursor` (exclusive), nearest first.
    public func calendarEntries(from: Int64, to: Int64, filter: CalendarFilter,
                                before cursor: (start: Int64, id: Int64), limit: Int) throws -> [CalendarEntry] {
        guard limit > 0, from < to else { return [] }
        let (clause, values) = Self.calendarWhere(filter)
        let end = min(to - 1, cursor.start)
        return try locked {
            try db.cached("""
                SELECT \(try calendarColumnsNow()) FROM appointments a
                WHERE \(clause) AND a.start >= ? AND a.start <= ? AND (a.start < ? OR a.id < ?)
                ORDER BY a.start DESC, a.id DESC LIMIT ?
                """).rows(values + [.integer(from), .integer(end), .integer(end), .integer(cursor.id),
                                    .integer(Int64(limit))], Self.readCalendarEntry)
        }
    }

    /// How many appointments passing `filter` start in `[from, to)` (an index range count).
    public func calendarCount(from: Int64, to: Int64, filter: CalendarFilter) throws -> Int {
        guard from < to else { return 0 }
        let (clause, values) = Self.calendarWhere(filter)
        return try locked {
            Int(try db.cached("SELECT count(*) FROM appointments a WHERE \(clause) AND a.start >= ? AND a.start < ?")
                .firstRow(values + [.integer(from), .integer(to)]) { $0.int64(0) } ?? 0)
        }
    }

    /// One appointment as the calendar shows it (nil when gone or its lead is deleted).
    public func calendarEntry(id: Int64) throws -> CalendarEntry? {
        try locked {
            try db.cached("""
                SELECT \(try calendarColumnsNow()) FROM appointments a
                WHERE a.id = ? AND a.owner IS NOT NULL
                """).firstRow([.integer(id)], Self.readCalendarEntry)
        }
    }

    /// The first live (not cancelled) appointment of `owner` overlapping `[start, end)`, other
    /// than `excluding`: what makes the server answer "Appointment schedule exists for this time."
    public func collidingAppointment(owner: String, start: Int64, end: Int64, excluding: Int64? = nil) throws -> CalendarEntry? {
        try locked {
            try db.cached("""
                SELECT \(try calendarColumnsNow()) FROM appointments a
                WHERE a.owner = ? AND a.start < ? AND a.start > ? - \(Self.longestAppointmentSQL)
                  AND a.end > ? AND a.id <> ? AND a.status <> 'cancelled'
                ORDER BY a.start, a.id LIMIT 1
                """).firstRow([.text(owner), .integer(end), .integer(start), .integer(start), .integer(excluding ?? 0)],
                              Self.readCalendarEntry)
        }
    }

    /// The outbox entries of one appointment, oldest first (rejections carry the server's messages).
    public func outboxEntries(forAppointment id: Int64) throws -> [OutboxEntry] {
        try locked {
            try db.cached("SELECT \(Self.outboxColumns) FROM outbox WHERE kind = 'appointment' AND record_id = ? ORDER BY id")
                .rows([.integer(id)], Self.readOutbox)
        }
    }

    /// The SQL condition and values for `filter` on alias `a`. Statuses are enum spellings, so
    /// they are written into the SQL (one cached statement per status set).
    static func calendarWhere(_ filter: CalendarFilter) -> (String, [SQLValue]) {
        var clause: String
        var values: [SQLValue] = []
        if let owner = filter.owner {
            clause = "a.owner = ?"
            values.append(.text(owner))
        } else {
            clause = "a.owner IS NOT NULL"
        }
        if !filter.statuses.isEmpty {
            let names = filter.statuses.map(\.rawValue).sorted().map { "'\($0)'" }.joined(separator: ", ")
            clause += " AND a.status IN (\(names))"
        }
        return (clause, values)
    }

    /// A `calendarColumns` row as an entry (its lead's e-mail and phone left empty).
    static func readCalendarEntry(_ s: Statement) -> CalendarEntry {
        let sync: SyncMark = s.isNull(8) ? .none : s.int64(8) == 2 ? .rejected : .pending
        return CalendarEntry(appointment: readAppointment(s), leadName: s.text(7), owner: s.text(6), sync: sync,
                             collides: s.int64(9) == 1)
    }
}

/// Fixing a refused note: a note whose create was rejected can be edited and sent again.
extension LeadStore {
    /// Changes the text of a note whose "create" is still queued (pending or rejected): the create
    /// carries the new text and goes back to pending. A note the server already has cannot be
    /// edited (seed 001 has no note update): that is `wrongOutboxState`.
    public func fixNoteText(id: Int64, text: String) throws {
        try write {
            guard let note = try note(id: id) else { throw StoreError.notFound(kind: "note", id: id) }
            guard let create = try outboxEntries(forLead: note.leadId)
                .last(where: { $0.kind == .note && $0.recordId == id && $0.op == .create }) else {
                throw StoreError.wrongOutboxState(id: id, state: "synced")
            }
            try db.run("UPDATE notes SET text = ? WHERE id = ?", [.text(text), .integer(id)])
            var payload = create.payload
            payload["note"] = text
            try db.run("UPDATE outbox SET payload = ?, state = 'pending', messages = '{}', not_before = NULL, updated = ? WHERE id = ?",
                       [.text(JSONText.encode(payload)), .integer(Self.now()), .integer(create.id)])
        }
    }
}
