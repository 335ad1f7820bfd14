import Foundation

/// Reading ahead while the user looks: the periods `h`/`l` (day view) or `[`/`]` (week, month)
/// lead to next, read into the slot cache when the app is idle, so those keys draw from memory.
extension CalendarViewModel {
    /// What was read ahead: the view, the first day of what it shows, and the cache's generation.
    struct ReadAheadMark: Equatable {
        let view: CalendarViewKind
        let day: Int
        let generation: Int
    }

    /// Reads the previous and next period of the current view into the cache (a copy of the
    /// calendar moves there; this one does not move). Nothing in the agenda, or when already done
    /// for what is shown and the file did not change since. Returns whether it read.
    @discardableResult
    public mutating func readAhead() -> Bool {
        slotCache.noteChanges(in: store)  // after a sync's commit: read again
        let shown: Int
        switch view {
        case .agenda: return false
        case .day: shown = selectedDay
        case .week: shown = weekStart(of: selectedDay)
        case .month: shown = monthCells.first?.day ?? selectedDay
        }
        let mark = ReadAheadMark(view: view, day: shown, generation: slotCache.generation)
        guard readAheadDone != mark else { return false }
        for delta in [1, -1] {
            var probe = self
            if view == .day { probe.moveDay(delta) } else { probe.movePage(delta) }
        }
        readAheadDone = ReadAheadMark(view: view, day: shown, generation: slotCache.generation)
        return true
    }
}
