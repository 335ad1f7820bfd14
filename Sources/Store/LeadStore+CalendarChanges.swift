import Foundation

/// What moved the calendar's data version (`calendar_changes`, Schema+CalendarChanges): the UI's
/// slot cache forgets only the reads whose range the changes reach.
extension LeadStore {
    /// The ranges of appointment starts `[low, high)` whose slot reads may differ now from those
    /// made at data version `version`, widened by the longest appointment (the collision flags of
    /// those overlapping a changed one); nil when the log does not reach back that far (forget all).
    public func calendarChangedRanges(since version: Int) throws -> [ClosedRange<Int64>]? {
        try locked {
            let now = try calendarDataVersion()
            guard now >= version else { return nil }
            guard now > version else { return [] }
            let rows = try db.cached("SELECT low, high FROM calendar_changes WHERE version > ? ORDER BY version")
                .rows([.integer(Int64(version))]) { ($0.int64(0), $0.int64(1)) }
            guard rows.count == now - version else { return nil }  // a gap: a rebuild, or too far behind
            let longest = try db.cached("SELECT \(Self.longestAppointmentSQL)").firstRow([]) { $0.int64(0) } ?? 0
            let everything = Schema.calendarChangeEverything
            return rows.map { low, high in
                let widened = low.subtractingReportingOverflow(max(0, longest))  // a hand-edited end far out
                let wideLow = low <= everything.low || widened.overflow ? Int64.min : widened.partialValue
                let wideHigh = high >= everything.high ? Int64.max : max(high, low + 1) - 1
                return min(wideLow, wideHigh)...wideHigh
            }
        }
    }
}
