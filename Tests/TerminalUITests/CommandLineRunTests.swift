import Core
import Foundation
import Store
import ViewModels
import XCTest
@testable import TerminalUI

/// The `:` line as the user types it, through the app's one path (the action table and its
/// aliases): refusals say why and change nothing; list words drive the list.
final class CommandLineRunTests: XCTestCase {
    @MainActor
    private func app(_ store: LeadStore) -> CloserApp {
        AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
    }

    @MainActor
    private func run(_ app: CloserApp, _ line: String) -> String {
        app.press(":")
        app.type(line)
        app.press("<Enter>")
        return app.frame().line(23)
    }

    @MainActor
    func testRefusedLinesSayWhyAndChangeNothing() async throws {
        let store = try AppFixture.store()
        let app = app(store)
        for (line, message) in [("x", "unknown command 'x'"), ("status won", "status: won is not a valid choice."),
                                ("filter source=fax", "source: fax is not a valid choice."),
                                ("filter owner=zed", "owner: Assignee not found."),
                                ("sort size", "sort: size is not a valid choice."), ("sort name up", "sort: up is not a valid choice."),
                                ("view", "usage: :view save|load|delete NAME"),
                                ("view load nothing", "no saved view named 'nothing'"),
                                ("x\u{1B}[31m", "unknown command 'x")] {
            let status = run(app, line)
            XCTAssertTrue(status.contains(message), ":\(line) → \(status)")
            XCTAssertFalse(status.contains("\u{1B}"))
        }
        XCTAssertTrue(try store.outboxEntries().isEmpty)
        XCTAssertEqual(app.list.filter, .all)
        XCTAssertEqual(app.list.sort, .nameAscending)
    }

    @MainActor
    func testListWordsDriveTheList() async throws {
        let store = try AppFixture.store()
        let app = app(store)
        _ = run(app, "filter status=contact,prospect source=website pending")
        XCTAssertEqual(app.list.filter, LeadFilter(statuses: [.contact, .prospect], sources: [.website], hasPending: true))
        _ = run(app, "filter unread rejected")
        XCTAssertTrue(app.list.filter.unreadOnly, ":filter unread is the unread filter")
        XCTAssertTrue(app.list.filter.rejectedOnly)
        _ = run(app, "filter clear")
        XCTAssertEqual(app.list.filter, .all)
        _ = run(app, "sort created desc")
        _ = run(app, "view save \"by created\"")
        XCTAssertEqual(try store.savedViews().map(\.name), ["by created"])
        _ = run(app, "sort name asc")
        _ = run(app, "view load by created")
        XCTAssertEqual(app.list.sort, LeadSort(.created, ascending: false))
        _ = run(app, "view delete by created")
        app.press("y")  // it asks first
        XCTAssertEqual(try store.savedViews().map(\.name), [])
        _ = run(app, "search hopper")
        XCTAssertEqual(app.list.filter.search, "hopper")
        XCTAssertEqual(app.list.rows.map(\.name), ["Grace Hopper"])
    }

    @MainActor
    func testColonLineDataIsReadAtFirstUseAndCompletesAViewSavedAfterStart() throws {
        let store = try AppFixture.store()
        let app = app(store)
        _ = app.frame()
        XCTAssertNil(app.madeCommandLine, "the first frame reads no users, saved views or theme names for the : line")
        try store.saveView(SavedView(name: "recent", filter: .all, sort: LeadSort(.created, ascending: false)))
        app.press(":")
        XCTAssertNotNil(app.madeCommandLine)
        app.type("view load rec")
        app.press("<Tab>")
        XCTAssertTrue(app.frame().line(23).contains("view load recent"), app.frame().line(23))
    }
}
