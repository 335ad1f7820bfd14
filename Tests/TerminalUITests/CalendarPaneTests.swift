import Core
import Foundation
import Store
import XCTest
@testable import TerminalUI
@testable import ViewModels

/// The calendar pane inside the real app (keymap, tab bar, overlays) over a real SQLite file:
/// opening it with `2` and `:calendar`, switching views, `A` on a lead's detail, an overlap
/// refused with the vendor's message before anything is queued, Enter to the lead and back.
final class CalendarPaneTests: XCTestCase {
    @MainActor
    func makeApp() throws -> (CloserApp, LeadStore) {
        let store = try AppFixture.store()
        return (AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start)), store)
    }

    @MainActor
    func testTwoAndColonCalendarOpenTheCalendarAndVCyclesItsViews() async throws {
        let (app, _) = try makeApp()
        app.press("2")
        var canvas = app.frame()
        XCTAssertTrue(canvas.line(0).contains("2 Calendar"))
        XCTAssertTrue(canvas.line(1).contains("Agenda · from"), canvas.line(1))
        let tab = canvas.line(0).distance(from: canvas.line(0).startIndex, to: canvas.line(0).range(of: "2 Calendar")!.lowerBound)
        XCTAssertEqual(canvas.style(row: 0, column: tab), app.theme.style("tabs.active"))
        app.press("v")
        XCTAssertTrue(app.frame().line(1).contains("Day · "), app.frame().line(1))
        app.press("v")
        XCTAssertTrue(app.frame().line(1).contains("Week · "))
        app.press("v")
        XCTAssertTrue(app.frame().line(1).contains("Month · "))
        app.press("1")
        XCTAssertTrue(app.frame().line(1).contains("All leads"))
        app.press(":")
        app.type("calendar")
        app.press("<Enter>")
        canvas = app.frame()
        XCTAssertTrue(canvas.line(1).contains("Month · "), "the calendar kept its view: \(canvas.line(1))")
        app.press(":")
        app.type("date 2026-12-24")
        app.press("<Enter>")
        XCTAssertTrue(app.frame().line(1).contains("Dec 2026"), app.frame().line(1))
    }

    @MainActor
    func testAOnALeadsDetailAddsAnAppointmentAndTheCalendarOpensItsLeadAndComesBack() async throws {
        let (app, store) = try makeApp()
        app.press("/")
        app.type("lovelace")
        app.press("<Enter>", "<Enter>")
        app.press("A")
        XCTAssertTrue(app.frame().snapshot().contains("New appointment · Ada Lovelace"), app.frame().snapshot())
        app.press("<C-s>")
        XCTAssertTrue(app.frame().line(23).contains("Appointment saved; queued for sync"), app.frame().line(23))
        let entries = try store.outboxEntries().filter { $0.kind == .appointment }
        XCTAssertEqual(entries.map(\.op), [.create])

        app.press("2")
        XCTAssertTrue(app.frame().snapshot().contains("Ada Lovelace · Prospect appointment"), app.frame().snapshot())
        app.press("<Enter>")
        XCTAssertTrue(app.frame().line(1).contains("Ada Lovelace"), "the lead's detail: \(app.frame().line(1))")
        app.press("<Esc>")
        let back = app.frame()
        XCTAssertTrue(back.line(1).contains("Agenda"), back.line(1))
        XCTAssertTrue(back.line(2).contains("Ada Lovelace"), "same appointment selected: \(back.line(2))")
    }

    @MainActor
    func testAnOverlappingAppointmentShowsTheVendorsMessageAndQueuesNothing() async throws {
        let (app, store) = try makeApp()
        app.press("/")
        app.type("lovelace")
        app.press("<Enter>", "<Enter>")
        app.press("A", "<C-s>")  // the first one, at the next full hour
        let queued = try store.outboxEntries().count
        app.press("A", "<C-s>")  // the same time again: Ada's owner (ana) is busy
        let screen = app.frame().snapshot()
        XCTAssertTrue(screen.contains("Appointment schedule exists for this time."), screen)
        XCTAssertEqual(try store.outboxEntries().count, queued, "nothing sent or queued")
        app.press("<Esc>")
    }

    @MainActor
    func testInTheCalendarARejectedAppointmentShowsTheServerMessageWithFixAndDiscard() async throws {
        let (app, store) = try makeApp()
        let lead = try XCTUnwrap(try store.leads(filter: LeadFilter(search: "lovelace"), sort: .nameAscending, limit: 1).first)
        let start = AppFixture.start.addingTimeInterval(3600)
        let created = try store.createAppointment(Appointment(leadId: lead.id, start: start, end: start.addingTimeInterval(1800)))
        let entry = try XCTUnwrap(try store.outboxEntries(forAppointment: created.id).first)
        try store.markOutboxRejected(entry.id, messages: ["request": [VendorMessages.dateInPast]])
        app.press("2")
        let line = app.frame().line(2)
        XCTAssertTrue(line.contains("! Rejected: Please Specify a date in the future. [x fix · X discard]"), line)
        app.press("x")
        XCTAssertTrue(app.frame().snapshot().contains("Edit appointment · Ada Lovelace"))
        XCTAssertTrue(app.frame().snapshot().contains("Please Specify a date in the future."), "message at the field")
        app.press("<Esc>", "X", "y")
        XCTAssertNil(try store.appointment(id: created.id), "discarded")
    }

    @MainActor
    func testAReminderShowsOnceInTheStatusBarWhenMyAppointmentIsWithinFifteenMinutes() async throws {
        let store = try AppFixture.store()
        let clock = TestClock(AppFixture.start)
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: clock)
        let zoe = try XCTUnwrap(try store.leads(filter: LeadFilter(search: "keller"), sort: .nameAscending, limit: 1).first)
        let start = AppFixture.start.addingTimeInterval(40 * 60)
        _ = try store.createAppointment(Appointment(leadId: zoe.id, start: start, end: start.addingTimeInterval(1800),
                                                    note: "Pricing call"))
        app.press("2")
        _ = app.idle()
        XCTAssertFalse(app.frame().line(23).contains("Pricing call"), "40 minutes ahead: no reminder yet")
        clock.advance(28 * 60)
        _ = app.idle()
        XCTAssertTrue(app.frame().line(23).contains("in 12 min: Pricing call — Zoë Keller"), app.frame().line(23))
        clock.advance(65)
        _ = app.idle()
        XCTAssertFalse(app.frame().line(23).contains("in 11 min"), "once, not every minute")
    }

    /// The calendar reads the neighbouring weeks ahead one day column per idle turn, asking the
    /// run loop for more turns (`hasIdleWork`) until done; none while the `:` line is open.
    @MainActor
    func testTheWeekIsReadAheadOneStepPerIdleTurnAndNotWhileAnOverlayIsOpen() async throws {
        let (app, _) = try makeApp()
        app.press("2", "v", "v")
        XCTAssertTrue(app.frame().line(1).contains("Week · "))
        XCTAssertTrue(app.hasIdleWork, "the neighbouring weeks are not read yet")
        app.press(":")
        XCTAssertFalse(app.hasIdleWork, "typing a command: no speculative work")
        app.press("<Esc>")
        XCTAssertTrue(app.hasIdleWork)
        var turns = 0
        while app.hasIdleWork, turns < 50 {
            _ = app.idle()
            turns += 1
        }
        XCTAssertEqual(turns, 15, "7 + 7 day columns, one per turn, then a turn that finds nothing left")
        app.press("]")
        XCTAssertTrue(app.hasIdleWork, "a new week shown: its next neighbour is planned")
    }
}
