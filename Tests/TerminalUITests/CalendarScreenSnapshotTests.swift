import Core
import Foundation
import Store
import XCTest
@testable import TerminalUI
@testable import ViewModels

/// The calendar's four views drawn from the view model over a real SQLite file, compared with
/// text snapshots at 80×24 and 200×50, with CJK, emoji and hostile escape sequences in the data,
/// a collision, a pending and a rejected appointment; tiny sizes must not crash.
final class CalendarScreenSnapshotTests: XCTestCase {
    /// Fri 2027-01-15 08:00 UTC.
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let today: Int64 = 1_800_000_000 - 1_800_000_000 % 86_400
    var directory: URL!
    var store: LeadStore!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-cal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try LeadStore(path: directory.appendingPathComponent("cal.db").path)
        let leads: [(String, String, String)] = [
            ("Zoë", "Ölander", "ana"), ("田中", "太郎", "ana"), ("Evil\u{1B}[2J", "Hacker\u{07}", "ana"),
            ("Ada", "Lovelace", "ana"), ("Ben", "Berg", "ben"),
        ]
        var ids: [Int64] = []
        for (first, last, owner) in leads {
            ids.append(try store.createLead(Lead(firstName: first, lastName: last, email: "\(ids.count)@example.com",
                                                 phone: "+4915112345678", source: .website, status: .prospect, owner: owner,
                                                 createdAt: now)).id)
        }
        try store.transaction {
            for entry in try store.outboxEntries() { try store.markOutboxDone(entry.id) }
        }
        func add(_ lead: Int, day: Int, hour: Double, minutes: Int, note: String, status: AppointmentStatus) throws -> Appointment {
            let start = today + Int64(day) * 86_400 + Int64(hour * 3600)
            return try store.createAppointment(Appointment(
                leadId: ids[lead], start: Date(timeIntervalSince1970: TimeInterval(start)),
                end: Date(timeIntervalSince1970: TimeInterval(start + Int64(minutes) * 60)), note: note, status: status))
        }
        let a = try add(0, day: 0, hour: 9, minutes: 60, note: "Pricing call 📞", status: .confirmed)
        let b = try add(1, day: 0, hour: 9.5, minutes: 30, note: "見積もり", status: .pending)
        _ = try add(2, day: 1, hour: 14, minutes: 45, note: "\u{1B}]0;owned\u{07}Demo", status: .rescheduled)
        _ = try add(3, day: 3, hour: 11, minutes: 90, note: "Contract review", status: .cancelled)
        _ = try add(3, day: -2, hour: 16, minutes: 30, note: "Site visit", status: .fullfilled)
        _ = try add(4, day: 0, hour: 9, minutes: 30, note: "Ben's call", status: .pending)
        for entry in try store.outboxEntries(forAppointment: a.id) { try store.markOutboxDone(entry.id) }
        for entry in try store.outboxEntries(forAppointment: b.id) {
            try store.markOutboxRejected(entry.id, messages: ["request": [VendorMessages.appointmentExists]])
        }
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(at: directory)
    }

    func calendar(rows: Int, columns: Int, view: CalendarViewKind) -> CalendarViewModel {
        let fixed = now
        var model = CalendarViewModel(store: store, currentUser: "ana", zone: .utc, rows: rows - 1, columns: columns,
                                      now: { fixed })
        model.setView(view)
        return model
    }

    func render(_ view: CalendarViewKind, rows: Int, columns: Int) -> GridCanvas {
        let canvas = GridCanvas(rows: rows, columns: columns)
        let model = calendar(rows: rows, columns: columns, view: view)
        CalendarScreen.draw(model, in: Rect(row: 1, column: 0, height: rows - 1, width: columns), canvas: canvas,
                            theme: ThemeLoader.builtinDefault())
        return canvas
    }

    func testEveryViewAt80x24And200x50MatchesItsSnapshot() {
        for view in CalendarViewKind.allCases {
            for (rows, columns) in [(24, 80), (50, 200)] {
                let canvas = render(view, rows: rows, columns: columns)
                TestSupport.assertSnapshot(canvas, named: "calendar-\(view.rawValue)-\(columns)x\(rows)")
                TestSupport.assertNoControlCharacters(canvas)
            }
        }
    }

    func testAgendaShowsTimesNamesMarksAndStatusesOfTheCurrentUser() {
        let text = render(.agenda, rows: 24, columns: 80).snapshot()
        XCTAssertTrue(text.contains("Fri 15 Jan 2027 · today"), text)
        XCTAssertTrue(text.contains(" ×09:00–10:00  Zoë Ölander · Pricing call 📞"), text)
        XCTAssertTrue(text.contains("!×09:30–10:00  田中 太郎 · 見積もり"), "rejected and colliding: \(text)")
        XCTAssertTrue(text.contains("Evil Hacker · Demo"), "escape sequences and BEL removed: \(text)")
        XCTAssertFalse(text.contains("Ben Berg"), "another user's appointment is not mine")
        XCTAssertFalse(text.contains("owned"), "OSC title payload stripped")
    }

    func testStatusesUseTheirThemeColoursAndCollisionsTheirOwn() {
        let canvas = render(.agenda, rows: 24, columns: 80)
        let theme = ThemeLoader.builtinDefault()
        guard let row = (0..<24).first(where: { canvas.line($0).contains("田中") }) else { return XCTFail("no row") }
        let line = canvas.line(row)
        let statusColumn = line.distance(from: line.startIndex, to: line.range(of: "pending")!.lowerBound)
        // The line holds a wide name; find the cell of "pending" by walking the cells.
        let cells = canvas.cells[row].map(\.grapheme)
        let start = (0..<cells.count).first { index in
            index + 7 <= cells.count && cells[index..<(index + 7)].joined() == "pending"
        }
        XCTAssertNotNil(start, "status drawn (text column \(statusColumn))")
        if let start {
            XCTAssertEqual(canvas.style(row: row, column: start).foreground, theme.style("calendar.pending").foreground)
        }
        XCTAssertEqual(canvas.style(row: row, column: 1), theme.style("calendar.collision"))
        XCTAssertEqual(canvas.style(row: row, column: 0).foreground, theme.style("sync.rejected").foreground)
    }

    func testWeekShowsSevenDaysSideBySideWithTodayAndWeekendsMarked() {
        let canvas = render(.week, rows: 24, columns: 80)
        let header = canvas.line(2)
        for name in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] { XCTAssertTrue(header.contains(name), header) }
        XCTAssertLessThan(header.range(of: "Mon")!.lowerBound, header.range(of: "Sun")!.lowerBound, "Monday first")
        let theme = ThemeLoader.builtinDefault()
        let friday = header.distance(from: header.startIndex, to: header.range(of: "Fri")!.lowerBound)
        XCTAssertEqual(canvas.style(row: 2, column: friday), theme.style("calendar.today"))
        let sunday = header.distance(from: header.startIndex, to: header.range(of: "Sun")!.lowerBound)
        XCTAssertEqual(canvas.style(row: 2, column: sunday), theme.style("calendar.weekend"))
        XCTAssertTrue(canvas.snapshot().contains("08:00>"), "the current hour is marked")
    }

    func testEveryBuiltInThemeDefinesTheCalendarStatuses() throws {
        for name in ["default", "light", "high-contrast", "mono"] {
            let path = TestSupport.themesDirectory + "/\(name).theme"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(text.contains("color calendar.pending"), name)
            XCTAssertTrue(text.contains("color calendar.selected"), name)
        }
    }

    func testTinySizesDegradeWithoutCrashing() {
        for view in CalendarViewKind.allCases {
            for (rows, columns) in [(1, 1), (2, 10), (4, 16), (6, 20), (5, 19), (3, 200), (60, 12)] {
                let canvas = GridCanvas(rows: rows, columns: columns)
                var model = calendar(rows: max(1, rows), columns: columns, view: view)
                model.resize(rows: rows, columns: columns)
                CalendarScreen.draw(model, in: Rect(row: 0, column: 0, height: rows, width: columns), canvas: canvas,
                                    theme: ThemeLoader.builtinDefault())
                TestSupport.assertNoControlCharacters(canvas)
            }
        }
        let canvas = GridCanvas(rows: 2, columns: 40)
        CalendarScreen.draw(calendar(rows: 2, columns: 40, view: .week), in: Rect(row: 0, column: 0, height: 2, width: 40),
                            canvas: canvas, theme: ThemeLoader.builtinDefault())
        XCTAssertTrue(canvas.line(0).hasPrefix("Calendar: too small"))
    }
}
