import Core
import Foundation
import XCTest
@testable import Store

/// The day and week views find collisions in their ordered pass (one owner, every status) instead
/// of one `EXISTS` per shown entry: the flags must be the SQL rule's exactly, at the edges of the
/// range too (an appointment running into the next day, one starting just before the range).
final class CalendarPassCollisionTests: StoreTestCase {
    let base: Int64 = 1_800_000_000 - 1_800_000_000 % 86_400  // a UTC midnight

    func testPassFlagsEqualTheSQLCheckOverMixedLengthsStatusesAndRangeEdges() throws {
        let ada = try store.createLead(makeLead("Ada", "Lovelace", owner: "ana"))
        let ben = try store.createLead(makeLead("Ben", "Berg", owner: "ben"))
        var random = SeededRandom(seed: 11)
        let statuses: [AppointmentStatus] = [.pending, .confirmed, .cancelled, .fullfilled, .rescheduled]
        try store.transaction {
            for _ in 0..<150 {  // ~3 days from 2 h before the first day, 5 to 150 minutes long
                let start = base - 7_200 + Int64(random.below(3 * 86_400 + 10_000))
                let minutes = Int64(5 + random.below(146))
                let status = statuses[random.below(statuses.count)]
                _ = try store.createAppointment(Appointment(
                    leadId: random.below(4) == 0 ? ben.id : ada.id, start: Date(timeIntervalSince1970: TimeInterval(start)),
                    end: Date(timeIntervalSince1970: TimeInterval(start + minutes * 60)), note: "Call", status: status))
            }
            // Touching ends do not overlap; a cancelled one overlapping never collides.
            for (hour, length, status) in [(10.0, 1.0, AppointmentStatus.pending), (11, 1, .pending), (11.5, 1, .cancelled)] {
                let start = base + 3 * 86_400 + Int64(hour * 3600)
                _ = try store.createAppointment(Appointment(
                    leadId: ada.id, start: Date(timeIntervalSince1970: TimeInterval(start)),
                    end: Date(timeIntervalSince1970: TimeInterval(start + Int64(length * 3600))), status: status))
            }
        }
        let filter = CalendarFilter(owner: "ana")
        var seen = Set<Bool>()
        for day in 0..<4 {
            let boundaries = (0...24).map { base + Int64(day) * 86_400 + Int64($0) * 3600 }
            for perSlot in [1, 3] {
                let passed = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: perSlot, window: nil, scanLimit: 6000)
                let checked = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: perSlot, window: nil, scanLimit: 0)
                XCTAssertEqual(passed, checked, "day \(day), \(perSlot) per slot: the same entries and flags")
                let entries = passed.flatMap(\.entries)
                XCTAssertFalse(entries.isEmpty)
                seen.formUnion(entries.map(\.collides))
                for entry in entries {
                    XCTAssertEqual(entry.collides, try store.calendarEntry(id: entry.appointment.id)?.collides, "appointment \(entry.appointment.id)")
                }
            }
        }
        XCTAssertEqual(seen, [false, true], "both kinds of flags were compared")
        let trio = try store.calendarSlots(boundaries: [base + 3 * 86_400 + 10 * 3600, base + 3 * 86_400 + 11 * 3600,
                                                        base + 3 * 86_400 + 12 * 3600], filter: filter, perSlot: 2)
        XCTAssertEqual(trio.map { $0.entries.map(\.collides) }, [[false], [false, false]],
                       "touching ends do not overlap; the cancelled one collides with nothing")
    }
}
