import Core
import Foundation
import Store
import TerminalUI
import ViewModels

/// The calendar's timed keys through the real app (tab 2) over the seeded database, on a clock at
/// the demo data's "now" (so the days shown hold the seeded appointments: at a million leads about
/// 4,000 a day, 500 of them the current user's). Plus the store's week query on its own.
@MainActor
struct CalendarUIScenarios {
    /// `UISeeding`'s generator clock (2026-09-21): the seeded appointments fall around it.
    static let dataNow: Int64 = 1_790_000_000

    let store: LeadStore
    let size: Size
    let iterations: Int
    let app: CloserApp
    let canvas: GridCanvas

    init(store: LeadStore, size: Size, iterations: Int) {
        self.store = store
        self.size = size
        self.iterations = iterations
        let configuration = UIConfiguration.load(environment: [:])
        let setup = CloserApp.Setup(currentUser: "ana", keymap: configuration.keymap, theme: configuration.theme,
                                    themeLoader: configuration.themeLoader, diagnostics: configuration.diagnostics, environment: [:])
        let now = Date(timeIntervalSince1970: TimeInterval(Self.dataNow))
        app = CloserApp(session: AppSession(store: store, currentUser: "ana", now: { now }), setup: setup, size: size, sync: nil)
        canvas = GridCanvas(size: size)
        app.draw(on: canvas)
    }

    func timed(_ notation: String) -> Double {
        let keys = UIScenarios.keys(notation)
        let start = UITimings.now()
        for key in keys { _ = app.handle(.key(key)) }
        app.draw(on: canvas)
        return UITimings.milliseconds(since: start)
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
        show("Day")
        var days: [Double] = []
        for _ in 0..<n { days.append(timed("l")) }
        untimed("t")
        show("Week")
        var weeks: [Double] = []
        for index in 0..<n { weeks.append(timed(index % 8 < 4 ? "]" : "[")) }
        untimed("t")
        var views: [Double] = []
        for _ in 0..<n { views.append(timed("v")) }
        show("Month")
        var months: [Double] = []
        for index in 0..<n { months.append(timed(index % 4 < 2 ? "]" : "[")) }
        untimed("t")
        show("Agenda")
        var agenda: [Double] = []
        for _ in 0..<n { agenda.append(timed("j")) }

        // The store alone: one week of the current user, as the week view reads it (7 days × 24
        // hour slots, counts and first items) and as a 50-row window.
        let zone = CalendarZone.utc
        let firstDay = zone.day(of: Self.dataNow) - CalendarZone.weekday(ofDay: zone.day(of: Self.dataNow)) + 1
        let filter = CalendarFilter(owner: "ana")
        var slotQueries: [Double] = [], windowQueries: [Double] = []
        for index in 0..<n {
            let week = firstDay + 7 * (index % 6 - 3)
            let boundaries = (0...(7 * 24)).map { zone.start(ofDay: week) + Int64($0) * 3600 }
            var start = UITimings.now()
            _ = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: 1)
            slotQueries.append(UITimings.milliseconds(since: start))
            start = UITimings.now()
            _ = try store.calendarEntries(from: zone.start(ofDay: week), to: zone.start(ofDay: week + 7), filter: filter, limit: 50)
            windowQueries.append(UITimings.milliseconds(since: start))
        }
        return [
            UITimings.Row(name: "calendar: next day (day view, l)", samples: days),
            UITimings.Row(name: "calendar: next week (week view, ])", samples: weeks),
            UITimings.Row(name: "calendar: view switch (v)", samples: views),
            UITimings.Row(name: "calendar: next month (month, ])", samples: months),
            UITimings.Row(name: "calendar: agenda next (j)", samples: agenda),
            UITimings.Row(name: "calendar: week query, 168 slots", samples: slotQueries),
            UITimings.Row(name: "calendar: week query, 50 rows", samples: windowQueries),
        ]
    }
}
