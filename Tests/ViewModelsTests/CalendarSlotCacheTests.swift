import Core
import Foundation
import Store
import XCTest
@testable import ViewModels

/// What the slot-cache and read-ahead tests share: a fixed day, a calendar, appointments.
class CalendarCacheTestCase: ViewModelsTestCase {
    var today: Int64 { 1_800_000_000 - 1_800_000_000 % 86_400 }  // Fri 2027-01-15 00:00 UTC

    func makeCalendar() -> CalendarViewModel {
        let now = fixedNow
        return CalendarViewModel(store: store, currentUser: "ana", zone: .utc, rows: 30, columns: 120, now: { now })
    }

    @discardableResult
    func add(_ leadId: Int64, day: Int, hour: Int, in target: LeadStore? = nil) throws -> Appointment {
        let start = today + Int64(day) * 86_400 + Int64(hour) * 3600
        return try (target ?? store).createAppointment(Appointment(
            leadId: leadId, start: Date(timeIntervalSince1970: TimeInterval(start)),
            end: Date(timeIntervalSince1970: TimeInterval(start + 1800)), note: "Demo", status: .pending))
    }

    func count(_ calendar: CalendarViewModel) -> Int {
        calendar.dayColumns.reduce(0) { $0 + $1.slots.reduce(0) { $0 + $1.count } }
    }

    /// Zoë Ölander with one appointment today at 10:00, and a calendar showing `view`.
    func calendarWithZoe(showing view: CalendarViewKind) throws -> (calendar: CalendarViewModel, zoe: Int64) {
        let zoe = try store.createLead(makeLead("Zoë", "Ölander"))
        try add(zoe.id, day: 0, hour: 10)
        var calendar = makeCalendar()
        calendar.setView(view)
        XCTAssertEqual(calendar.view, view)
        return (calendar, zoe.id)
    }
}

/// The calendar keeps its recent slot reads while the file is unchanged: going back to a week or
/// month reads nothing, and any change (this connection's edit, another connection's commit, as
/// the sync worker makes) is shown at the next reload.
final class CalendarSlotCacheTests: CalendarCacheTestCase {

    func testGoingBackToAWeekReadsItFromMemory() throws {
        var calendar = try calendarWithZoe(showing: .week).calendar
        XCTAssertEqual(count(calendar), 1)
        let hits = calendar.slotCache.hits
        calendar.movePage(1)
        calendar.movePage(-1)
        XCTAssertGreaterThanOrEqual(calendar.slotCache.hits, hits + 7, "the seven days of the week came from memory")
        XCTAssertEqual(count(calendar), 1)
    }

    func testAnEditThroughThisConnectionIsShownAtTheNextReload() throws {
        let setup = try calendarWithZoe(showing: .week)
        var calendar = setup.calendar
        let zoe = setup.zoe
        XCTAssertEqual(count(calendar), 1)
        try add(zoe, day: 1, hour: 11)
        calendar.movePage(1)
        calendar.movePage(-1)
        XCTAssertEqual(count(calendar), 2)
    }

    func testACommitOfAnotherConnectionIsShownAtTheNextReload() throws {
        let setup = try calendarWithZoe(showing: .month)
        var calendar = setup.calendar
        let zoe = setup.zoe
        XCTAssertEqual(calendar.monthCells.reduce(0) { $0 + $1.count }, 1)
        let worker = try LeadStore(path: path)  // as the sync worker: its own connection
        try add(zoe, day: 2, hour: 9, in: worker)
        calendar.reload()
        XCTAssertEqual(calendar.monthCells.reduce(0) { $0 + $1.count }, 2)
    }

    func testACommitOfAnotherConnectionThatChangesNothingShownKeepsTheReadsAndARenameIsShown() throws {
        let setup = try calendarWithZoe(showing: .week)
        var calendar = setup.calendar
        let zoe = setup.zoe
        let worker = try LeadStore(path: path)  // as the sync worker: its own connection
        _ = try worker.addNote(toLead: zoe, text: "Pulled note", author: "ben")
        _ = try worker.updateLead(id: zoe, changes: [.company: "Pulled GmbH"])
        let hits = calendar.slotCache.hits
        calendar.reload()
        XCTAssertGreaterThanOrEqual(calendar.slotCache.hits, hits + 7, "nothing the week shows changed: read from memory")
        _ = try worker.updateLead(id: zoe, changes: [.lastName: "Östberg"])
        calendar.reload()
        let names = calendar.dayColumns.flatMap { $0.slots.flatMap { $0.entries.map(\.leadName) } }
        XCTAssertEqual(names, ["Zoë Östberg"], "the renamed lead is read again")
    }
}

/// Reading ahead (the app's idle time): the next and previous week are in memory before `]`/`[`.
final class CalendarReadAheadTests: CalendarCacheTestCase {
    func testTheNextAndPreviousWeekAreReadAheadOnceAndThenComeFromMemory() throws {
        var calendar = makeCalendar()
        calendar.setView(.week)
        let before = calendar.selectedDay
        XCTAssertTrue(calendar.readAhead())
        XCTAssertFalse(calendar.readAhead(), "once per week shown")
        XCTAssertEqual(calendar.selectedDay, before, "reading ahead does not move the calendar")
        let hits = calendar.slotCache.hits
        calendar.movePage(1)
        XCTAssertGreaterThanOrEqual(calendar.slotCache.hits, hits + 7, "the next week's seven days came from memory")
        calendar.movePage(-2)
        XCTAssertGreaterThanOrEqual(calendar.slotCache.hits, hits + 14, "and the previous week's")
        XCTAssertTrue(calendar.readAhead(), "a new week shown: its neighbours are read")
    }

    func testAfterAnotherConnectionsCommitTheNeighboursAreReadAgain() throws {
        let zoe = try store.createLead(makeLead("Zoë", "Ölander"))
        var calendar = makeCalendar()
        calendar.setView(.week)
        XCTAssertTrue(calendar.readAhead())
        let worker = try LeadStore(path: path)  // as the sync worker
        try add(zoe.id, day: 7, hour: 10, in: worker)  // next Friday 10:00
        XCTAssertTrue(calendar.readAhead(), "the commit emptied the cache: the neighbours are read again")
        let hits = calendar.slotCache.hits
        calendar.movePage(1)
        XCTAssertGreaterThanOrEqual(calendar.slotCache.hits, hits + 7)
        XCTAssertEqual(count(calendar), 1, "the new appointment shows")
    }
}

/// Another connection's appointment change forgets only the reads it reaches (`calendar_changes`).
final class CalendarSlotCacheChangeRangeTests: CalendarCacheTestCase {
    func testAnAppointmentChangeOnAnotherWeekKeepsTheWeekShownAndOneInItIsShown() throws {
        let setup = try calendarWithZoe(showing: .week)
        var calendar = setup.calendar
        let worker = try LeadStore(path: path)  // as the sync worker: its own connection
        try add(setup.zoe, day: 21, hour: 9, in: worker)  // three weeks on
        let reads = calendar.slotCache.reads
        calendar.reload()
        XCTAssertEqual(calendar.slotCache.reads, reads, "the week shown stayed in memory")
        XCTAssertEqual(count(calendar), 1)
        try add(setup.zoe, day: 1, hour: 11, in: worker)  // tomorrow: in the week shown
        calendar.reload()
        XCTAssertEqual(calendar.slotCache.reads, reads + 1, "the week is read again")
        XCTAssertEqual(count(calendar), 2)
    }
}

/// Reading ahead in steps: one read per step, so a key waits at most for one small read, and
/// after a move the plan is made for the new period (what was left of the old one is dropped).
final class CalendarReadAheadStepTests: CalendarCacheTestCase {
    func testEachStepIsOneReadAndAMoveStartsAPlanForTheNewWeek() throws {
        var calendar = try calendarWithZoe(showing: .week).calendar
        XCTAssertTrue(calendar.hasReadAheadWork)
        let reads = calendar.slotCache.reads
        XCTAssertTrue(calendar.readAheadStep())
        XCTAssertEqual(calendar.slotCache.reads, reads + 1, "one day column per step")
        XCTAssertTrue(calendar.hasReadAheadWork, "13 more columns to go")
        calendar.movePage(1)  // a key arrives after one step: the next week, its first day already read
        XCTAssertEqual(calendar.slotCache.reads, reads + 2, "the other six days in one read")
        XCTAssertTrue(calendar.hasReadAheadWork, "the neighbours of the new week are planned now")
        var steps = 0
        while calendar.readAheadStep() { steps += 1 }
        XCTAssertEqual(steps, 7, "the week after; the week before is the one shown first, in memory")
        XCTAssertFalse(calendar.hasReadAheadWork)
        XCTAssertFalse(calendar.readAheadStep(), "nothing left for this week")
        calendar.setView(.agenda)
        XCTAssertFalse(calendar.hasReadAheadWork, "the agenda reads nothing ahead")
    }

    func testMonthStepsReadOneGridEach() throws {
        var calendar = try calendarWithZoe(showing: .month).calendar
        let reads = calendar.slotCache.reads
        XCTAssertTrue(calendar.readAheadStep())
        XCTAssertTrue(calendar.readAheadStep())
        XCTAssertFalse(calendar.readAheadStep())
        XCTAssertEqual(calendar.slotCache.reads, reads + 2, "the next and the previous month")
        let hits = calendar.slotCache.hits
        calendar.movePage(1)
        XCTAssertEqual(calendar.slotCache.hits, hits + 1, "the next month came from memory")
    }
}
