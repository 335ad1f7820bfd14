import Core
import Foundation
import Store
import TerminalUI
import ViewModels

/// The calendar's timed keys through the real app (tab 2) over the seeded database, on a clock in
/// the middle of the seeded appointments (so the days shown hold them: at a million leads about
/// 4,000 a day, 500 of them the current user's), whichever clock seeded the file (`UISeeding`'s
/// 2026-09-21 or `closer seed`'s real time). Plus the store's week query on its own.
@MainActor
struct CalendarUIScenarios {
    /// `UISeeding`'s generator clock (2026-09-21), for a file without appointments.
    static let seedingNow = BenchClock.seconds

    /// 09:00 UTC of the day halfway between the first and the last seeded appointment.
    static func dataNow(_ store: LeadStore) throws -> Int64 {
        let all = CalendarFilter()
        guard let first = try store.calendarEntries(from: 0, to: Int64.max, filter: all, limit: 1).first,
              let last = try store.calendarEntries(from: 0, to: Int64.max, filter: all,
                                                   before: (Int64.max - 1, Int64.max), limit: 1).first
        else { return seedingNow }
        let middle = first.start + (last.start - first.start) / 2
        return middle - middle % 86_400 + 9 * 3600
    }

    let dataNow: Int64

    let store: LeadStore
    let size: Size
    let iterations: Int
    let app: CloserApp
    let canvas: GridCanvas

    init(store: LeadStore, size: Size, iterations: Int) throws {
        self.store = store
        dataNow = try Self.dataNow(store)
        self.size = size
        self.iterations = iterations
        let configuration = UIConfiguration.load(environment: [:])
        let setup = CloserApp.Setup(currentUser: "ana", keymap: configuration.keymap, theme: configuration.theme,
                                    themeLoader: configuration.themeLoader, diagnostics: configuration.diagnostics, environment: [:])
        let now = Date(timeIntervalSince1970: TimeInterval(dataNow))
        app = CloserApp(session: AppSession(store: store, currentUser: "ana", now: { now }), setup: setup, size: size, sync: nil)
        canvas = GridCanvas(size: size)
        app.draw(on: canvas)
    }

    /// One key sequence and its frame: wall-clock and this thread's CPU milliseconds (the second
    /// is the work itself, whatever else the shared machine runs meanwhile).
    func timed(_ notation: String) -> (wall: Double, cpu: Double) {
        let sample = timedParts(notation)
        return (sample.wall, sample.cpu)
    }

    /// `timed`, with the CPU of handling the keys (the store's reads) apart from the frame's.
    func timedParts(_ notation: String) -> (wall: Double, cpu: Double, handleCPU: Double) {
        let keys = UIScenarios.keys(notation)
        let cpu = Self.threadCPUMilliseconds()
        let start = UITimings.now()
        for key in keys { _ = app.handle(.key(key)) }
        let handled = Self.threadCPUMilliseconds()
        app.draw(on: canvas)
        return (UITimings.milliseconds(since: start), Self.threadCPUMilliseconds() - cpu, handled - cpu)
    }

    /// CLOCK_MONOTONIC in seconds (perf's `-k CLOCK_MONOTONIC` timestamps).
    static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }

    /// CPU time of the calling thread, ms.
    static func threadCPUMilliseconds() -> Double {
        Double(UITimings.threadCPUNanoseconds()) / 1_000_000
    }

    /// `n` timed runs of `notation(i)`: a wall-clock row and a CPU row.
    func measure(_ name: String, _ n: Int, _ notation: (Int) -> String) -> [UITimings.Row] {
        var wall: [Double] = [], cpu: [Double] = [], handle: [Double] = []
        for index in 0..<n {
            let begin = Self.monotonicSeconds()
            let sample = timedParts(notation(index))
            if UITimings.printsSamples, sample.cpu > 3 {  // where to look in a `perf record -k CLOCK_MONOTONIC` profile
                print(String(format: "slow sample %@ #%d at %dx%d: %.6f,%.6f", name, index, size.columns, size.rows,
                             begin, Self.monotonicSeconds()))
            }
            wall.append(sample.wall)
            cpu.append(sample.cpu)
            handle.append(sample.handleCPU)
        }
        return [UITimings.Row(name: "calendar: " + name, samples: wall), UITimings.Row(name: "  CPU only: " + name, samples: cpu)]
            + (UITimings.printsSamples ? [UITimings.Row(name: "  CPU of the keys alone: " + name, samples: handle)] : [])
    }

    /// `measure`, each key after another connection committed a row (as a sync does), so the
    /// calendar cannot use what it read before: every frame reads the store. Nil for a file in memory.
    /// With `idle`, the app has its idle turns (untimed) between the commit and the key, as when
    /// a user looks at the week before pressing `]`: the pane reads ahead then, one step per turn
    /// while `hasIdleWork`; each turn is timed into a third row, "read-ahead step": the longest a
    /// key arriving meanwhile waits before the run loop reads it.
    /// With `appointment`, the commit changes an appointment (its note, to the same text), as a
    /// pulled appointment does: the calendar's data version moves and its kept reads are gone;
    /// without, it writes a table the calendar does not show, as most of a sync's commits do.
    func measureAfterWrite(_ name: String, _ n: Int, idle: Bool = false, appointment: Bool = false,
                           _ notation: (Int) -> String) throws -> [UITimings.Row] {
        guard store.path != ":memory:", !store.path.isEmpty else { return [] }
        let other = try Database(path: store.path)
        try other.execute("CREATE TABLE IF NOT EXISTS bench_calendar_touch (n INTEGER)")
        // The new table changed the schema: the app's connection re-reads it once, untimed (a
        // real sync never changes the schema).
        _ = try store.schemaVersion
        _ = try store.calendarEntries(from: 0, to: 1, filter: CalendarFilter(), limit: 1)
        var wall: [Double] = [], cpu: [Double] = [], steps: [Double] = []
        for index in 0..<n {
            if appointment {
                try other.run("UPDATE appointments SET note = note WHERE id = (SELECT min(id) FROM appointments)")
            } else {
                try other.run("INSERT INTO bench_calendar_touch VALUES (?)", [.integer(Int64(index))])
            }
            if idle {
                for turn in 0..<64 where turn == 0 || app.hasIdleWork {
                    let start = UITimings.now()
                    _ = app.idle()
                    steps.append(UITimings.milliseconds(since: start))
                }
            }
            let sample = timed(notation(index))
            wall.append(sample.wall)
            cpu.append(sample.cpu)
        }
        try other.execute("DROP TABLE bench_calendar_touch")
        _ = try store.calendarEntries(from: 0, to: 1, filter: CalendarFilter(), limit: 1)  // the schema again, untimed
        return [UITimings.Row(name: "calendar: " + name, samples: wall), UITimings.Row(name: "  CPU only: " + name, samples: cpu)]
            + (steps.isEmpty ? [] : [UITimings.Row(name: "calendar: read-ahead step, " + name, samples: steps)])
    }

    /// `]` `out` times then `[` as often, over and over (back to today after each row): plain,
    /// after another connection's commit that changes nothing shown, after one that changes an
    /// appointment, and after a commit with the app's idle turn first.
    func measurePaging(_ name: String, _ keys: String, _ n: Int, out: Int) throws -> [UITimings.Row] {
        let paging: (Int) -> String = { $0 % (2 * out) < out ? "]" : "[" }
        var rows = measure("\(name) (\(keys))", n, paging)
        untimed("t")
        rows += try measureAfterWrite("\(name), file changed", n, paging)
        untimed("t")
        rows += try measureAfterWrite("\(name), appointment changed", n, appointment: true, paging)
        untimed("t")
        rows += try measureAfterWrite("\(name), file changed, idle first", n, idle: true, paging)
        untimed("t")
        return rows
    }

    func untimed(_ notation: String) {
        for key in UIScenarios.keys(notation) { _ = app.handle(.key(key)) }
        app.draw(on: canvas)
    }

    /// Cycles `v` until the calendar shows `view` (titles start with the view's name).
    func show(_ view: String) {
        for _ in 0..<5 where !canvas.line(1).contains(view + " · ") { untimed("v") }
    }

    func runAll() throws -> [UITimings.Row] {
        untimed("2")
        guard canvas.line(1).contains("Agenda · ") else {
            throw UIBenchmarkError(message: "the calendar did not open (title row: \(canvas.line(1)))")
        }
        let n = max(20, iterations / 5)
        var rows: [UITimings.Row] = []
        show("Day")
        rows += measure("next day (day view, l)", n) { _ in "l" }
        untimed("g g")
        rows += measure("next appointment (day view, j)", n) { _ in "j" }  // through crowded hours one by one
        untimed("t")
        show("Week")
        rows += try measurePaging("next week", "week view, ]", n, out: 4)
        rows += measure("view switch (v)", n) { _ in "v" }
        rows += try measureAfterWrite("view switch, file changed", n) { _ in "v" }
        rows += try measureAfterWrite("view switch, appointment changed", n, appointment: true) { _ in "v" }
        show("Month")
        rows += try measurePaging("next month", "month, ]", n, out: 2)
        show("Agenda")
        rows += measure("agenda next (j)", n) { _ in "j" }

        // The store alone: one week of the current user, as the week view reads it (7 days × 24
        // hour slots, counts and first items) and as a 50-row window.
        let zone = CalendarZone.utc
        let firstDay = zone.day(of: dataNow) - (CalendarZone.weekday(ofDay: zone.day(of: dataNow)) + 6) % 7
        let filter = CalendarFilter(owner: "ana")
        var slotQueries: [Double] = [], windowQueries: [Double] = [], slotCPU: [Double] = []
        for index in 0..<n {
            let week = firstDay + 7 * (index % 6 - 3)
            let boundaries = (0...(7 * 24)).map { zone.start(ofDay: week) + Int64($0) * 3600 }
            var start = UITimings.now()
            let cpu = Self.threadCPUMilliseconds()
            _ = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: 1)
            slotQueries.append(UITimings.milliseconds(since: start))
            slotCPU.append(Self.threadCPUMilliseconds() - cpu)
            start = UITimings.now()
            _ = try store.calendarEntries(from: zone.start(ofDay: week), to: zone.start(ofDay: week + 7), filter: filter, limit: 50)
            windowQueries.append(UITimings.milliseconds(since: start))
        }
        return rows + [
            UITimings.Row(name: "calendar: week query, 168 slots", samples: slotQueries),
            UITimings.Row(name: "  CPU only: week query, 168 slots", samples: slotCPU),
            UITimings.Row(name: "calendar: week query, 50 rows", samples: windowQueries),
        ]
    }
}
