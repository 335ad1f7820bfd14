import Foundation

/// Reading ahead while the user looks: the periods `h`/`l` (day view) or `[`/`]` (week, month)
/// lead to next, read into the slot cache when the app is idle, so those keys draw from memory.
/// The work is cut into steps of one read each (one day column, or one month grid) so the run
/// loop can look for a key between steps: a key never waits for more than the step under way,
/// and after it the plan is made again for what is shown then (the rest is dropped).
extension CalendarViewModel {
    /// What was read ahead: the view, the first day of what it shows, and the cache's generation.
    struct ReadAheadMark: Equatable {
        let view: CalendarViewKind
        let day: Int
        let generation: Int
    }

    /// One read-ahead step: one day column, or one month grid (the same reads as the move makes).
    enum ReadAheadStep: Equatable {
        case column([Int64])
        case month([Int64])
    }

    /// The mark of what is shown now (nil in the agenda, which reads nothing ahead).
    var readAheadMark: ReadAheadMark? {
        let shown: Int
        switch view {
        case .agenda: return nil
        case .day: shown = selectedDay
        case .week: shown = weekStart(of: selectedDay)
        case .month: shown = monthCells.first?.day ?? selectedDay
        }
        return ReadAheadMark(view: view, day: shown, generation: slotCache.generation)
    }

    /// Whether read-ahead steps are left for what is shown (no query: after another
    /// connection's commit, the next `readAheadStep` finds out and starts over).
    public var hasReadAheadWork: Bool {
        guard CalendarSlotCache.isEnabled, let mark = readAheadMark else { return false }  // else the loop would spin
        return readAheadDone != mark
    }

    /// Every read of the next, then the previous period, in order.
    var readAheadPlan: [ReadAheadStep] {
        switch view {
        case .agenda: return []
        case .day: return [selectedDay + 1, selectedDay - 1].map { .column(columnBoundaries(day: $0)) }
        case .week:
            return [7, -7].flatMap { delta in
                let first = weekStart(of: selectedDay + delta)
                return (first..<(first + 7)).map { ReadAheadStep.column(columnBoundaries(day: $0)) }
            }
        case .month:
            return [1, -1].compactMap { monthGrid(containing: day(monthsAway: $0)).map { .month($0.boundaries) } }
        }
    }

    /// Whether `step` is already in memory.
    func isRead(_ step: ReadAheadStep) -> Bool {
        switch step {
        case .column(let boundaries):
            return slotCache.contains(boundaries: boundaries, filter: filter, perSlot: slotEntriesShown, window: nil)
        case .month(let boundaries):
            return slotCache.contains(boundaries: boundaries, filter: filter, perSlot: monthPerCell, window: nil)
        }
    }

    /// Makes the first read of the plan not in memory yet; false (and nothing read) when none is
    /// left, or in the agenda. Each call is one small read (a day column, a month grid).
    @discardableResult
    public mutating func readAheadStep() -> Bool {
        guard CalendarSlotCache.isEnabled else { return false }  // nothing would be kept
        slotCache.noteChanges(in: store)  // after a sync's commit: read again
        guard let mark = readAheadMark, readAheadDone != mark else { return false }
        guard let step = readAheadPlan.first(where: { !isRead($0) }) else {
            readAheadDone = mark
            return false
        }
        do {
            try store.reading {
                switch step {
                case .column(let boundaries):
                    _ = try slotCache.slots(store, runs: [boundaries], filter: filter, perSlot: slotEntriesShown, windows: [nil])
                case .month(let boundaries):
                    _ = try slotCache.slots(store, boundaries: boundaries, filter: filter, perSlot: monthPerCell, window: nil)
                }
            }
        } catch {
            readAheadDone = mark  // speculative: a failed read is not retried for this period
            return false
        }
        return true
    }

    /// Reads the previous and next period of the current view into the cache, all steps at once
    /// (the calendar does not move). Returns whether it read anything. The app reads ahead one
    /// `readAheadStep` per idle turn instead; this is for tests and tools that want it all now.
    @discardableResult
    public mutating func readAhead() -> Bool {
        var read = false
        for _ in 0..<readAheadPlan.count where readAheadStep() { read = true }
        return read
    }
}
