import Core
import Foundation
import Store
import XCTest
@testable import ViewModels

/// Selection in the day and week views over a real SQLite file (Fri 2027-01-15 08:00 UTC): `j`/`k`
/// go through every appointment of a crowded hour in time order, the selected one is the one
/// loaded and shown, Enter and edits act on it, and a reload keeps it.
final class CalendarSelectionTests: ViewModelsTestCase {
    var today: Int64 { 1_800_000_000 - 1_800_000_000 % 86_400 }  // Fri 2027-01-15 00:00 UTC

    /// Leads and appointments of ana: four starting in the 09:00 hour, one at 10:30.
    var leads: [Lead] = []
    var appointments: [Appointment] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        let names = [("Ada", "Lovelace"), ("Alan", "Turing"), ("Grace", "Hopper"), ("Edsger", "Dijkstra"), ("Zoë", "Ölander")]
        for (first, last) in names { leads.append(try store.createLead(makeLead(first, last))) }
        for (index, minute) in [0, 10, 20, 40, 90].enumerated() {
            let start = today + 9 * 3600 + Int64(minute) * 60
            appointments.append(try store.createAppointment(Appointment(
                leadId: leads[index].id, start: Date(timeIntervalSince1970: TimeInterval(start)),
                end: Date(timeIntervalSince1970: TimeInterval(start + 600)), note: "Call \(index)", status: .pending)))
        }
    }

    func makeCalendar(_ view: CalendarViewKind) -> CalendarViewModel {
        let now = fixedNow
        var calendar = CalendarViewModel(store: store, currentUser: "ana", zone: .utc, rows: 22, columns: 80, now: { now })
        calendar.setView(view)
        return calendar
    }

    var names: [String] { leads.map { "\($0.firstName) \($0.lastName)" } }

    func testJInTheDayViewGoesThroughEveryAppointmentOfACrowdedHourThenTheNextHour() {
        var calendar = makeCalendar(.day)
        XCTAssertEqual(calendar.selectedHour, 8)
        var seen: [String?] = []
        for _ in 0..<6 {
            calendar.moveDown()
            seen.append(calendar.selectedEntry?.leadName)
        }
        XCTAssertEqual(seen, names.prefix(4).map(Optional.some) + [names[4], nil],
                       "every one of 09:00 in time order, then 10:00 (10:30), then the empty 11:00")
        XCTAssertEqual(calendar.selectedHour, 11)
        calendar.moveDown(-1)
        XCTAssertEqual(calendar.selectedEntry?.leadName, names[4])
        calendar.moveDown(-1)
        XCTAssertEqual(calendar.selectedHour, 9)
        XCTAssertEqual(calendar.selectedIndex, 3, "k from the next hour comes to the last one of the hour above")
        XCTAssertEqual(calendar.selectedEntry?.leadName, names[3])
        calendar.moveDown(-3)
        XCTAssertEqual(calendar.selectedEntry?.leadName, names[0])
    }

    func testTheDaysSlotHoldsTheSelectedAppointmentAmongThoseShownSideBySide() throws {
        var calendar = makeCalendar(.day)
        calendar.moveDown(4)  // 09:00, the fourth
        let slot = try XCTUnwrap(calendar.selectedSlot)
        XCTAssertEqual(slot.count, 4)
        XCTAssertEqual(slot.entries.count, calendar.slotEntriesShown)
        XCTAssertEqual(slot.firstIndex, 1, "scrolled by one to show the fourth of four")
        XCTAssertEqual(slot.entry(at: calendar.selectedIndex)?.appointment.id, appointments[3].id)
        calendar.moveDown(-3)
        XCTAssertEqual(calendar.selectedSlot?.firstIndex, 0)
        XCTAssertEqual(calendar.selectedEntry?.appointment.id, appointments[0].id)
    }

    func testJInTheWeekViewShowsTheSelectedAppointmentInItsNarrowCell() throws {
        var calendar = makeCalendar(.week)
        calendar.moveDown(3)
        XCTAssertEqual(calendar.selectedEntry?.appointment.id, appointments[2].id)
        let slot = try XCTUnwrap(calendar.selectedSlot)
        XCTAssertEqual(slot.entries.map(\.appointment.id), [appointments[2].id], "the cell shows the selected one (+3)")
        XCTAssertEqual(slot.count, 4)
        calendar.moveDay(1)  // Saturday: its 09:00 is empty; Friday's cell shows its first one again
        let friday = try XCTUnwrap(calendar.dayColumns.first { $0.day == Int(today / 86_400) })
        XCTAssertEqual(friday.slots[9 - calendar.firstHour].entries.map(\.appointment.id), [appointments[0].id])
        XCTAssertNil(calendar.selectedEntry)
    }

    func testJKHourByHourSkipsTheRestOfACrowdedHour() {
        var calendar = makeCalendar(.day)
        calendar.moveDown(2)
        XCTAssertEqual(calendar.selectedEntry?.appointment.id, appointments[1].id)
        calendar.moveHour(1)
        XCTAssertEqual(calendar.selectedHour, 10)
        XCTAssertEqual(calendar.selectedEntry?.appointment.id, appointments[4].id)
        calendar.moveHour(-1)
        XCTAssertEqual(calendar.selectedEntry?.appointment.id, appointments[0].id, "an hour up lands on its first one")
    }

    func testEnterAndEditsActOnTheSelectedAppointmentNotTheFirstOfItsHour() throws {
        var calendar = makeCalendar(.day)
        calendar.moveDown(3)
        XCTAssertEqual(calendar.leadToOpen(), leads[2].id)
        calendar.setStatusOfSelected(.confirmed)
        XCTAssertEqual(try store.appointment(id: appointments[2].id)?.status, .confirmed)
        XCTAssertEqual(try store.appointment(id: appointments[0].id)?.status, .pending)
        XCTAssertEqual(calendar.selectedEntry?.appointment.id, appointments[2].id, "still selected after the edit")
        calendar.editSelected()
        XCTAssertEqual(calendar.form?.values[.note], "Call 2")
    }

    func testAReloadKeepsTheSameAppointmentWhenAnEarlierOneArrivesInItsHour() throws {
        var calendar = makeCalendar(.day)
        calendar.moveDown(3)
        let selected = try XCTUnwrap(calendar.selectedEntry)
        calendar.reload()  // coming back from its lead (Enter, Esc)
        XCTAssertEqual(calendar.selectedEntry, selected)
        let early = try store.createLead(makeLead("Early", "Bird"))
        let start = today + 9 * 3600 + 5 * 60
        _ = try store.createAppointment(Appointment(
            leadId: early.id, start: Date(timeIntervalSince1970: TimeInterval(start)),
            end: Date(timeIntervalSince1970: TimeInterval(start + 300)), note: "Sync", status: .pending))
        calendar.reload()  // a sync brought one at 09:05
        XCTAssertEqual(calendar.selectedEntry?.appointment.id, selected.appointment.id)
        XCTAssertEqual(calendar.selectedIndex, 3)
        try store.deleteAppointment(id: appointments[3].id)
        try store.deleteAppointment(id: appointments[2].id)
        calendar.reload()
        XCTAssertEqual(calendar.selectedHour, 9)
        XCTAssertEqual(calendar.selectedIndex, 2, "gone: the nearest place of the hour")
        XCTAssertEqual(calendar.selectedEntry?.appointment.id, appointments[1].id)
    }

    func testTheSelectionStaysOnTheSameAppointmentBetweenDayAndWeek() {
        var calendar = makeCalendar(.day)
        calendar.moveDown(4)
        calendar.setView(.week)
        XCTAssertEqual(calendar.selectedEntry?.appointment.id, appointments[3].id)
        XCTAssertEqual(calendar.selectedSlot?.entries.map(\.appointment.id), [appointments[3].id])
    }
}
