import Core
import Foundation

/// Counting a month grid's days from `calendar_day_counts` (Schema+CalendarDayCounts): one range
/// of that small table for the whole grid, and where a slot edge is not a UTC midnight (a local
/// zone off UTC) the part of that UTC day on the nearer side of the edge from the index.
extension LeadStore {
    /// Slots at least this long on average (a local day, 23 h on a DST day) are counted by day.
    static let calendarDayCountSlot: Int64 = 23 * 3600

    /// Counts per interval `[boundaries[i], boundaries[i+1])` (ascending) of the appointments
    /// passing `filter`: the same numbers as `calendarCount` per interval.
    func calendarCountsByDay(boundaries: [Int64], filter: CalendarFilter) throws -> [Int] {
        guard boundaries.count > 1, let first = boundaries.first, let last = boundaries.last, first < last else { return [] }
        let day: Int64 = 86_400
        let firstDay = DaySplit.floorDiv(first, day), lastDay = DaySplit.floorDiv(last, day)
        return try locked {
            var perDay = [Int](repeating: 0, count: Int(lastDay - firstDay) + 1)
            let (clause, values) = Self.calendarWhere(filter)
            try db.cached("""
                SELECT a.day, sum(a.count) FROM calendar_day_counts a WHERE \(clause) AND a.day >= ? AND a.day <= ?
                GROUP BY a.day
                """).forEachRow(values + [.integer(firstDay), .integer(lastDay)]) {
                    perDay[Int($0.int64(0) - firstDay)] = Int($0.int64(1))
                }
            // before[d]: appointments starting in [firstDay, firstDay + d) (whole UTC days).
            var before = [0]
            before.reserveCapacity(perDay.count + 1)
            for count in perDay { before.append(before[before.count - 1] + count) }
            // Appointments starting in [firstDay's midnight, x).
            func upTo(_ x: Int64) throws -> Int {
                let midnight = DaySplit.floorDiv(x, day) * day
                let index = Int(midnight / day - firstDay)
                if x == midnight { return before[index] }
                if x - midnight <= day / 2 {
                    return before[index] + (try calendarCount(from: midnight, to: x, filter: filter))
                }
                return before[index + 1] - (try calendarCount(from: x, to: midnight + day, filter: filter))
            }
            let edges = try boundaries.map(upTo)
            return (0..<(boundaries.count - 1)).map { edges[$0 + 1] - edges[$0] }
        }
    }
}

/// The calendar's data version (`calendar_state`, Schema+CalendarDayCounts): what the UI's slot
/// cache compares instead of "did anything in the file change".
extension LeadStore {
    /// A number that moves whenever anything a calendar slot read returns may have changed, by
    /// this connection or another (the sync worker's); commits that touch only leads' other
    /// fields, notes or activities leave it as it is.
    public func calendarDataVersion() throws -> Int {
        try locked { Int(try db.cached("SELECT version FROM calendar_state WHERE id = 1").firstRow([]) { $0.int64(0) } ?? 0) }
    }
}
