import Core
import Foundation

/// The day columns of a week in one read: one ordered pass of `(start, id)` over the whole week
/// and one query by id for every entry shown, instead of a pass and a query per day (calendar
/// speed, issue 7: a first visit of a week at 250×60 made seven of each).
extension LeadStore {
    /// For each run of ascending `boundaries` (runs ascending and not overlapping: the visible
    /// hours of consecutive days), what `calendarSlots(boundaries: run, filter:, perSlot:,
    /// window: windows[i])` returns — read together when the runs span at most
    /// `calendarScanSpan` and hold at most `calendarScanLimit` appointments, run by run otherwise.
    public func calendarSlots(runs: [[Int64]], filter: CalendarFilter, perSlot: Int,
                              windows: [CalendarSlotWindow?]) throws -> [[CalendarSlot]] {
        try calendarSlots(runs: runs, filter: filter, perSlot: perSlot, windows: windows, scanLimit: Self.calendarScanLimit)
    }

    /// `calendarSlots(runs:…)` with the ordered pass given up past `scanLimit` rows (tests compare both ways).
    func calendarSlots(runs: [[Int64]], filter: CalendarFilter, perSlot: Int, windows: [CalendarSlotWindow?],
                       scanLimit: Int) throws -> [[CalendarSlot]] {
        func oneByOne() throws -> [[CalendarSlot]] {
            try runs.indices.map { index in
                try calendarSlots(boundaries: runs[index], filter: filter, perSlot: perSlot,
                                  window: windows.indices.contains(index) ? windows[index] : nil, scanLimit: scanLimit)
            }
        }
        // The intervals of every run, in order: (start, end, run, slot).
        var intervals: [(start: Int64, end: Int64, run: Int, slot: Int)] = []
        for (index, run) in runs.enumerated() where run.count > 1 {
            for slot in 0..<(run.count - 1) { intervals.append((run[slot], run[slot + 1], index, slot)) }
        }
        guard runs.count > 1, let first = intervals.first?.start, let last = intervals.last?.end, first < last,
              last - first <= Self.calendarScanSpan,
              zip(intervals, intervals.dropFirst()).allSatisfy({ $0.start < $0.end && $0.end <= $1.start }),
              intervals.last.map({ $0.start < $0.end }) ?? false
        else { return try oneByOne() }
        let perSlot = max(0, perSlot)
        func from(_ run: Int, _ slot: Int) -> Int {
            guard windows.indices.contains(run), let window = windows[run], window.slot == slot else { return 0 }
            return window.first
        }
        // Per interval, flat (one array each, indexed as `intervals`): the pass below touches them
        // once per row of a week (~3,600 for a busy user), so no nested arrays or window lookups.
        let starts = intervals.map(\.start), ends = intervals.map(\.end)
        let firsts = intervals.map { from($0.run, $0.slot) }
        return try locked {
            var counts = [Int](repeating: 0, count: intervals.count)
            var wanted: [(interval: Int, id: Int64)] = []
            wanted.reserveCapacity(min(intervals.count * perSlot, 4096))
            var index = 0
            let lastIndex = intervals.count - 1
            let rows = try scanCalendarStarts(filter: filter, from: first, to: last, limit: scanLimit + 1) { start, id in
                while index < lastIndex, start >= ends[index] { index += 1 }
                guard start >= starts[index], start < ends[index] else { return }  // a hidden hour between runs
                let offset = counts[index] - firsts[index]
                counts[index] += 1
                if offset >= 0, offset < perSlot { wanted.append((index, id)) }
            }
            guard rows <= scanLimit else { return try oneByOne() }  // everyone's busy week: slot by slot
            let entries = try calendarEntries(ids: wanted.map(\.id))
            var shown = [[CalendarEntry]](repeating: [], count: intervals.count)
            for (interval, id) in wanted { if let entry = entries[id] { shown[interval].append(entry) } }
            var result = runs.map { _ in [CalendarSlot]() }
            for (index, interval) in intervals.enumerated() {
                result[interval.run].append(CalendarSlot(start: interval.start, end: interval.end, count: counts[index],
                                                         entries: shown[index], firstIndex: min(firsts[index], counts[index])))
            }
            return result
        }
    }
}
