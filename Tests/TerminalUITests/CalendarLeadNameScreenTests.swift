import Core
import Foundation
import Store
import XCTest
@testable import TerminalUI
@testable import ViewModels

/// calendar-lead-name: the views draw the name stored on the appointment; a lead renamed by
/// another connection (the sync worker) to CJK text with escape sequences shows its new name,
/// sanitised, in every view.
extension CalendarScreenSnapshotTests {
    func testALeadRenamedElsewhereToAHostileCJKNameShowsItSanitisedInEveryView() throws {
        let entries = try store.calendarEntries(from: today, to: today + 86_400, filter: CalendarFilter(owner: "ana"), limit: 10)
        let zoe = try XCTUnwrap(entries.first { $0.leadName == "Zoë Ölander" })
        let worker = try LeadStore(path: directory.appendingPathComponent("cal.db").path)
        _ = try worker.updateLead(id: zoe.appointment.leadId, changes: [.firstName: "王\u{1B}[31m小明", .lastName: "\u{1B}]0;pwn\u{07}Öl"])
        XCTAssertEqual(try store.calendarEntry(id: zoe.appointment.id)?.leadName, "王\u{1B}[31m小明 \u{1B}]0;pwn\u{07}Öl",
                       "the stored copy follows the rename (untrusted text, sanitised when drawn)")
        for view in CalendarViewKind.allCases {
            let canvas = render(view, rows: 50, columns: 200)
            let text = canvas.snapshot()
            TestSupport.assertNoControlCharacters(canvas)
            XCTAssertFalse(text.contains("Zoë"), "\(view): the old name is gone: \(text)")
            XCTAssertFalse(text.contains("pwn"), "\(view): the OSC payload is stripped")
            if view == .agenda { XCTAssertTrue(text.contains("王小明 Öl · Pricing call"), text) }
        }
    }
}
