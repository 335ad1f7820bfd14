import Core
import Foundation
import XCTest
@testable import Store

/// The calendar's range queries over a real SQLite file: owner and status filters, the owner
/// column kept by triggers, collisions, sync marks, slots and the migration of an older file.
final class CalendarQueryTests: StoreTestCase {
    let base: Int64 = 1_800_000_000 - 1_800_000_000 % 86_400  // a UTC midnight

    @discardableResult
    func appointment(_ leadId: Int64, _ startHour: Double, _ hours: Double, status: AppointmentStatus = .pending,
                     note: String = "Call") throws -> Appointment {
        let start = base + Int64(startHour * 3600)
        return try store.createAppointment(Appointment(
            leadId: leadId, start: Date(timeIntervalSince1970: TimeInterval(start)),
            end: Date(timeIntervalSince1970: TimeInterval(start + Int64(hours * 3600))), note: note, status: status))
    }

    func testRangeReturnsOnlyTheOwnersAppointmentsInRangeByStartAndStatusFilters() throws {
        let ana = try store.createLead(makeLead("Zoë", "Ölander", owner: "ana"))
        let ben = try store.createLead(makeLead("Ben", "Berg", owner: "ben"))
        try appointment(ana.id, 10, 1)
        try appointment(ana.id, 8, 1, status: .confirmed)
        try appointment(ben.id, 9, 1)
        try appointment(ana.id, 24 * 8, 1)  // next week
        let mine = try store.calendarEntries(from: base, to: base + 7 * 86_400, filter: CalendarFilter(owner: "ana"), limit: 50)
        XCTAssertEqual(mine.map { $0.start - base }, [8 * 3600, 10 * 3600])
        XCTAssertEqual(mine.first?.leadName, "Zoë Ölander")
        XCTAssertEqual(mine.first?.owner, "ana")
        let all = try store.calendarEntries(from: base, to: base + 7 * 86_400, filter: CalendarFilter(), limit: 50)
        XCTAssertEqual(all.map(\.owner), ["ana", "ben", "ana"])
        let confirmed = try store.calendarEntries(from: base, to: base + 86_400,
                                                  filter: CalendarFilter(owner: nil, statuses: [.confirmed]), limit: 50)
        XCTAssertEqual(confirmed.map(\.appointment.status), [.confirmed])
        XCTAssertEqual(try store.calendarCount(from: base, to: base + 86_400, filter: CalendarFilter(owner: "ana")), 2)
        XCTAssertEqual(try store.calendarCounts(boundaries: [base, base + 9 * 3600, base + 86_400], filter: CalendarFilter()), [1, 2])
    }

    func testKeysetWindowsPageForwardAndBackWithoutSkippingTies() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        for _ in 0..<3 { try appointment(lead.id, 9, 0.5) }
        try appointment(lead.id, 11, 0.5)
        let filter = CalendarFilter(owner: "ana")
        let first = try store.calendarEntries(from: base, to: base + 86_400, filter: filter, limit: 2)
        let rest = try store.calendarEntries(from: base, to: base + 86_400, filter: filter,
                                             after: (first[1].start, first[1].appointment.id), limit: 10)
        XCTAssertEqual(first.count + rest.count, 4)
        XCTAssertEqual(Set((first + rest).map(\.appointment.id)).count, 4)
        let back = try store.calendarEntries(from: base, to: base + 86_400, filter: filter,
                                             before: (rest[0].start, rest[0].appointment.id), limit: 10)
        XCTAssertEqual(back.map(\.appointment.id), first.reversed().map(\.appointment.id))
    }

    func testOwnerFollowsReassignmentAndADeletedLeadHidesItsAppointments() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace", owner: "ana"))
        try appointment(lead.id, 10, 1)
        try store.assign("ben", toLeads: [lead.id])
        XCTAssertEqual(try store.calendarCount(from: base, to: base + 86_400, filter: CalendarFilter(owner: "ana")), 0)
        XCTAssertEqual(try store.calendarCount(from: base, to: base + 86_400, filter: CalendarFilter(owner: "ben")), 1)
        try store.deleteLead(id: lead.id)
        XCTAssertEqual(try store.calendarCount(from: base, to: base + 86_400, filter: CalendarFilter()), 0)
        let entry = try XCTUnwrap(try store.outboxEntries(forLead: lead.id).last { $0.op == .delete })
        try store.discardOutboxEntry(entry.id)
        XCTAssertEqual(try store.calendarCount(from: base, to: base + 86_400, filter: CalendarFilter(owner: "ben")), 1)
    }

    func testCollisionsAreOverlapsOfTheSameOwnerThatAreNotCancelled() throws {
        let a = try store.createLead(makeLead("Ada", "Lovelace", owner: "ana"))
        let b = try store.createLead(makeLead("Alan", "Turing", owner: "ana"))
        let c = try store.createLead(makeLead("Ben", "Berg", owner: "ben"))
        let long = try appointment(a.id, 6, 5)  // 06:00–11:00
        let inside = try appointment(b.id, 10, 0.5)  // 10:00–10:30 overlaps the long one
        let touching = try appointment(b.id, 11, 1)  // starts when the long one ends: no overlap
        try appointment(c.id, 10, 1)  // another owner
        let cancelled = try appointment(a.id, 11.5, 1, status: .cancelled)  // overlaps 11–12 but cancelled
        let entries = try store.calendarEntries(from: base, to: base + 86_400, filter: CalendarFilter(), limit: 50)
        let flags = Dictionary(uniqueKeysWithValues: entries.map { ($0.appointment.id, $0.collides) })
        XCTAssertEqual(flags[long.id], true)
        XCTAssertEqual(flags[inside.id], true)
        XCTAssertEqual(flags[touching.id], false)
        XCTAssertEqual(flags[cancelled.id], false)
        XCTAssertEqual(entries.filter { $0.owner == "ben" }.map(\.collides), [false])
        // A new 07:00–07:30 for ana hits the long 06:00–11:00 (the scan reaches back by the longest).
        let hit = try store.collidingAppointment(owner: "ana", start: base + 7 * 3600, end: base + 7 * 3600 + 1800)
        XCTAssertEqual(hit?.appointment.id, long.id)
        XCTAssertNil(try store.collidingAppointment(owner: "ana", start: base + 12 * 3600 + 1800, end: base + 13 * 3600))
        XCTAssertNil(try store.collidingAppointment(owner: "ana", start: base + 10 * 3600, end: base + 10 * 3600 + 1800,
                                                    excluding: inside.id).flatMap { $0.appointment.id == inside.id ? $0 : nil })
    }

    func testSyncMarkIsPendingWhileQueuedAndRejectedAfterARefusal() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        let created = try appointment(lead.id, 10, 1)
        XCTAssertEqual(try store.calendarEntry(id: created.id)?.sync, .pending)
        let entry = try XCTUnwrap(try store.outboxEntries(forAppointment: created.id).first)
        try store.markOutboxRejected(entry.id, messages: ["request": [VendorMessages.appointmentExists]])
        XCTAssertEqual(try store.calendarEntry(id: created.id)?.sync, .rejected)
        try store.markOutboxDone(entry.id)
        XCTAssertEqual(try store.calendarEntry(id: created.id)?.sync, SyncMark.none)
    }

    func testSlotsGiveTheSameCountsAndFirstItemsWhetherReadAtOnceOrSlotBySlot() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        try store.transaction {
            for i in 0..<300 { try appointment(lead.id, Double(i % 24) + Double(i / 24) / 60, 0.25) }
        }
        let boundaries = (0...24).map { base + Int64($0) * 3600 }
        let crowded = try store.calendarSlots(boundaries: boundaries, filter: CalendarFilter(owner: "ana"), perSlot: 2)
        XCTAssertEqual(crowded.map(\.count).reduce(0, +), 300)
        XCTAssertEqual(crowded[0].count, 13)
        XCTAssertEqual(crowded[0].entries.map { $0.start - base }, [0, 60])
        let firsts = try store.calendarSlots(boundaries: boundaries, filter: CalendarFilter(owner: "ana"), perSlot: 1)
        XCTAssertEqual(firsts.map { $0.entries.first.map { $0.start - base } }, (0..<24).map { Int64($0) * 3600 },
                       "one grouped pass gives each slot's earliest appointment")
        XCTAssertEqual(firsts.map(\.count), crowded.map(\.count))
        var uneven = boundaries
        uneven[1] += 60  // not evenly spaced (a DST day): slot by slot
        let fallback = try store.calendarSlots(boundaries: uneven, filter: CalendarFilter(owner: "ana"), perSlot: 1)
        XCTAssertEqual(fallback.map(\.count).reduce(0, +), 300)
        let few = try store.calendarSlots(boundaries: Array(boundaries.prefix(5)), filter: CalendarFilter(owner: "ana"), perSlot: 2)
        XCTAssertEqual(few.map(\.count), Array(crowded.prefix(4).map(\.count)))
        XCTAssertEqual(few.map { $0.entries.map(\.appointment.id) }, crowded.prefix(4).map { $0.entries.map(\.appointment.id) })
    }

    func testASlotWindowStartsAtTheSelectedPlaceTheSameWhetherScannedOrCountedSlotBySlot() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        try store.transaction {
            for i in 0..<60 { try appointment(lead.id, Double(i % 6) + Double(i / 6) / 60, 0.1) }
        }
        let boundaries = (0...6).map { base + Int64($0) * 3600 }
        let filter = CalendarFilter(owner: "ana")
        let window = CalendarSlotWindow(slot: 2, first: 7)
        let scanned = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: 3, window: window, scanLimit: 1000)
        let counted = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: 3, window: window, scanLimit: 0)
        XCTAssertEqual(scanned.map(\.count), [10, 10, 10, 10, 10, 10])
        XCTAssertEqual(scanned[2].firstIndex, 7)
        XCTAssertEqual(scanned[2].entries.map { ($0.start - base) / 60 }, [127, 128, 129], "the 8th to 10th of 02:00")
        XCTAssertEqual(scanned[1].entries.map { ($0.start - base) / 60 }, [60, 61, 62], "other slots: their first ones")
        XCTAssertEqual(scanned, counted)
        XCTAssertEqual(scanned[2].entry(at: 8)?.start, base + 128 * 60)
        XCTAssertNil(scanned[2].entry(at: 0), "not loaded")
        let entry = try XCTUnwrap(scanned[2].entry(at: 9))
        XCTAssertEqual(try store.calendarPlace(start: entry.start, id: entry.appointment.id, from: boundaries[2], filter: filter), 9)
        for _ in 0..<3 { try appointment(lead.id, 0, 0.1) }  // four share 00:00: places by id
        for first in 0..<4 {
            let tie = CalendarSlotWindow(slot: 0, first: first)
            let a = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: 2, window: tie, scanLimit: 1000)
            let b = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: 2, window: tie, scanLimit: 0)
            XCTAssertEqual(a, b)
            XCTAssertEqual(a[0].count, 13)
            let keys = a[0].entries.map { [$0.start, $0.appointment.id] }
            XCTAssertEqual(keys, keys.sorted { $0.lexicographicallyPrecedes($1) }, "by start, then id")
        }
    }

    func testWeekQueriesUseTheOwnerAndLiveIndexes() throws {
        let mine = try store.db.prepare("""
            EXPLAIN QUERY PLAN SELECT count(*) FROM appointments a WHERE a.owner = 'ana' AND a.start >= 0 AND a.start < 10
            """).rows { $0.text(3) }.joined(separator: " ")
        XCTAssertTrue(mine.contains("appointments_owner_start"), mine)
        let all = try store.db.prepare("""
            EXPLAIN QUERY PLAN SELECT count(*) FROM appointments a WHERE a.owner IS NOT NULL AND a.start >= 0 AND a.start < 10
            """).rows { $0.text(3) }.joined(separator: " ")
        XCTAssertTrue(all.contains("appointments_live_start") || all.contains("appointments_start"), all)
    }

    func testSeededAppointmentsCarryTheirLeadsOwner() throws {
        let generator = DemoDataGenerator(seed: 7, now: base, userCount: 3)
        try DemoSeeder(store: store, generator: generator).seed(leads: 200)
        let total = try store.db.scalarInt("SELECT count(*) FROM appointments") ?? 0
        XCTAssertGreaterThan(total, 0)
        XCTAssertEqual(try store.db.scalarInt("""
            SELECT count(*) FROM appointments a JOIN leads l ON l.id = a.lead_id WHERE a.owner IS l.owner
            """), total)
    }

    func testTheCalendarMigrationFillsTheOwnerOfAnOlderFile() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace", owner: "chen"))
        try appointment(lead.id, 10, 1)
        // Make the file look like one from before the calendar: no owner column, indexes or triggers.
        for trigger in Schema.calendarDayCountTriggers { try store.db.execute("DROP TRIGGER \(trigger.name)") }  // they read owner
        try store.db.execute("""
            DROP INDEX appointments_owner_start; DROP INDEX appointments_live_start; DROP INDEX appointments_length;
            DROP TRIGGER appointments_ai_owner; DROP TRIGGER appointments_au_owner; DROP TRIGGER leads_au_appointments;
            ALTER TABLE appointments DROP COLUMN owner;
            """)
        try store.transaction { try Schema.migrateCalendar(store.db) }
        store = nil
        store = try LeadStore(path: path)
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        XCTAssertEqual(try store.calendarCount(from: base, to: base + 86_400, filter: CalendarFilter(owner: "chen")), 1)
    }
}
