import Core
import Foundation
import XCTest
@testable import TerminalUI

/// Issue 12 (smaller): status, source and owner fields offer their choices in the form — a list
/// (`pick-choice`, C-o / F4) and Tab completion of a unique prefix.
final class FormChoiceTests: XCTestCase {
    @MainActor
    private func newLeadForm() throws -> (CloserApp, LeadFormOverlay) {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        app.press("c")
        guard case .form(let open) = app.overlay, let form = open as? LeadFormOverlay else { throw XCTSkip("no form") }
        return (app, form)
    }

    @MainActor
    private func focus(_ field: LeadField, in app: CloserApp, form: LeadFormOverlay) {
        for _ in 0..<20 where form.screen.focusedLeadField != field { app.press("<Tab>") }
    }

    @MainActor
    func testPickChoiceOpensTheFieldsListAndEnterTakesTheHighlightedValue() async throws {
        let (app, form) = try newLeadForm()
        focus(.status, in: app, form: form)
        XCTAssertEqual(form.screen.focusedText, "prospect")
        XCTAssertTrue(app.frame().line(23).contains("<C-o> choices"), app.frame().line(23))
        app.press("<C-o>")
        XCTAssertNotNil(form.picker)
        XCTAssertTrue(app.frame().snapshot().contains("customer"))
        app.press("<Down>", "<Enter>")
        XCTAssertNil(form.picker)
        XCTAssertEqual(form.screen.focusedText, LeadStatus.allCases[1].rawValue)
        XCTAssertEqual(form.screen.model.formField(.status)?.value, LeadStatus.allCases[1].rawValue, "the model has it")
        app.press("<C-o>", "<Esc>")
        XCTAssertNil(form.picker)
        guard case .form = app.overlay else { return XCTFail("Esc closes the list, not the form") }
    }

    @MainActor
    func testTabCompletesAUniquePrefixOfAChoice() async throws {
        let (app, form) = try newLeadForm()
        focus(.source, in: app, form: form)
        app.type("web")
        app.press("<Tab>")
        XCTAssertEqual(form.screen.model.formField(.source)?.value, "website")
        XCTAssertEqual(form.screen.model.formField(.source)?.errors ?? [], [])
    }
}
