import Core
import Foundation
import XCTest
@testable import Store

/// A month grid's items read in one statement (`calendarFirstEntries`) are exactly what reading
/// each day's ids on its own and then the entries by id gave: the same items in the same order,
/// counts, collision marks and sync marks, for mine / an owner / everyone and status filters, in
/// zones off UTC and across DST changes, with crowded days, ties, cancelled and deleted ones.
final class CalendarFirstEntriesTests: StoreTestCase {
    /// 2027-10-04 00:00 UTC: the grid's weeks hold the end of summer time in Europe (10-31) and
    /// in the US (11-07).
    let base: Int64 = 1_822_608_000

    func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    /// ~1,400 appointments over 50 days: crowded mornings around local midnights, starts shared,
    /// overlaps of one owner (collisions), cancelled overlaps (no collision), other owners, a
    /// deleted lead's, and sync marks none / pending / rejected.
    func seed() throws {
        let owners = ["ana", "ana", "ana", "ben", "chen"]
        let leads = try (0..<40).map { i in
            try store.createLead(makeLead("Lead\(i)", i % 7 == 0 ? "" : "Ölander \(i)", owner: owners[i % owners.count]))
        }
        var made: [Appointment] = []
        var seed: UInt64 = 7
        func next(_ n: UInt64) -> Int64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((seed >> 33) % n)
        }
        try store.transaction {
            for day in -3..<47 {
                let count = day % 9 == 4 ? 0 : 8 + Int(next(30))  // some empty days, most over a cell's items
                for _ in 0..<count {
                    // Most within ±6 h of a UTC midnight (where +5:30, Berlin and New York days begin).
                    let offset = next(4) == 0 ? next(86_400) : next(12 * 3600) - 6 * 3600
                    let start = base + Int64(day) * 86_400 + offset - offset % 300
                    let length = [900, 1800, 3600, 5400][Int(next(4))]
                    let status: AppointmentStatus = [.pending, .confirmed, .cancelled, .rescheduled, .fullfilled][Int(next(5))]
                    made.append(try store.createAppointment(Appointment(
                        leadId: leads[Int(next(UInt64(leads.count)))].id, start: date(Int64(start)),
                        end: date(Int64(start) + Int64(length)), note: "Call \(made.count)", status: status)))
                }
            }
        }
        for (index, appointment) in made.enumerated() where index % 3 != 0 {  // sent: no mark
            for entry in try store.outboxEntries(forAppointment: appointment.id) {
                if index % 11 == 1 {
                    try store.markOutboxRejected(entry.id, messages: ["request": [VendorMessages.appointmentExists]])
                } else {
                    try store.markOutboxDone(entry.id)
                }
            }
        }
        try store.deleteLead(id: leads[5].id)  // its appointments leave the calendar
    }

    func testTheMonthGridsItemsInOneReadEqualTheDayByDayReads() throws {
        try seed()
        let zones = ["UTC", "Asia/Kolkata", "Europe/Berlin", "America/New_York"].compactMap { TimeZone(identifier: $0) }
        XCTAssertEqual(zones.count, 4)
        let filters = [CalendarFilter(owner: "ana"), CalendarFilter(owner: "ben"), CalendarFilter(),
                       CalendarFilter(owner: "ana", statuses: [.confirmed, .cancelled]), CalendarFilter(statuses: [.pending])]
        var entries = 0, collisions = 0, cancelled = 0, marks = Set<SyncMark>(), fullCells = 0
        for zone in zones.map(CalendarZone.init) {
            let firstDay = zone.day(of: base) - 3
            let boundaries = (0...42).map { zone.start(ofDay: firstDay + $0) }
            let identifier = zone.timeZone.identifier
            if ["Europe/Berlin", "America/New_York"].contains(identifier) {
                XCTAssertTrue(zip(boundaries, boundaries.dropFirst()).contains { $1 - $0 == 25 * 3600 }, "a DST day in the grid")
            }
            for filter in filters {
                for perSlot in [2, 8] {
                    let one = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: perSlot, window: nil,
                                                      scanLimit: LeadStore.calendarScanLimit)
                    let old = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: perSlot, window: nil,
                                                      scanLimit: LeadStore.calendarScanLimit, slotBySlot: true)
                    XCTAssertEqual(one, old, "\(identifier) \(filter) \(perSlot) per day")
                    XCTAssertEqual(one.count, 42)
                    for slot in one {
                        XCTAssertEqual(slot.entries.count, min(perSlot, slot.count))
                        if slot.count > perSlot { fullCells += 1 }
                        entries += slot.entries.count
                        collisions += slot.entries.filter(\.collides).count
                        cancelled += slot.entries.filter { $0.appointment.status == .cancelled }.count
                        marks.formUnion(slot.entries.map(\.sync))
                    }
                }
            }
        }
        XCTAssertGreaterThan(entries, 3000)
        XCTAssertGreaterThan(collisions, 100)
        XCTAssertGreaterThan(cancelled, 100)
        XCTAssertGreaterThan(fullCells, 500)
        XCTAssertEqual(marks, [.none, .pending, .rejected])
    }

    func testHourSlotsCountedOneByOneAlsoReadTheirItemsInOneStatement() throws {
        try seed()
        // Everyone's hours past the scan limit are counted slot by slot: their items come in one read too.
        let boundaries = (0...48).map { base + Int64($0) * 3600 }
        for filter in [CalendarFilter(), CalendarFilter(owner: "ana")] {
            let one = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: 3, window: nil, scanLimit: 0)
            let old = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: 3, window: nil, scanLimit: 0,
                                              slotBySlot: true)
            let scanned = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: 3, window: nil, scanLimit: 100_000)
            XCTAssertEqual(one, old)
            XCTAssertEqual(one, scanned)
            XCTAssertGreaterThan(one.map(\.entries.count).reduce(0, +), 20)
        }
    }
}
