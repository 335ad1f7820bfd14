import Core
import Store
import ViewModels
import XCTest
@testable import TerminalUI

/// A refused delete in the real app: the detail of the lead offers discard; discarding says so
/// in the status bar (issue 12 item 1).
final class RefusedDeleteAppTests: XCTestCase {
    @MainActor
    func testDiscardingARefusedDeleteFromTheDetailSaysThePreviousValuesAreBack() async throws {
        let store = try AppFixture.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        let id = try XCTUnwrap(app.list.selectedId)
        app.press("d", "y")
        let entry = try XCTUnwrap(store.outboxEntries(forLead: id).last)
        try store.markOutboxInflight([entry.id])
        try store.markOutboxRejected(entry.id, messages: ["request": ["You can't delete this lead."]])
        app.press("f", "r")
        XCTAssertEqual(app.list.selectedId, id, "the refused delete is listed by the rejected filter")
        app.press("<Enter>")
        XCTAssertTrue(app.frame().snapshot().contains("Delete of lead rejected"), app.frame().snapshot())
        app.press("X")
        XCTAssertTrue(app.frame().snapshot().contains("Discard the refused delete"), app.frame().snapshot())
        app.press("y")
        XCTAssertTrue(app.frame().line(23).contains("previous values restored"), app.frame().line(23))
        XCTAssertEqual(try store.outboxEntries(forLead: id), [], "nothing left to send")
        XCTAssertNotNil(try store.lead(id: id), "the lead stays")
    }
}
