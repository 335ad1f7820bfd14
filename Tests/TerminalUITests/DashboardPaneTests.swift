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
}
