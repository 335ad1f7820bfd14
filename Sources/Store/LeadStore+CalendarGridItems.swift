import Core
import Foundation

/// The first items of every slot of a long range (a month grid's 42 days) in one statement: the
/// slots go in as one JSON array, each picks its first `perSlot` ids from the `(owner, start, …)`
/// index in a correlated `LIMIT` subquery, and those are joined to their appointment and lead rows
/// with the sync mark and collision flag — instead of one id statement per slot and then a second
/// statement by id (calendar speed, issue 7: a month's first visit made 43 statements).
extension LeadStore {
    /// Per slot `[boundaries[i], boundaries[i+1])` with `counts[i] > 0`, its first `perSlot`
    /// entries passing `filter` by (start, id): what reading each slot's ids with
    /// `ORDER BY start, id LIMIT perSlot` and then `calendarEntries(ids:)` gives. Call inside `locked`.
    func calendarFirstEntries(boundaries: [Int64], counts: [Int], filter: CalendarFilter,
                              perSlot: Int) throws -> [[CalendarEntry]] {
        let slotCount = boundaries.count - 1
        var result = [[CalendarEntry]](repeating: [], count: max(0, slotCount))
        guard perSlot > 0, slotCount > 0 else { return result }
        var slots = "["
        for slot in 0..<slotCount where counts[slot] > 0 {
            if slots.count > 1 { slots += "," }
            slots += "[\(slot),\(boundaries[slot]),\(boundaries[slot + 1])]"
        }
        guard slots.count > 1 else { return result }
        slots += "]"
        // The subquery's `a` is its own appointments (the filter is written for alias `a`); the
        // outer `a` is the item read.
        let (clause, values) = Self.calendarWhere(filter)
        try db.cached("""
            SELECT \(try calendarColumnsNow()), d.value ->> 0 FROM json_each(?) d
            JOIN appointments a ON a.id IN (SELECT a.id FROM appointments a WHERE \(clause)
                AND a.start >= d.value ->> 1 AND a.start < d.value ->> 2 ORDER BY a.start, a.id LIMIT ?)
            JOIN leads l ON l.id = a.lead_id
            """).forEachRow([.text(slots)] + values + [.integer(Int64(perSlot))]) { s in
                result[Int(s.int64(Self.calendarColumnCount))].append(Self.readCalendarEntry(s))
            }
        // The ids of one slot come in id order: put them in (start, id) order.
        for slot in result.indices where result[slot].count > 1 {
            result[slot].sort { ($0.start, $0.appointment.id) < ($1.start, $1.appointment.id) }
        }
        return result
    }

    /// How many columns `calendarColumns` has (the slot number follows them).
    static let calendarColumnCount: Int32 = 13
}
