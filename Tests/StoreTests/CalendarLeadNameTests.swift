import Core
import Foundation
import XCTest
@testable import Store

/// `appointments.lead_name` (calendar-lead-name): the calendar reads its lead's display name from
/// the appointment, so the copy must follow every change of the lead's names (a local edit, a
/// pulled one), a new appointment, a move to another lead, and be filled by the migration.
final class CalendarLeadNameTests: StoreTestCase {
    let base: Int64 = 1_800_000_000 - 1_800_000_000 % 86_400  // a UTC midnight

    func date(_ hours: Double) -> Date { Date(timeIntervalSince1970: TimeInterval(base + Int64(hours * 3600))) }

    /// The stored copy of appointment `id`'s lead name.
    func storedName(_ id: Int64) throws -> String? {
        try store.db.prepare("SELECT lead_name FROM appointments WHERE id = ?").firstRow([.integer(id)]) { $0.isNull(0) ? nil : $0.text(0) } ?? nil
    }

    func add(_ leadId: Int64, at hours: Double) throws -> Appointment {
        try store.createAppointment(Appointment(leadId: leadId, start: date(hours), end: date(hours + 1), note: "Call", status: .pending))
    }

    func testANewAppointmentCarriesTheDisplayNameAndALocalRenameReachesIt() throws {
        let ada = try store.createLead(makeLead("Ada", "Lovelace", owner: "ana"))
        let made = try add(ada.id, at: 10)
        XCTAssertEqual(try storedName(made.id), "Ada Lovelace")
        XCTAssertEqual(try store.calendarEntry(id: made.id)?.leadName, "Ada Lovelace")
        let before = try store.calendarDataVersion()
        _ = try store.updateLead(id: ada.id, changes: [.lastName: "King"])
        XCTAssertEqual(try storedName(made.id), "Ada King")
        XCTAssertEqual(try store.calendarEntry(id: made.id)?.leadName, "Ada King")
        XCTAssertTrue(try XCTUnwrap(store.calendarChangedRanges(since: before)).contains { $0.contains(base + 10 * 3600) },
                      "the rename is logged for the appointment's hour (the slot cache forgets it)")
        // Lead.displayName's rules: an empty part left out, the e-mail when both are empty.
        _ = try store.updateLead(id: ada.id, changes: [.firstName: ""])
        XCTAssertEqual(try storedName(made.id), "King")
        _ = try store.updateLead(id: ada.id, changes: [.lastName: ""])
        XCTAssertEqual(try storedName(made.id), "ada.lovelace@example.com")
        _ = try store.updateLead(id: ada.id, changes: [.email: "ada@king.example"])
        XCTAssertEqual(try storedName(made.id), "ada@king.example", "the e-mail fallback follows the e-mail")
        let slot = try store.calendarSlots(boundaries: [base, base + 86_400], filter: CalendarFilter(owner: "ana"), perSlot: 5)
        XCTAssertEqual(slot.first?.entries.map(\.leadName), ["ada@king.example"])
    }

    func testAPulledRenameReachesTheLeadsAppointments() throws {
        let local = try store.applyRemoteLead(provider: "crm", RemoteLead(
            remoteId: "ada-1", fields: ["first_name": "Ada", "last_name": "Lovelace", "assignee": "ana"])).localId
        let made = try add(local, at: 12)
        let other = try LeadStore(path: path)  // the sync worker's connection
        _ = try other.applyRemoteLead(provider: "crm", RemoteLead(
            remoteId: "ada-1", fields: ["first_name": "Augusta", "last_name": "Lovelace", "assignee": "ana"]))
        XCTAssertEqual(try storedName(made.id), "Augusta Lovelace")
        XCTAssertEqual(try store.calendarEntries(from: base, to: base + 86_400, filter: CalendarFilter(), limit: 5).map(\.leadName),
                       ["Augusta Lovelace"])
    }

    func testAnAppointmentMovedToAnotherLeadTakesItsName() throws {
        let ada = try store.createLead(makeLead("Ada", "Lovelace", owner: "ana"))
        let ben = try store.createLead(makeLead("Ben", "Berg", owner: "ana"))
        let made = try add(ada.id, at: 9)
        try store.db.run("UPDATE appointments SET lead_id = ? WHERE id = ?", [.integer(ben.id), .integer(made.id)])
        XCTAssertEqual(try storedName(made.id), "Ben Berg")
        _ = try store.updateLead(id: ada.id, changes: [.firstName: "Augusta"])
        XCTAssertEqual(try storedName(made.id), "Ben Berg", "the old lead's rename no longer reaches it")
    }

    func testTheMigrationFillsAFileFromBeforeIt() throws {
        let ada = try store.createLead(makeLead("Ada", "Lovelace", owner: "ana"))
        let chen = try store.createLead(makeLead("陈", "伟", owner: "chen"))
        let first = try add(ada.id, at: 9), second = try add(chen.id, at: 11)
        // v23 (compactDashboardSpeed, main before this migration): no column, no name triggers.
        // Migrations are only appended, so the number holds.
        for trigger in Schema.calendarLeadNameTriggers { try store.db.execute("DROP TRIGGER \(trigger.name)") }
        try store.db.execute("ALTER TABLE appointments DROP COLUMN lead_name; PRAGMA user_version = 23;")
        store = nil
        store = try LeadStore(path: path)
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        XCTAssertEqual(try storedName(first.id), "Ada Lovelace")
        XCTAssertEqual(try storedName(second.id), "陈 伟")
        let later = try add(chen.id, at: 13)
        XCTAssertEqual(try storedName(later.id), "陈 伟", "the triggers exist after the upgrade")
        try store.transaction { try Schema.addCalendarLeadName(store.db) }  // idempotent
        XCTAssertEqual(try storedName(first.id), "Ada Lovelace")
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'appointments_au_calendar'"), 1,
                       "the version trigger the fill ran without is back")
    }

    func testTheSeederWritesTheNamesItself() throws {
        try DemoSeeder(store: store, generator: DemoDataGenerator(seed: 7, now: 1_790_000_000, userCount: 3)).seed(leads: 300)
        XCTAssertEqual(try store.db.scalarInt("""
            SELECT count(*) FROM appointments a JOIN leads l ON l.id = a.lead_id
            WHERE a.lead_name IS NOT (\(Schema.leadDisplayNameSQL("l")))
            """), 0)
        XCTAssertGreaterThan(try store.db.scalarInt("SELECT count(*) FROM appointments") ?? 0, 0)
    }
}
