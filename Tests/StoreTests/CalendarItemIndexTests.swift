import Core
import Foundation
import XCTest
@testable import Store

/// Calendar speed 3 (issue 7): one owner's shown items are read from the covering index
/// `appointments_owner_start_item` by (start, id), the same entries as read by id from the table.
final class CalendarItemIndexTests: StoreTestCase {
    let base: Int64 = 1_800_000_000 - 1_800_000_000 % 86_400  // a UTC midnight

    @discardableResult
    func appointment(_ leadId: Int64, _ startHour: Double, _ hours: Double, status: AppointmentStatus = .pending,
                     note: String) throws -> Appointment {
        let start = base + Int64(startHour * 3600)
        return try store.createAppointment(Appointment(
            leadId: leadId, start: Date(timeIntervalSince1970: TimeInterval(start)),
            end: Date(timeIntervalSince1970: TimeInterval(start + Int64(hours * 3600))), note: note, status: status))
    }

    func testAnOwnersItemsByKeyAreTheEntriesByIdWithNotesMarksAndCollisions() throws {
        let zoe = try store.createLead(makeLead("Zoë", "Ölander", owner: "ana"))
        let nameless = try store.createLead(makeLead("", "", owner: "ana"))
        let ben = try store.createLead(makeLead("Ben", "Berg", owner: "ben"))
        let a = try appointment(zoe.id, 9, 1, note: "Pricing call")
        let b = try appointment(nameless.id, 9.5, 1, status: .confirmed, note: "Overlaps the pricing call")
        let c = try appointment(zoe.id, 30, 0.5, status: .cancelled, note: "")
        let other = try appointment(ben.id, 9, 1, note: "Ben's")
        let gone = try appointment(zoe.id, 12, 1, note: "Deleted")
        try store.deleteAppointment(id: gone.id)
        let shown = [a, b, c, gone]
        let keys = shown.map { (start: Int64($0.start.timeIntervalSince1970), id: $0.id) }
        let byKey = try store.calendarEntries(keys: keys, filter: CalendarFilter(owner: "ana"))
        let byId = try store.calendarEntries(ids: shown.map(\.id))
        XCTAssertEqual(byKey, byId)
        XCTAssertEqual(Set(byKey.keys), [a.id, b.id, c.id], "a deleted one is missing")
        XCTAssertEqual(byKey[a.id]?.appointment.note, "Pricing call")
        XCTAssertEqual(byKey[b.id]?.appointment.status, .confirmed)
        XCTAssertEqual(byKey[a.id]?.collides, true)
        XCTAssertEqual(byKey[c.id]?.collides, false)
        XCTAssertEqual(byKey[a.id]?.sync, .pending, "created here: queued")
        XCTAssertEqual(byKey[a.id]?.leadName, "Zoë Ölander")
        XCTAssertEqual(byKey[b.id]?.leadName, byId[b.id]?.leadName)
        // Another owner's appointment, a wrong start: not found under "ana".
        let wrong = try store.calendarEntries(keys: [(Int64(other.start.timeIntervalSince1970), other.id),
                                                     (Int64(a.start.timeIntervalSince1970) + 60, a.id)],
                                              filter: CalendarFilter(owner: "ana"))
        XCTAssertTrue(wrong.isEmpty)
        // Everyone's: read by id.
        XCTAssertEqual(try store.calendarEntries(keys: [(Int64(other.start.timeIntervalSince1970), other.id)],
                                                 filter: CalendarFilter()).keys.sorted(), [other.id])
    }

    func testTheKeyedReadUsesTheCoveringIndexAndNoAppointmentRow() throws {
        let plan = try store.db.prepare("EXPLAIN QUERY PLAN " + LeadStore.calendarEntriesByKeySQL(columns: LeadStore.calendarColumns))
            .rows { $0.text(3) }
        let appointmentSteps = plan.filter { $0.contains(" a ") }
        XCTAssertEqual(appointmentSteps.count, 1, plan.joined(separator: "\n"))
        XCTAssertTrue(appointmentSteps[0].contains("COVERING INDEX appointments_owner_start_item"), plan.joined(separator: "\n"))
    }

    func testAMonthGridOfOneOwnerShowsTheSameItemsAsEveryonesFilteredByOwner() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace", owner: "ana"))
        for day in 0..<10 { for hour in [9.0, 11, 14] { try appointment(lead.id, Double(day * 24) + hour, 1, note: "d\(day)") } }
        let boundaries = (0...10).map { base + Int64($0) * 86_400 }
        let mine = try store.calendarSlots(boundaries: boundaries, filter: CalendarFilter(owner: "ana"), perSlot: 2)
        let all = try store.calendarSlots(boundaries: boundaries, filter: CalendarFilter(), perSlot: 2)
        XCTAssertEqual(mine, all)
        XCTAssertEqual(mine.map(\.count), [Int](repeating: 3, count: 10))
        XCTAssertEqual(mine[3].entries.map(\.appointment.note), ["d3", "d3"])
    }

    func testAFileOfVersion22GetsTheItemIndexInsteadOfTheNarrowOne() throws {
        try store.db.execute("""
            DROP INDEX appointments_owner_start_item;
            CREATE INDEX appointments_owner_start ON appointments(owner, start, status, end);
            PRAGMA user_version = 22;
            """)
        store = nil
        store = try LeadStore(path: path)
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        let names = try store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'appointments'")
            .rows { $0.text(0) }
        XCTAssertTrue(names.contains("appointments_owner_start_item"), "\(names)")
        XCTAssertFalse(names.contains("appointments_owner_start"), "\(names)")
    }
}
