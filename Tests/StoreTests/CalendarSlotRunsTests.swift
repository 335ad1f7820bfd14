import Core
import Foundation
import XCTest
@testable import Store

/// A week's day columns read together (`calendarSlots(runs:…)`) give exactly what reading each
/// day on its own gives: counts, first items, the selected day's window, hidden hours between the
/// runs left out, and the slot-by-slot way past the scan limit.
final class CalendarSlotRunsTests: StoreTestCase {
    let base: Int64 = 1_800_000_000 - 1_800_000_000 % 86_400  // a UTC midnight

    func testAWeekReadTogetherEqualsItsDaysReadOneByOne() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        let other = try store.createLead(makeLead("Bo", "Berg", owner: "ben"))
        try store.transaction {
            for i in 0..<700 {  // every 20 minutes of a week and a bit, a few sharing a start
                let start = base + Int64(i) * 1200 - Int64(i % 3 == 0 ? 1200 : 0)
                _ = try store.createAppointment(Appointment(
                    leadId: i % 5 == 0 ? other.id : lead.id, start: Date(timeIntervalSince1970: TimeInterval(start)),
                    end: Date(timeIntervalSince1970: TimeInterval(start + 900)), note: "Call \(i)", status: .pending))
            }
        }
        let filter = CalendarFilter(owner: "ana")
        for hours in [0..<24, 2..<22] {  // 250×60 shows whole days; 80×24 a part of each, with hidden hours between
            let runs = (0..<7).map { day in (hours.lowerBound...hours.upperBound).map { base + Int64(day) * 86_400 + Int64($0) * 3600 } }
            let windows: [CalendarSlotWindow?] = [nil, nil, CalendarSlotWindow(slot: 3, first: 1), nil, nil, nil, nil]
            let together = try store.calendarSlots(runs: runs, filter: filter, perSlot: 1, windows: windows)
            let oneByOne = try runs.indices.map {
                try store.calendarSlots(boundaries: runs[$0], filter: filter, perSlot: 1, window: windows[$0])
            }
            XCTAssertEqual(together, oneByOne, "hours \(hours)")
            XCTAssertEqual(together[2][3].firstIndex, 1)
            XCTAssertGreaterThan(together.flatMap { $0 }.map(\.count).reduce(0, +), 300)
            let slotBySlot = try store.calendarSlots(runs: runs, filter: filter, perSlot: 1, windows: windows, scanLimit: 10)
            XCTAssertEqual(slotBySlot, oneByOne, "past the scan limit: day by day")
        }
        XCTAssertEqual(try store.calendarSlots(runs: [], filter: filter, perSlot: 1, windows: []), [])
        let single = [(0...3).map { base + Int64($0) * 3600 }]
        XCTAssertEqual(try store.calendarSlots(runs: single, filter: filter, perSlot: 2, windows: [nil]),
                       [try store.calendarSlots(boundaries: single[0], filter: filter, perSlot: 2)])
    }
}
