import Core
import Foundation
import XCTest
@testable import Store

/// `calendar_changes`: each move of the calendar's data version logs the range of starts it may
/// have changed, so the slot cache forgets only what a change reaches; a gap (a rebuild) or an
/// old file without the log means "forget all".
final class CalendarChangesTests: StoreTestCase {
    let base: Int64 = 1_800_000_000 - 1_800_000_000 % 86_400  // a UTC midnight

    func date(_ hours: Double) -> Date { Date(timeIntervalSince1970: TimeInterval(base + Int64(hours * 3600))) }

    func covers(_ ranges: [ClosedRange<Int64>]?, _ hours: Double) -> Bool {
        ranges?.contains { $0.contains(base + Int64(hours * 3600)) } ?? false
    }

    func testEachChangeLogsTheStartsItMayHaveChanged() throws {
        let ada = try store.createLead(makeLead("Ada", "Lovelace", owner: "ana"))
        let before = try store.calendarDataVersion()
        XCTAssertEqual(try store.calendarChangedRanges(since: before), [], "nothing changed since")
        let made = try store.createAppointment(Appointment(leadId: ada.id, start: date(10), end: date(12), note: "Call", status: .pending))
        var ranges = try XCTUnwrap(try store.calendarChangedRanges(since: before))
        XCTAssertTrue(covers(ranges, 10) && covers(ranges, 11.9))
        XCTAssertTrue(covers(ranges, 8.5), "widened by the longest appointment (2 h): one starting at 08:30 collides with it")
        XCTAssertFalse(covers(ranges, 7.5) || covers(ranges, 12) || covers(ranges, 48), "other hours and days are untouched")
        let created = try store.calendarDataVersion()
        let other = try Database(path: path)  // the sync worker's connection
        try other.run("UPDATE appointments SET start = ?, end = ? WHERE id = ?",
                      [.integer(base + 50 * 3600), .integer(base + 51 * 3600), .integer(made.id)])
        ranges = try XCTUnwrap(try store.calendarChangedRanges(since: created))
        XCTAssertTrue(covers(ranges, 10) && covers(ranges, 50), "a reschedule reaches the old and the new time")
        let moved = try store.calendarDataVersion()
        _ = try store.updateLead(id: ada.id, changes: [.lastName: "King"])
        ranges = try XCTUnwrap(try store.calendarChangedRanges(since: moved))
        XCTAssertTrue(covers(ranges, 50), "a rename reaches the lead's appointments")
        XCTAssertFalse(covers(ranges, 24))
        _ = try store.addNote(toLead: ada.id, text: "Called", author: "ana")
        XCTAssertEqual(try store.calendarDataVersion(), try store.calendarDataVersion(), "a note moves nothing")
        try Schema.rebuildCalendarDayCounts(store.db)
        XCTAssertNil(try store.calendarChangedRanges(since: moved), "a rebuild is not logged: forget all")
    }

    func testAFileOfTheVersionBeforeGetsTheLogAndLoggingTriggers() throws {
        let ada = try store.createLead(makeLead("Ada", "Lovelace", owner: "ana"))
        // v19 (the day counts): its version triggers moved the version without a log. Migrations
        // are only appended, so the number holds.
        for trigger in Schema.calendarVersionTriggers { try store.db.execute("DROP TRIGGER \(trigger.name)") }
        try store.db.execute("""
            DROP TABLE calendar_changes;
            CREATE TRIGGER appointments_ai_calendar AFTER INSERT ON appointments BEGIN UPDATE calendar_state SET version = version + 1; END;
            PRAGMA user_version = 19;
            """)
        store = nil
        store = try LeadStore(path: path)
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        let before = try store.calendarDataVersion()
        _ = try store.createAppointment(Appointment(leadId: ada.id, start: date(30), end: date(31), note: "Call", status: .pending))
        XCTAssertTrue(covers(try store.calendarChangedRanges(since: before), 30))
        try Schema.addCalendarChanges(store.db)  // idempotent
        XCTAssertTrue(covers(try store.calendarChangedRanges(since: before), 30))
    }
}
