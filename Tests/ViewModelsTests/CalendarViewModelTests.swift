import Core
import Foundation
import Store
import XCTest
@testable import ViewModels

/// The calendar view model over a real SQLite file with a fixed clock (Fri 2027-01-15 08:00 UTC):
/// views and movement, filters, collisions, validation with seed 001's exact messages, edits
/// through the outbox, fix/discard of a rejection, reminders and local time.
final class CalendarViewModelTests: ViewModelsTestCase {
    var today: Int64 { 1_800_000_000 - 1_800_000_000 % 86_400 }  // Fri 2027-01-15 00:00 UTC
    var todayNumber: Int { Int(today / 86_400) }

    func makeCalendar(rows: Int = 22, user: String = "ana", zone: CalendarZone = .utc, sunday: Bool = false) -> CalendarViewModel {
        let now = fixedNow
        return CalendarViewModel(store: store, currentUser: user, zone: zone, rows: rows, columns: 80,
                                 weekStartsOnSunday: sunday, now: { now })
    }

    @discardableResult
    func add(_ leadId: Int64, day: Int = 0, hour: Double, minutes: Int = 60, status: AppointmentStatus = .pending,
             note: String = "Pricing call") throws -> Appointment {
        let start = today + Int64(day) * 86_400 + Int64(hour * 3600)
        return try store.createAppointment(Appointment(
            leadId: leadId, start: Date(timeIntervalSince1970: TimeInterval(start)),
            end: Date(timeIntervalSince1970: TimeInterval(start + Int64(minutes) * 60)), note: note, status: status))
    }

    func testAgendaIsTheDefaultAndListsComingAppointmentsOfTheCurrentUserByStart() throws {
        let zoe = try store.createLead(makeLead("Zoë", "Ölander"))
        let ben = try store.createLead(makeLead("Ben", "Berg", owner: "ben"))
        try add(zoe.id, day: 1, hour: 9)
        try add(zoe.id, hour: 15)
        try add(ben.id, hour: 10)
        try add(zoe.id, day: -1, hour: 9)  // yesterday: not in the agenda from today
        let calendar = makeCalendar()
        XCTAssertEqual(calendar.view, .agenda)
        XCTAssertEqual(calendar.agenda.map { $0.start - today }, [15 * 3600, 86_400 + 9 * 3600])
        XCTAssertEqual(calendar.selectedEntry?.leadName, "Zoë Ölander")
        XCTAssertTrue(calendar.title.hasPrefix("Agenda · from Fri 15 Jan 2027 · UTC · mine"), calendar.title)
    }

    func testViewsCycleWithVAndDaysWeeksMonthsMove() throws {
        var calendar = makeCalendar()
        XCTAssertEqual(calendar.selectedDay, todayNumber)
        calendar.cycleView()
        XCTAssertEqual(calendar.view, .day)
        calendar.moveDay(1)
        XCTAssertEqual(calendar.selectedDay, todayNumber + 1)
        calendar.cycleView()
        XCTAssertEqual(calendar.view, .week)
        XCTAssertEqual(calendar.dayColumns.count, 7)
        XCTAssertEqual(CalendarZone.weekday(ofDay: calendar.dayColumns[0].day), 1, "weeks start on Monday")
        calendar.movePage(1)
        XCTAssertEqual(calendar.selectedDay, todayNumber + 8)
        calendar.cycleView()
        XCTAssertEqual(calendar.view, .month)
        XCTAssertEqual(calendar.monthCells.count, 42)
        calendar.movePage(1)  // a month in the month view
        XCTAssertEqual(CalendarZone.format(day: calendar.selectedDay), "2027-02-23")
        calendar.goToday()
        XCTAssertEqual(calendar.selectedDay, todayNumber)
        calendar.jump(toDate: "2026-12-24")
        XCTAssertEqual(CalendarZone.format(day: calendar.selectedDay), "2026-12-24")
        XCTAssertTrue(calendar.title.contains("Dec 2026"))
        calendar.jump(toDate: "24.12.2026")
        XCTAssertEqual(calendar.message?.text, "Not a date (yyyy-mm-dd): 24.12.2026")
        calendar.cycleView()
        XCTAssertEqual(calendar.view, .agenda)
    }

    func testSundayWeekStartAndMonthGridBeginOnSunday() throws {
        var calendar = makeCalendar(sunday: true)
        calendar.setView(.week)
        XCTAssertEqual(CalendarZone.weekday(ofDay: calendar.dayColumns[0].day), 0)
        calendar.setView(.month)
        XCTAssertEqual(CalendarZone.weekday(ofDay: calendar.monthCells[0].day), 0)
        XCTAssertEqual(calendar.monthCells.filter(\.inMonth).count, 31)
    }

    func testDayViewSlotsHoldTheHourAndJKMoveTheHourCursor() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        try add(lead.id, hour: 9.25, minutes: 45)
        var calendar = makeCalendar()
        calendar.setView(.day)
        XCTAssertEqual(calendar.selectedHour, 8)
        XCTAssertNil(calendar.selectedEntry)
        calendar.moveDown()
        XCTAssertEqual(calendar.selectedHour, 9)
        XCTAssertEqual(calendar.selectedEntry?.leadName, "Ada Lovelace")
        let slot = try XCTUnwrap(calendar.dayColumns[0].slots.first { $0.count == 1 })
        XCTAssertEqual(slot.start - today, 9 * 3600)
        calendar.moveDown(-20)
        XCTAssertEqual(calendar.selectedHour, 0)
        XCTAssertEqual(calendar.firstHour, 0)
    }

    func testMonthCellsCountEveryAppointmentOfTheDayAndKeepTheFirstThatFit() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        for hour in [9.0, 10, 11, 12, 13] { try add(lead.id, day: 2, hour: hour, minutes: 30) }
        var calendar = makeCalendar(rows: 22)
        calendar.setView(.month)
        let cell = try XCTUnwrap(calendar.monthCells.first { $0.day == todayNumber + 2 })
        XCTAssertEqual(cell.count, 5)
        XCTAssertEqual(cell.entries.count, calendar.monthCellHeight - 1)
    }

    func testOwnerAndStatusFiltersChangeWhatIsShown() throws {
        let zoe = try store.createLead(makeLead("Zoë", "Ölander"))
        let ben = try store.createLead(makeLead("Ben", "Berg", owner: "ben"))
        try add(zoe.id, hour: 10, status: .confirmed)
        try add(ben.id, hour: 11)
        var calendar = makeCalendar()
        XCTAssertEqual(calendar.agenda.count, 1)
        calendar.setOwner(named: "all")
        XCTAssertEqual(calendar.agenda.map(\.owner), ["ana", "ben"])
        calendar.setOwner(named: "ben")
        XCTAssertEqual(calendar.agenda.map(\.owner), ["ben"])
        XCTAssertTrue(calendar.title.contains("· ben"))
        calendar.setOwner(named: "all")
        calendar.setStatuses(named: "confirmed")
        XCTAssertEqual(calendar.agenda.map(\.appointment.status), [.confirmed])
        calendar.setStatuses(named: "fulfilled,bogus")
        XCTAssertEqual(calendar.message?.text, "Invalid appointment status. (bogus)")
        calendar.setStatuses(named: "all")
        XCTAssertEqual(calendar.agenda.count, 2)
    }

    func testOverlappingAppointmentsOfTheSameUserAreFlagged() throws {
        let a = try store.createLead(makeLead("Ada", "Lovelace"))
        let b = try store.createLead(makeLead("Alan", "Turing"))
        try add(a.id, hour: 10, minutes: 60)
        try add(b.id, hour: 10.5, minutes: 60)
        try add(b.id, hour: 14, minutes: 30)
        let calendar = makeCalendar()
        XCTAssertEqual(calendar.agenda.map(\.collides), [true, true, false])
    }

    func testAgendaScrollsOneEntryAtATimeAndBack() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        for day in 0..<10 { try add(lead.id, day: day, hour: 12, minutes: 30) }
        var calendar = makeCalendar(rows: 7)  // 6 lines: three days of header + entry
        XCTAssertEqual(calendar.agenda.count, 3)
        calendar.moveDown(5)
        XCTAssertEqual(calendar.selectedEntry?.start, today + 5 * 86_400 + 12 * 3600)
        XCTAssertEqual(calendar.selectedDay, todayNumber + 5)
        XCTAssertLessThanOrEqual(calendar.agendaLineCount(through: calendar.agendaSelected), calendar.agendaLines)
        calendar.moveDown(-5)
        XCTAssertEqual(calendar.selectedEntry?.start, today + 12 * 3600)
    }

    func testValidationUsesTheVendorsExactMessages() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        try add(lead.id, day: 1, hour: 10, minutes: 60)
        var calendar = makeCalendar()
        calendar.newAppointment(forLead: lead.id)
        var form = try XCTUnwrap(calendar.form)
        func check(_ start: String, _ end: String, note: String = "Call", status: String = "pending")
            -> [AppointmentFormViewModel.Field: [String]] {
            form.set(.start, start)
            form.set(.end, end)
            form.set(.note, note)
            form.set(.status, status)
            form.validate()
            return form.errors
        }
        XCTAssertEqual(check("2027-01-16 9:00", "2027-01-16 09:30"), [.start: ["Invalid date format."]])
        XCTAssertEqual(check("", "2027-01-16 09:30"), [.start: ["This field is may not be blank."]])
        XCTAssertEqual(check("2027-01-16 09:00", "2027-01-16 08:30"), [.end: ["End Date Can't be prior to Start Date."]])
        XCTAssertEqual(check("2027-01-14 09:00", "2027-01-14 09:30"), [.start: ["Please Specify a date in the future."]])
        XCTAssertEqual(check("2027-01-16 10:30", "2027-01-16 11:30"), [.start: ["Appointment schedule exists for this time."]])
        XCTAssertEqual(check("2027-01-16 10:30", "2027-01-16 11:30", status: "cancelled"), [:], "a cancelled one cannot collide")
        XCTAssertEqual(check("2027-01-16 11:00", "2027-01-16 11:30", note: String(repeating: "n", count: 201)),
                       [.note: ["Ensure this field has no more than 200 characters."]])
        XCTAssertEqual(check("2027-01-16 11:00", "2027-01-16 11:30", status: "done"), [.status: ["Invalid appointment status."]])
        XCTAssertEqual(check("2027-01-16 11:00", "2027-01-16 11:30", status: "fulfilled"), [:])
    }

    func testAnOverlappingAppointmentIsRefusedBeforeAnythingIsQueued() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        try add(lead.id, day: 1, hour: 10, minutes: 60)
        let queued = try store.outboxEntries().count
        var calendar = makeCalendar()
        calendar.newAppointment(forLead: lead.id)
        calendar.setFormValue(.start, "2027-01-16 10:15")
        calendar.setFormValue(.end, "2027-01-16 10:45")
        XCTAssertFalse(calendar.saveForm())
        XCTAssertEqual(calendar.message?.text, "Start: Appointment schedule exists for this time.")
        XCTAssertNotNil(calendar.form, "the form stays open to fix")
        XCTAssertEqual(try store.outboxEntries().count, queued)
    }

    func testCreateRescheduleStatusAndDeleteGoThroughTheOutbox() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        var calendar = makeCalendar()
        calendar.newAppointment(forLead: lead.id)
        calendar.setFormValue(.start, "2027-01-15 09:00")
        calendar.setFormValue(.end, "2027-01-15 09:30")
        calendar.setFormValue(.note, "Demo")
        XCTAssertTrue(calendar.saveForm())
        let entry = try XCTUnwrap(calendar.selectedEntry)
        XCTAssertEqual(entry.appointment.note, "Demo")
        XCTAssertEqual(entry.sync, .pending)
        let create = try XCTUnwrap(try store.outboxEntries(forAppointment: entry.appointment.id).first)
        XCTAssertEqual(create.op, .create)
        XCTAssertEqual(create.payload["appointment_date"], "2027-01-15 09:00")

        calendar.editSelected()
        calendar.setFormValue(.start, "2027-01-15 10:00")
        calendar.setFormValue(.end, "2027-01-15 11:00")
        XCTAssertTrue(calendar.saveForm())
        XCTAssertEqual(calendar.selectedEntry?.start, today + 10 * 3600)
        calendar.setStatusOfSelected(.confirmed)
        XCTAssertEqual(calendar.selectedEntry?.appointment.status, .confirmed)
        let merged = try store.outboxEntries(forAppointment: entry.appointment.id)
        XCTAssertEqual(merged.count, 1, "edits of a queued create merge into it")
        XCTAssertEqual(merged[0].payload["appointment_status"], "confirmed")

        calendar.requestDelete()
        XCTAssertEqual(calendar.deletePrompt, "Delete the appointment with Ada Lovelace at 2027-01-15 10:00? (y/n)")
        calendar.cancelDelete()
        XCTAssertNotNil(try store.appointment(id: entry.appointment.id))
        calendar.requestDelete()
        calendar.confirmDelete()
        XCTAssertNil(try store.appointment(id: entry.appointment.id))
        XCTAssertTrue(calendar.agenda.isEmpty)
    }

    func testARejectedAppointmentCanBeFixedWithTheServerMessageShownOrDiscarded() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        let created = try add(lead.id, hour: 12)
        let entry = try XCTUnwrap(try store.outboxEntries(forAppointment: created.id).first)
        try store.markOutboxRejected(entry.id, messages: ["request": [VendorMessages.appointmentExists]])
        var calendar = makeCalendar()
        XCTAssertEqual(calendar.selectedEntry?.sync, .rejected)
        XCTAssertEqual(calendar.selectedRejection?.otherMessages, ["Appointment schedule exists for this time."])
        calendar.fixSelected()
        XCTAssertEqual(calendar.form?.errors[.start], ["Appointment schedule exists for this time."])
        calendar.setFormValue(.start, "2027-01-15 13:00")
        calendar.setFormValue(.end, "2027-01-15 13:30")
        XCTAssertTrue(calendar.saveForm())
        let fixed = try XCTUnwrap(try store.outboxEntry(id: entry.id))
        XCTAssertEqual(fixed.state, .pending, "fixing sends it again")
        XCTAssertEqual(fixed.payload["appointment_date"], "2027-01-15 13:00")

        try store.markOutboxRejected(entry.id, messages: ["request": [VendorMessages.dateInPast]])
        calendar.reload()
        calendar.discardSelected()
        XCTAssertNil(try store.appointment(id: created.id), "discarding a rejected create removes it")
    }

    func testEnterOpensTheLeadAndTheCalendarKeepsItsPlace() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        try add(lead.id, day: 3, hour: 9)
        var calendar = makeCalendar()
        calendar.setView(.week)
        calendar.moveDay(3)
        calendar.moveDown()
        XCTAssertEqual(calendar.leadToOpen(), lead.id)
        let before = (calendar.selectedDay, calendar.selectedHour, calendar.selectedEntry)
        calendar.reload()  // coming back from the lead
        XCTAssertEqual(calendar.selectedDay, before.0)
        XCTAssertEqual(calendar.selectedHour, before.1)
        XCTAssertEqual(calendar.selectedEntry, before.2)
    }

    func testReminderSaysOnceWhenMyAppointmentStartsWithinFifteenMinutes() throws {
        let mine = try store.createLead(makeLead("Zoë", "Ölander"))
        let theirs = try store.createLead(makeLead("Ben", "Berg", owner: "ben"))
        try add(theirs.id, hour: 8.1)
        var calendar = makeCalendar()
        XCTAssertNil(calendar.checkReminder(), "only other users' appointments are near")
        try add(mine.id, hour: 8.2, note: "Pricing call")  // 08:12, now is 08:00
        XCTAssertEqual(calendar.checkReminder()?.text, "in 12 min: Pricing call — Zoë Ölander")
        XCTAssertEqual(calendar.message?.text, "in 12 min: Pricing call — Zoë Ölander")
        XCTAssertNil(calendar.checkReminder(), "once")
    }

    func testTimesShowInTheLocalZoneAndAreStoredInUTC() throws {
        let berlin = try XCTUnwrap(CalendarZone(identifier: "Europe/Berlin"))
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        var calendar = makeCalendar(zone: berlin)
        XCTAssertTrue(calendar.title.contains("· CET ·") || calendar.title.contains("GMT+1"), calendar.title)
        calendar.newAppointment(forLead: lead.id)
        calendar.setFormValue(.start, "2027-01-15 18:00")
        calendar.setFormValue(.end, "2027-01-15 18:30")
        XCTAssertTrue(calendar.saveForm())
        let stored = try XCTUnwrap(calendar.selectedEntry)
        XCTAssertEqual(stored.start, today + 17 * 3600, "18:00 in Berlin is 17:00 UTC")
        XCTAssertEqual(try store.outboxEntries(forAppointment: stored.appointment.id).first?.payload["appointment_date"],
                       "2027-01-15 17:00", "the wire is UTC")
    }
}
