import Core
import Foundation

/// Where one slot's entries should start: the selected appointment of the day and week views may
/// be the 7th of its hour, so that slot returns a window from `first` instead of its first ones.
public struct CalendarSlotWindow: Sendable, Equatable {
    /// The slot (index into the boundaries' intervals).
    public var slot: Int
    /// The place (0-based, by start then id) of the first entry to return for that slot.
    public var first: Int

    /// A window of slot `slot` from place `first`.
    public init(slot: Int, first: Int) {
        self.slot = slot
        self.first = max(0, first)
    }
}

/// The hour slots of the day and week views and the day cells of the month grid: per slot the
/// count and a few entries, read from the `(owner, start, …)` index without ever loading a range's
/// appointments in full.
extension LeadStore {
    /// Counts per interval `[boundaries[i], boundaries[i+1])` (e.g. the days of a month grid).
    public func calendarCounts(boundaries: [Int64], filter: CalendarFilter) throws -> [Int] {
        try calendarSlots(boundaries: boundaries, filter: filter, perSlot: 0).map(\.count)
    }

    /// Slots `[boundaries[i], boundaries[i+1])` (ascending) with their count and `perSlot` entries:
    /// the first ones, or for `window`'s slot those from its place on.
    ///
    /// A range of a few thousand appointments (a day or a week of one user at a million leads) is
    /// one ordered pass over the covering index reading only `(start, id)`, bucketed here; a bigger
    /// one (a month, or everyone's week) costs one index count and one tiny keyed window per slot.
    /// Either way the entries shown are then read in one query by id.
    public func calendarSlots(boundaries: [Int64], filter: CalendarFilter, perSlot: Int,
                              window: CalendarSlotWindow? = nil) throws -> [CalendarSlot] {
        try calendarSlots(boundaries: boundaries, filter: filter, perSlot: perSlot, window: window, scanLimit: Self.calendarScanLimit)
    }

    /// `calendarSlots` reading ranges of up to `scanLimit` appointments in one ordered pass (tests
    /// compare both ways).
    func calendarSlots(boundaries: [Int64], filter: CalendarFilter, perSlot: Int, window: CalendarSlotWindow?,
                       scanLimit: Int) throws -> [CalendarSlot] {
        guard boundaries.count > 1, let first = boundaries.first, let last = boundaries.last, first < last else { return [] }
        let slotCount = boundaries.count - 1
        let perSlot = max(0, perSlot)
        func from(_ slot: Int) -> Int { window?.slot == slot ? window!.first : 0 }
        return try locked {
            var counts = [Int](repeating: 0, count: slotCount)
            var wanted: [(slot: Int, id: Int64)] = []
            let (clause, values) = Self.calendarWhere(filter)
            // A day or a week: one ordered pass, given up (and counted slot by slot) past
            // `scanLimit` rows; a longer range (a month grid) is counted slot by slot at once.
            var scanned = false
            if last - first <= Self.calendarScanSpan {
                var slot = 0
                let rows = try scanCalendarStarts(filter: filter, from: first, to: last, limit: scanLimit + 1) { start, id in
                    while slot < slotCount - 1, start >= boundaries[slot + 1] { slot += 1 }
                    guard start >= boundaries[slot] else { return }
                    let offset = counts[slot] - from(slot)
                    counts[slot] += 1
                    if offset >= 0, offset < perSlot { wanted.append((slot, id)) }
                }
                scanned = rows <= scanLimit
            }
            if !scanned {
                counts = [Int](repeating: 0, count: slotCount)
                wanted = []
                let ids = try db.cached("""
                    SELECT a.id FROM appointments a WHERE \(clause) AND a.start >= ? AND a.start < ?
                    ORDER BY a.start, a.id LIMIT ? OFFSET ?
                    """)
                // Day-long slots (a month grid) are counted from the per-day table.
                let byDay = (last - first) / Int64(slotCount) >= Self.calendarDayCountSlot
                    ? try calendarCountsByDay(boundaries: boundaries, filter: filter) : nil
                for slot in 0..<slotCount {
                    let range: [SQLValue] = [.integer(boundaries[slot]), .integer(boundaries[slot + 1])]
                    counts[slot] = try byDay?[slot] ?? calendarCount(from: boundaries[slot], to: boundaries[slot + 1], filter: filter)
                    guard counts[slot] > from(slot), perSlot > 0 else { continue }
                    try ids.forEachRow(values + range + [.integer(Int64(perSlot)), .integer(Int64(from(slot)))]) {
                        wanted.append((slot, $0.int64(0)))
                    }
                }
            }
            let entries = try calendarEntries(ids: wanted.map(\.id))
            var perSlotEntries = [[CalendarEntry]](repeating: [], count: slotCount)
            for (slot, id) in wanted { if let entry = entries[id] { perSlotEntries[slot].append(entry) } }
            return (0..<slotCount).map { slot in
                CalendarSlot(start: boundaries[slot], end: boundaries[slot + 1], count: counts[slot],
                             entries: perSlotEntries[slot], firstIndex: min(from(slot), counts[slot]))
            }
        }
    }

    /// Up to this many appointments in a range are read as one ordered pass of `(start, id)`.
    static let calendarScanLimit = 6000
    /// Ranges up to this long (a week and a day of DST slack) try the ordered pass first.
    static let calendarScanSpan: Int64 = 8 * 86_400

    /// The calendar entries of `ids` (one query), by id; gone ones are missing.
    func calendarEntries(ids: [Int64]) throws -> [Int64: CalendarEntry] {
        guard !ids.isEmpty else { return [:] }
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        var result: [Int64: CalendarEntry] = [:]
        try db.cached("""
            SELECT \(try calendarColumnsNow()) FROM appointments a JOIN leads l ON l.id = a.lead_id
            WHERE a.id IN (SELECT value FROM json_each(?))
            """).forEachRow([.text(list)]) { s in
                let entry = Self.readCalendarEntry(s)
                result[entry.appointment.id] = entry
            }
        return result
    }

    /// The place (0-based, by start then id) of the appointment starting at `start` with `id` among
    /// those passing `filter` that start in `[from, start]`: where it sits in its hour slot.
    public func calendarPlace(start: Int64, id: Int64, from: Int64, filter: CalendarFilter) throws -> Int {
        let (clause, values) = Self.calendarWhere(filter)
        return try locked {
            Int(try db.cached("""
                SELECT count(*) FROM appointments a WHERE \(clause) AND a.start >= ? AND a.start <= ?
                  AND (a.start < ? OR a.id < ?)
                """).firstRow(values + [.integer(from), .integer(start), .integer(start), .integer(id)]) { $0.int64(0) } ?? 0)
        }
    }

    /// The appointments of `filter` starting in `[first, last)`, at most `limit`, to `body` in
    /// start order and, within one start, in id order; returns how many were read. One ordered
    /// pass over the covering index reading only `(start, id)`: its order is (start, status, end,
    /// id), so the few appointments sharing a start are put in id order here, which costs a third
    /// of asking SQLite for (start, id). Call it inside `locked`.
    func scanCalendarStarts(filter: CalendarFilter, from first: Int64, to last: Int64, limit: Int,
                            _ body: (_ start: Int64, _ id: Int64) -> Void) throws -> Int {
        let (clause, values) = Self.calendarWhere(filter)
        var rows = 0
        var groupStart = Int64.min
        var group: [Int64] = []
        func flush() {
            group.sort()
            for id in group { body(groupStart, id) }
            group.removeAll(keepingCapacity: true)
        }
        try db.cached("""
            SELECT a.start, a.id FROM appointments a WHERE \(clause) AND a.start >= ? AND a.start < ?
            ORDER BY a.start LIMIT ?
            """).forEachRow(values + [.integer(first), .integer(last), .integer(Int64(limit))]) { s in
                rows += 1
                let start = s.int64(0)
                if start != groupStart {
                    flush()
                    groupStart = start
                }
                group.append(s.int64(1))
            }
        flush()
        return rows
    }
}
