import Core
import Foundation
import XCTest
@testable import Store

/// `calendar_day_counts` (appointments per UTC day, owner and status, kept by triggers) against a
/// `count(*)` of the appointments after every kind of write the app and the sync make, and the
/// month grid's counts read from it against index counts, in zones on and off UTC midnight.
final class CalendarDayCountTests: StoreTestCase {
    let base: Int64 = 1_800_000_000 - 1_800_000_000 % 86_400  // a UTC midnight

    func date(_ hours: Double) -> Date { Date(timeIntervalSince1970: TimeInterval(base + Int64(hours * 3600))) }

    @discardableResult
    func appointment(_ leadId: Int64, _ startHour: Double, status: AppointmentStatus = .pending) throws -> Appointment {
        try store.createAppointment(Appointment(leadId: leadId, start: date(startHour), end: date(startHour + 0.5),
                                                note: "Call", status: status))
    }

    /// The kept rows (count > 0) and a grouping of the appointments as they are.
    func keptAndCounted() throws -> (kept: [String], counted: [String]) {
        let kept = try store.db.prepare("SELECT day, owner, status, count FROM calendar_day_counts WHERE count <> 0 ORDER BY 1, 2, 3")
            .rows { "\($0.int64(0)) \($0.text(1)) \($0.text(2)) \($0.int64(3))" }
        let counted = try store.db.prepare("""
            SELECT \(Schema.floorDiv("start", 86_400)), owner, status, count(*) FROM appointments WHERE owner IS NOT NULL
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """).rows { "\($0.int64(0)) \($0.text(1)) \($0.text(2)) \($0.int64(3))" }
        return (kept, counted)
    }

    func assertExact(_ step: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (kept, counted) = try keptAndCounted()
        XCTAssertFalse(counted.isEmpty, step, file: file, line: line)
        XCTAssertEqual(kept, counted, step, file: file, line: line)
    }

    func testTriggerKeptCountsEqualACountAfterEveryKindOfWrite() throws {
        let ada = try store.createLead(makeLead("Ada", "Lovelace", owner: "ana"))
        let alan = try store.createLead(makeLead("Alan", "Turing", owner: "ana"))
        let ben = try store.createLead(makeLead("Ben", "Berg", owner: "ben"))
        var made: [Appointment] = []
        for hour in stride(from: 0.0, to: 72, by: 5.5) { made.append(try appointment([ada, alan, ben][Int(hour) % 3].id, hour)) }
        try assertExact("inserts from the UI")
        try store.db.execute("DELETE FROM outbox")  // as if the sync had sent them: later edits queue updates with a base

        var moved = made[0]  // 00:00 day 0 → day 2, 23:30 (across days)
        moved.start = date(71.5)
        moved.end = date(72)
        try store.updateAppointment(moved)
        try assertExact("a reschedule across days")

        var confirmed = made[1]
        confirmed.status = .confirmed
        try store.updateAppointment(confirmed)
        var cancelled = made[2]
        cancelled.status = .cancelled
        cancelled.start = date(-3)  // and the day before the first one (a negative start of day)
        cancelled.end = date(-2)
        try store.updateAppointment(cancelled)
        try assertExact("status changes")

        try store.assign("chen", toLeads: [alan.id])
        try assertExact("an owner change of the lead")

        try store.deleteLead(id: ben.id)  // hidden: its appointments have no owner
        try assertExact("a deleted lead")
        let leadDelete = try XCTUnwrap(try store.outboxEntries(forLead: ben.id).last { $0.op == .delete })
        try store.discardOutboxEntry(leadDelete.id)  // back again
        try assertExact("a discarded lead delete")

        try store.deleteAppointment(id: made[3].id)
        try assertExact("an appointment delete")
        let appointmentDelete = try XCTUnwrap(try store.outboxEntries(forAppointment: made[3].id).last { $0.op == .delete })
        try store.discardOutboxEntry(appointmentDelete.id)  // restored by an upsert, counted once
        try assertExact("a discarded appointment delete")
        let update = try XCTUnwrap(try store.outboxEntries(forAppointment: moved.id).first { $0.op == .update })
        try store.discardOutboxEntry(update.id)  // the reschedule undone: back to day 0
        try assertExact("a discarded reschedule")

        // The sync: a pulled lead's appointments inserted, moved and removed.
        let pulled = try store.applyRemoteLead(provider: "crm", RemoteLead(remoteId: "zoe", fields: [
            "first_name": "Zoë", "last_name": "Ölander", "email": "zoe@example.com", "phone": "+4915112345678",
            "status": "prospect", "assignee": "dara"])).localId
        let remote = (0..<4).map { RemoteAppointment(remoteId: "r\($0)", start: date(Double($0) * 20), end: date(Double($0) * 20 + 1),
                                                     note: "Demo", status: .pending) }
        try store.applyRemoteAppointments(provider: "crm", leadId: pulled, remote)
        try assertExact("appointments pulled by the sync")
        var changed = remote
        changed[0].start = date(50)
        changed[0].end = date(51)
        changed[1].status = .fullfilled
        try store.applyRemoteAppointments(provider: "crm", leadId: pulled, Array(changed.prefix(3)))
        try assertExact("pulled changes and a removal")

        // Another connection (the sync worker's) writes too: the triggers are in the file.
        let other = try Database(path: path)
        try other.run("UPDATE appointments SET start = start + 86400 WHERE lead_id = ?", [.integer(ada.id)])
        try other.run("INSERT INTO appointments (lead_id, start, end, status) VALUES (?, ?, ?, 'confirmed')",
                      [.integer(alan.id), .integer(base + 7_200), .integer(base + 9_000)])
        try assertExact("writes of another connection")

        // A lead whose create is discarded is removed with its appointments (a cascade).
        let fresh = try store.createLead(makeLead("Grace", "Hopper", owner: "ana"))
        try appointment(fresh.id, 30)
        let create = try XCTUnwrap(try store.outboxEntries(forLead: fresh.id).first { $0.kind == .lead && $0.op == .create })
        try store.discardOutboxEntry(create.id)
        try assertExact("a cascade delete")
    }

    func testMonthCountsFromTheTableEqualIndexCountsOnAndOffUTCMidnight() throws {
        let ana = try store.createLead(makeLead("Ada", "Lovelace", owner: "ana"))
        let ben = try store.createLead(makeLead("Ben", "Berg", owner: "ben"))
        let statuses: [AppointmentStatus] = [.pending, .confirmed, .cancelled]
        try store.transaction {
            for i in 0..<400 {  // every 2 h 10 min over ~36 days, both owners, three statuses
                try appointment(i % 2 == 0 ? ana.id : ben.id, Double(i) * 13 / 6 - 48, status: statuses[i % 3])
            }
        }
        let filters = [CalendarFilter(owner: "ana"), CalendarFilter(), CalendarFilter(owner: "ben", statuses: [.confirmed, .cancelled])]
        // Local midnights of zones at UTC, +5:30, −8 h and +12 h, and a grid whose days are uneven (DST).
        for offset: Int64 in [0, -19_800, 28_800, -43_200, 43_200 + 1] {
            var boundaries = (0...42).map { base - 3 * 86_400 + Int64($0) * 86_400 + offset }
            boundaries[10] += 3600
            for filter in filters {
                let byDay = try store.calendarCountsByDay(boundaries: boundaries, filter: filter)
                let indexed = try (0..<42).map { try store.calendarCount(from: boundaries[$0], to: boundaries[$0 + 1], filter: filter) }
                XCTAssertEqual(byDay, indexed, "offset \(offset), \(filter)")
                XCTAssertGreaterThan(indexed.reduce(0, +), 0)
                let slots = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: 2)
                XCTAssertEqual(slots.map(\.count), indexed, "the month grid's read")
            }
        }
    }

    func testTheMigrationBuildsTheCountsOfAFileWithoutThemAndSeedingRebuildsThem() throws {
        let generator = DemoDataGenerator(seed: 3, now: base, userCount: 3)
        try DemoSeeder(store: store, generator: generator).seed(leads: 150)  // a bulk load: no triggers while loading
        try assertExact("after a seed")
        // Make it a file of the version before: no table, no triggers.
        for trigger in Schema.calendarDayCountTriggers + Schema.calendarVersionTriggers {
            try store.db.execute("DROP TRIGGER \(trigger.name)")
        }
        // v18: the version before the day counts (v19). Migrations are only appended, so the number holds.
        try store.db.execute("""
            DROP TABLE calendar_day_counts; DROP TABLE calendar_state;
            PRAGMA user_version = 18;
            """)
        let lead = try store.createLead(makeLead("Ada", "Lovelace", owner: "ana"))
        try appointment(lead.id, 10)
        store = nil
        store = try LeadStore(path: path)
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        try assertExact("after the migration")
        try appointment(lead.id, 40)
        try assertExact("the migration's triggers keep it")
        try Schema.addCalendarDayCounts(store.db)  // idempotent
        try assertExact("the migration run twice")
    }

    func testTheCalendarVersionMovesWithWhatTheCalendarShowsAndNotWithOtherWrites() throws {
        let ada = try store.createLead(makeLead("Ada", "Lovelace", owner: "ana"))
        let alan = try store.createLead(makeLead("Alan", "Turing", owner: "ana"))
        let made = try appointment(ada.id, 10)
        var version = try store.calendarDataVersion()
        func moved(_ step: String, _ expected: Bool, file: StaticString = #filePath, line: UInt = #line) throws {
            let now = try store.calendarDataVersion()
            XCTAssertEqual(now != version, expected, step, file: file, line: line)
            version = now
        }
        _ = try store.addNote(toLead: ada.id, text: "Called", author: "ana")
        try moved("a note", false)
        _ = try store.updateLead(id: alan.id, changes: [.lastName: "Church"])
        try moved("a lead without appointments renamed", false)
        _ = try store.updateLead(id: ada.id, changes: [.company: "Analytical"])
        try moved("another field of a lead with appointments", false)
        _ = try store.updateLead(id: ada.id, changes: [.lastName: "King"])
        try moved("a lead with appointments renamed", true)
        let other = try Database(path: path)  // the sync worker's connection
        try other.run("UPDATE appointments SET note = 'Moved' WHERE id = ?", [.integer(made.id)])
        try moved("a note of an appointment, by another connection", true)
        let create = try XCTUnwrap(try store.outboxEntries(forAppointment: made.id).first)
        try store.markOutboxRejected(create.id, messages: ["request": [VendorMessages.appointmentExists]])
        try moved("its sync mark", true)
        try store.markOutboxDone(create.id)
        try moved("sent", true)
        try store.assign("ben", toLeads: [ada.id])
        try moved("its lead's owner", true)
        try store.deleteAppointment(id: made.id)
        try moved("a delete", true)
    }
}
