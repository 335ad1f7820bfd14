import Core
import Store
import ViewModels
import XCTest
@testable import TerminalUI

/// Esc in a form with changes asks; y, Esc again or C-g throw them away; n goes back to editing.
final class FormDiscardTests: XCTestCase {
    @MainActor
    private func editedForm() throws -> (CloserApp, LeadStore, Int64, String) {
        let store = try AppFixture.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        let id = try XCTUnwrap(app.list.selectedId)
        let first = try XCTUnwrap(store.lead(id: id)?.firstName)
        app.press("<Enter>", "e")
        guard case .form = app.overlay else { throw XCTSkip("form expected") }
        app.type("xyz")  // first name
        app.press("<Tab>")
        app.type("q")  // last name
        app.press("<Tab>", "<Tab>", "<Tab>", "<Tab>")
        app.type("!")  // a third field
        return (app, store, id, first)
    }

    @MainActor
    func testEscOnAChangedFormAsksAndNoKeepsEditing() async throws {
        let (app, store, id, first) = try editedForm()
        app.press("<Esc>")
        guard case .form(let form) = app.overlay else { return XCTFail("the form stays open while it asks") }
        XCTAssertEqual(form.discardQuestion, "Discard 3 changes? y/n")
        let screen = app.frame().snapshot()
        XCTAssertTrue(screen.contains("Discard 3 changes? y/n"), screen)
        app.press("n")
        guard case .form(let again) = app.overlay else { return XCTFail("n keeps the form") }
        XCTAssertNil(again.discardQuestion)
        XCTAssertEqual((again as? LeadFormOverlay)?.screen.model.changedFields.count, 3, "nothing lost")
        app.press("<Esc>", "y")
        guard case .none = app.overlay else { return XCTFail("y closes") }
        XCTAssertTrue(app.frame().snapshot().contains("Discarded 3 changes"))
        XCTAssertEqual(try store.lead(id: id)?.firstName, first, "nothing saved")
        XCTAssertEqual(try store.outboxEntries(forLead: id), [])
    }

    @MainActor
    func testEscTwiceOrCtrlGDiscardsAtOnce() async throws {
        let (app, _, _, _) = try editedForm()
        app.press("<Esc>", "<Esc>")
        guard case .none = app.overlay else { return XCTFail("Esc twice closes") }
        let (other, _, _, _) = try editedForm()
        other.press("<C-g>")
        guard case .none = other.overlay else { return XCTFail("C-g closes without asking") }
        XCTAssertTrue(other.frame().snapshot().contains("Discarded 3 changes"))
    }

    @MainActor
    func testEscOnAnUnchangedFormClosesAtOnce() async throws {
        let store = try AppFixture.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        app.press("<Enter>", "e", "<Esc>")
        guard case .none = app.overlay else { return XCTFail("nothing to lose: closes") }
    }
}
