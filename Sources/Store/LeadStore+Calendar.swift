import Core
import Foundation

/// The calendar's reads: appointments by time range (Unix seconds, UTC), windowed and indexed —
/// never every appointment — with their lead, sync mark and collision flag.
extension LeadStore {
    /// Columns of a `CalendarEntry` row (alias `a` = appointments, `l` = leads).
    static let calendarColumns = """
        a.id, a.lead_id, a.start, a.end, a.note, a.status, a.owner, l.first_name, l.last_name, l.email, l.phone,
        (SELECT max(CASE o.state WHEN 'rejected' THEN 2 ELSE 1 END) FROM outbox o
            WHERE o.kind = 'appointment' AND o.record_id = a.id),
        a.status <> 'cancelled' AND EXISTS (SELECT 1 FROM appointments b
            WHERE b.owner = a.owner AND b.start < a.end
              AND b.start > a.start - (SELECT coalesce(max(end - start), 0) FROM appointments)
              AND b.end > a.start AND b.id <> a.id AND b.status <> 'cancelled')
        """

    /// Appointments starting in `[from, to)` passing `filter`, by (start, id), after `cursor`
    /// (exclusive) when given, at most `limit`.
    public func calendarEntries(from: Int64, to: Int64, filter: CalendarFilter,
                                after cursor: (start: Int64, id: Int64)? = nil, limit: Int) throws -> [CalendarEntry] {
        guard limit > 0, from < to else { return [] }
        let (clause, values) = Self.calendarWhere(filter)
        let start = max(from, cursor?.start ?? from)
        return try locked {
            try db.cached("""
                SELECT \(Self.calendarColumns) FROM appointments a JOIN leads l ON l.id = a.lead_id
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
                SELECT \(Self.calendarColumns) FROM appointments a JOIN leads l ON l.id = a.lead_id
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

    /// Counts per interval `[boundaries[i], boundaries[i+1])` (e.g. the days of a month grid).
    public func calendarCounts(boundaries: [Int64], filter: CalendarFilter) throws -> [Int] {
        guard boundaries.count > 1 else { return [] }
        return try locked {
            try (0..<(boundaries.count - 1)).map { try calendarCount(from: boundaries[$0], to: boundaries[$0 + 1], filter: filter) }
        }
    }

    /// Slots `[boundaries[i], boundaries[i+1])` with their count and first `perSlot` entries. A
    /// range holding few appointments is read in one query; a crowded one (a million leads) costs
    /// one count and at most one small window per slot, so it never reads the whole range.
    public func calendarSlots(boundaries: [Int64], filter: CalendarFilter, perSlot: Int) throws -> [CalendarSlot] {
        guard boundaries.count > 1, let first = boundaries.first, let last = boundaries.last else { return [] }
        return try locked {
            let total = try calendarCount(from: first, to: last, filter: filter)
            if total <= Self.calendarSlotReadAll {
                let entries = try calendarEntries(from: first, to: last, filter: filter, limit: total)
                var slots: [CalendarSlot] = []
                var index = 0
                for i in 0..<(boundaries.count - 1) {
                    var inSlot: [CalendarEntry] = []
                    while index < entries.count, entries[index].start < boundaries[i + 1] {
                        if entries[index].start >= boundaries[i] { inSlot.append(entries[index]) }
                        index += 1
                    }
                    slots.append(CalendarSlot(start: boundaries[i], end: boundaries[i + 1], count: inSlot.count,
                                              entries: Array(inSlot.prefix(perSlot))))
                }
                return slots
            }
            if let step = Self.evenStep(boundaries) {
                return try crowdedSlots(boundaries: boundaries, step: step, filter: filter, perSlot: perSlot)
            }
            return try (0..<(boundaries.count - 1)).map { i in
                let count = try calendarCount(from: boundaries[i], to: boundaries[i + 1], filter: filter)
                let entries = count == 0 ? [] : try calendarEntries(
                    from: boundaries[i], to: boundaries[i + 1], filter: filter, limit: perSlot)
                return CalendarSlot(start: boundaries[i], end: boundaries[i + 1], count: count, entries: entries)
            }
        }
    }

    /// The common step of evenly spaced boundaries (hours of a day without a DST change, days of
    /// a month grid without one), nil otherwise.
    static func evenStep(_ boundaries: [Int64]) -> Int64? {
        guard boundaries.count > 1 else { return nil }
        let step = boundaries[1] - boundaries[0]
        guard step > 0 else { return nil }
        for i in 1..<boundaries.count where boundaries[i] - boundaries[i - 1] != step { return nil }
        return step
    }

    /// A crowded range in one pass over the index: per slot the count and the first appointment
    /// (SQLite gives the bare `id` of the row holding `min(start)`), then, only where more than one
    /// item should show, a small window for that slot.
    func crowdedSlots(boundaries: [Int64], step: Int64, filter: CalendarFilter, perSlot: Int) throws -> [CalendarSlot] {
        let first = boundaries[0], last = boundaries[boundaries.count - 1]
        let (clause, values) = Self.calendarWhere(filter)
        var counts: [Int64: (Int, CalendarEntry)] = [:]
        try db.cached("""
            SELECT \(Self.calendarColumns), g.slot, g.n FROM (
                SELECT (a.start - ?) / ? AS slot, count(*) AS n, a.id AS first_id, min(a.start)
                FROM appointments a WHERE \(clause) AND a.start >= ? AND a.start < ? GROUP BY slot) g
            JOIN appointments a ON a.id = g.first_id JOIN leads l ON l.id = a.lead_id
            """).forEachRow([.integer(first), .integer(step)] + values + [.integer(first), .integer(last)]) { s in
                counts[s.int64(13)] = (s.int(14), Self.readCalendarEntry(s))
            }
        var slots: [CalendarSlot] = []
        for i in 0..<(boundaries.count - 1) {
            guard let (count, entry) = counts[Int64(i)], perSlot > 0 else {
                slots.append(CalendarSlot(start: boundaries[i], end: boundaries[i + 1], count: counts[Int64(i)]?.0 ?? 0, entries: []))
                continue
            }
            let entries = perSlot > 1 && count > 1
                ? try calendarEntries(from: boundaries[i], to: boundaries[i + 1], filter: filter, limit: perSlot)
                : [entry]
            slots.append(CalendarSlot(start: boundaries[i], end: boundaries[i + 1], count: count, entries: entries))
        }
        return slots
    }

    /// Up to this many appointments in a slot range are read at once instead of slot by slot.
    static let calendarSlotReadAll = 240

    /// One appointment as the calendar shows it (nil when gone or its lead is deleted).
    public func calendarEntry(id: Int64) throws -> CalendarEntry? {
        try locked {
            try db.cached("""
                SELECT \(Self.calendarColumns) FROM appointments a JOIN leads l ON l.id = a.lead_id
                WHERE a.id = ? AND a.owner IS NOT NULL
                """).firstRow([.integer(id)], Self.readCalendarEntry)
        }
    }

    /// The first live (not cancelled) appointment of `owner` overlapping `[start, end)`, other
    /// than `excluding`: what makes the server answer "Appointment schedule exists for this time."
    public func collidingAppointment(owner: String, start: Int64, end: Int64, excluding: Int64? = nil) throws -> CalendarEntry? {
        try locked {
            try db.cached("""
                SELECT \(Self.calendarColumns) FROM appointments a JOIN leads l ON l.id = a.lead_id
                WHERE a.owner = ? AND a.start < ? AND a.start > ? - (SELECT coalesce(max(end - start), 0) FROM appointments)
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

    static func readCalendarEntry(_ s: Statement) -> CalendarEntry {
        let name = [s.text(7), s.text(8)].filter { !$0.isEmpty }.joined(separator: " ")
        let sync: SyncMark = s.isNull(11) ? .none : s.int64(11) == 2 ? .rejected : .pending
        return CalendarEntry(appointment: readAppointment(s), leadName: name.isEmpty ? s.text(9) : name,
                             leadEmail: s.text(9), leadPhone: s.text(10), owner: s.text(6), sync: sync,
                             collides: s.int64(12) == 1)
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
