import Core
import Foundation
import Store
import ViewModels
import XCTest
@testable import TerminalUI

/// The registered dashboard pane inside the real app: `4` opens it, Enter on a number lists
/// exactly its leads in the Leads pane, Esc comes back; `p` and `f o` change period and scope.
final class DashboardPaneTests: XCTestCase {
    @MainActor
    func testDrillDownListsExactlyTheCountedLeadsAndEscComesBack() async throws {
        let store = try DashboardScreenTests.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(DashboardScreenTests.now))
        app.press("4")
        XCTAssertEqual(app.activePaneID, .dashboard)
        let frame = app.frame()
        TestSupport.assertSnapshot(frame, named: "app-dashboard-80x24")
        XCTAssertTrue(frame.line(1).contains("Dashboard · this week · whole team"), frame.line(1))
        XCTAssertTrue(frame.snapshot().contains("Owner"), "the owner table fits at 80×24")
        let pane = try XCTUnwrap(app.pane(.dashboard) as? DashboardPane)
        let summary = try XCTUnwrap(pane.model.summary)

        app.press("<Enter>")  // prospect
        XCTAssertEqual(app.activePaneID, .leads)
        let leads = try XCTUnwrap(app.leadsPane)
        leads.list.resolvePosition()
        XCTAssertEqual(leads.list.total, summary.count(.prospect))
        XCTAssertTrue(app.frame().line(1).contains("prospect leads of the team"), app.frame().line(1))
        app.press("<Esc>")
        XCTAssertEqual(app.activePaneID, .dashboard, "Esc returns to the dashboard")
        XCTAssertEqual(leads.list.filter, .all, "the list is restored")

        // Stale leads of the second owner: block 3 (owners), down one, right to the stale column.
        app.press("<Tab>", "<Tab>", "j")
        for _ in 0..<8 { app.press("l") }
        let second = summary.byOwner[1]
        XCTAssertEqual(pane.model.selection, .owner(second.owner, .stale))
        app.press("<Enter>")
        leads.list.resolvePosition()
        XCTAssertEqual(leads.list.total, second.numbers.stale)
        XCTAssertTrue(app.frame().line(1).contains("stale leads of \(second.owner)"), app.frame().line(1))
        app.press("<Esc>")
        XCTAssertEqual(app.activePaneID, .dashboard)
    }

    @MainActor
    func testPeriodAndOwnerScopeShowInTheTitle() async throws {
        let store = try DashboardScreenTests.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(DashboardScreenTests.now))
        app.press("4", "p")
        XCTAssertTrue(app.frame().line(1).contains("this month"), app.frame().line(1))
        app.press("f", "o")
        app.press("<Down>", "<Enter>")  // the first owner
        let pane = try XCTUnwrap(app.pane(.dashboard) as? DashboardPane)
        let owner = try XCTUnwrap(pane.model.owner)
        XCTAssertTrue(app.frame().line(1).contains("this month · owner \(owner)"), app.frame().line(1))
        XCTAssertEqual(pane.model.summary?.byOwner.map(\.owner), [owner])
        app.press("F")
        XCTAssertNil(pane.model.owner)
        app.press(":")
        app.type("cycle-period 90d")
        app.press("<Enter>")
        XCTAssertEqual(pane.model.period, .days90)
    }

    /// A frame shows the cursor when some non-blank cell has the selected style.
    @MainActor
    static func showsCursor(_ frame: GridCanvas) -> Bool {
        let selected = ThemeLoader.builtinDefault().style("list.selected")
        return frame.cells.contains { row in row.contains { $0.style == selected && $0.grapheme != " " } }
    }

    /// The scroll mark in the body's last column: "▼"/"v" on its last row, "▲"/"^" on its first.
    @MainActor
    static func hasMark(_ frame: GridCanvas, below: Bool) -> Bool {
        let line = frame.line(below ? 22 : 2)
        return below ? (line.hasSuffix("▼") || line.hasSuffix(" v")) : (line.hasSuffix("▲") || line.hasSuffix("^"))
    }

    /// While the pane scrolls, its last column holds nothing but the marks (a mark never covers text).
    @MainActor
    static func lastColumnHoldsOnlyMarks(_ frame: GridCanvas) -> Bool {
        (2...22).allSatisfy { row in ["", " ", "▲", "▼", "^", "v"].contains(frame.cells[row][79].grapheme) }
    }

    @MainActor
    func testAt80x24TheCursorReachesEveryRowAndScrollsThePaneToIt() async throws {
        let store = try DashboardScreenTests.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(DashboardScreenTests.now))
        app.press("4", "p", "p", "p")  // all time: 8 owners and ten untouched leads do not fit 22 rows
        let pane = try XCTUnwrap(app.pane(.dashboard) as? DashboardPane)
        XCTAssertEqual(pane.model.period, .all)
        let summary = try XCTUnwrap(pane.model.summary)
        XCTAssertEqual(summary.untouchedOldest.count, 10)
        XCTAssertTrue(Self.hasMark(app.frame(), below: true), "a mark says there is more below:\n" + app.frame().snapshot())
        let rows = pane.model.cellRows
        for (index, row) in rows.enumerated() {
            XCTAssertEqual(pane.model.selection, row[0], "row \(index)")
            XCTAssertTrue(Self.showsCursor(app.frame()), "row \(index) (\(pane.model.selection)) is on screen")
            XCTAssertTrue(Self.lastColumnHoldsOnlyMarks(app.frame()), "row \(index):\n" + app.frame().snapshot())
            app.press("j")
        }
        let last = try XCTUnwrap(summary.untouchedOldest.last)
        XCTAssertEqual(pane.model.selection, .untouchedLead(last.id))
        let frame = app.frame()
        XCTAssertTrue(frame.snapshot().contains("Untouched, oldest first"), "\n" + frame.snapshot())
        XCTAssertTrue(frame.snapshot().contains(String(last.name.prefix(12))), "the last untouched lead is on screen")
        XCTAssertFalse(frame.snapshot().contains("Pipeline"), "the pane scrolled down")
        XCTAssertTrue(Self.hasMark(frame, below: false), "a mark says there is more above")

        app.press("<Enter>")
        XCTAssertEqual(app.activePaneID, .leads)
        XCTAssertEqual(app.detail?.leadId, last.id, "Enter on an untouched lead opens it")
        app.press("<Esc>")
        XCTAssertEqual(app.activePaneID, .dashboard)
        app.press("g", "g")
        XCTAssertEqual(pane.model.selection, .status(.prospect))
        XCTAssertTrue(app.frame().snapshot().contains("Pipeline"), "back at the top")
    }

    @MainActor
    func testDrillDownsAreSortedToFitTheNumberAndEscRestoresTheOrder() async throws {
        let store = try DashboardScreenTests.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(DashboardScreenTests.now))
        let leads = try XCTUnwrap(app.leadsPane)
        app.press("o")  // the list's own order: created
        let own = leads.list.sort
        XCTAssertNotEqual(own, .nameAscending)
        app.press("4", "p", "p", "p")
        let pane = try XCTUnwrap(app.pane(.dashboard) as? DashboardPane)
        let summary = try XCTUnwrap(pane.model.summary)
        for _ in 0..<7 { app.press("j") }
        XCTAssertEqual(pane.model.selection, .untouched)
        app.press("<Enter>")
        XCTAssertEqual(leads.list.sort, LeadSort(.created), "untouched: oldest created first")
        leads.list.resolvePosition()
        XCTAssertEqual(leads.list.total, summary.speedToLead.untouched)
        XCTAssertEqual(leads.list.selectedId, summary.untouchedOldest.first?.id, "the oldest untouched lead is first")
        app.press("<Esc>")
        XCTAssertEqual(leads.list.sort, own, "Esc restores the list's order")
        XCTAssertEqual(leads.list.filter, .all)
        app.press("l")
        XCTAssertEqual(pane.model.selection, .stale)
        app.press("<Enter>")
        XCTAssertEqual(leads.list.sort, LeadSort(.touched), "stale: oldest last touch first")
        app.press("<Esc>")
        XCTAssertEqual(leads.list.sort, own)
    }
}
