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
}
