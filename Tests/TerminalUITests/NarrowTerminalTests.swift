import Core
import Foundation
import XCTest
@testable import TerminalUI

/// Issue 12 item 12: at 80 columns the least important part gives way first — never the lead
/// count, a vendor rule's text or a help description.
final class NarrowTerminalTests: XCTestCase {
    @MainActor
    private func app() throws -> CloserApp {
        AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
    }

    @MainActor
    func testHeaderKeepsTheCountWithThreeFiltersSet() async throws {
        let app = try app()
        app.press(":")
        app.type("filter status=contact,prospect,potential source=website,direct,facebook owner=ana,ben")
        app.press("<Enter>")
        let title = app.frame().line(1)
        XCTAssertTrue(title.contains(" · " + app.list.positionText), "the count stays: \(title)")
        XCTAssertTrue(title.contains("status="), "the filter is abbreviated, not dropped: \(title)")
        XCTAssertTrue(title.hasSuffix("ana"), title)
    }

    @MainActor
    func testPhoneRuleIsShownWholeInTheForm() async throws {
        let app = try app()
        app.press("c")
        for _ in 0..<3 { app.press("<Tab>") }  // first name → last name → e-mail → phone
        app.type("12ab")
        app.press("<C-s>")
        let text = app.frame().snapshot().split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │")) }
            .joined(separator: " ")
        XCTAssertTrue(text.contains(VendorMessages.invalidPhone), "the whole rule: \(text)")
    }

    @MainActor
    func testHelpDescriptionsWrapInsteadOfBeingCut() async throws {
        let app = try app()
        app.press("?", "/")
        app.type("set-status")
        app.press("<Enter>")
        let text = app.frame().snapshot()
        XCTAssertTrue(text.contains("Set the status of the lead (or the"), text)
        XCTAssertTrue(text.contains("marked leads)"), text)
        XCTAssertFalse(text.contains("mark…"), text)
    }
}
