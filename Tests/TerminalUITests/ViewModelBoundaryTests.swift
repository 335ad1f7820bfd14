import Core
import Foundation
import Store
import XCTest
@testable import TerminalUI

/// Issue 12: what the list and detail must do through their view models (items 11, 13, 15 and
/// the smaller ones), driven by keys and `:` lines on a real SQLite file.
final class ViewModelBoundaryTests: XCTestCase {
    @MainActor
    func testAssignFromTheDetailRefusesAnUnknownUserBeforeQueueingAnything() async throws {
        let store = try AppFixture.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        let id = try XCTUnwrap(app.list.selectedId)
        app.press("<Enter>", ":")
        app.type("assign zed")
        app.press("<Enter>")
        XCTAssertTrue(app.frame().line(23).contains("Assignee not found."), app.frame().line(23))
        XCTAssertEqual(try store.outboxEntries(forLead: id).count, 0, "nothing queued for an unknown user")
        app.press(":")
        app.type("assign chen")
        app.press("<Enter>")
        XCTAssertEqual(try store.lead(id: id)?.owner, "chen")
        XCTAssertEqual(try store.outboxEntries(forLead: id).count, 1)
    }

    @MainActor
    func testTheNewestMessageWinsOverAStaleError() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        app.press(":")
        app.type("view load nosuch")
        app.press("<Enter>")
        XCTAssertTrue(app.frame().line(23).contains("no saved view named 'nosuch'"), app.frame().line(23))
        app.press("v", "s")
        app.type("mine")
        app.press("<Enter>")
        XCTAssertTrue(app.frame().line(23).contains("Saved view 'mine'"), app.frame().line(23))
        app.press("j")
        XCTAssertFalse(app.frame().line(23).contains("nosuch"), "the old error does not come back: \(app.frame().line(23))")
    }

    @MainActor
    func testNAndShiftNGoToTheNextAndPreviousMatchOfTheLastSearch() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        func selectedName() -> String { app.list.selectedLead?.name ?? "" }
        app.press("/")
        app.type("zoe")
        app.press("<Enter>")
        let first = selectedName()
        app.press("n")
        let second = selectedName()
        XCTAssertNotEqual(first, second)
        app.press("n")
        XCTAssertEqual(selectedName(), first, "wraps at the bottom")
        XCTAssertTrue(app.frame().line(23).contains("continuing at the top"), app.frame().line(23))

        app.press("<Esc>", "g", "g")  // the search is cleared: the whole list, from the top
        XCTAssertEqual(app.list.filter.search, "")
        XCTAssertFalse(selectedName().hasPrefix("Zo"))
        app.press("n")
        XCTAssertEqual(selectedName(), first, "n jumps over non-matching leads to the first match")
        app.press("n")
        XCTAssertEqual(selectedName(), second)
        app.press("N")
        XCTAssertEqual(selectedName(), first)
        XCTAssertEqual(app.list.total, 30, "the list is not narrowed")
    }
}
