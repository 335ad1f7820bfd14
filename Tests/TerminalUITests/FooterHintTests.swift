import Core
import Foundation
import ViewModels
import XCTest
@testable import TerminalUI

/// Issue 12 item 10: the status bar's hints come from the keymap of whatever has the keyboard,
/// so a form never advertises keys that type into its fields.
final class FooterHintTests: XCTestCase {
    @MainActor
    private func statusLine(_ app: CloserApp) -> String { app.frame().line(app.size.rows - 1) }

    @MainActor
    func testNewLeadFormHintsItsOwnKeysOnly() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        app.press("c")
        let line = statusLine(app)
        XCTAssertTrue(line.contains("<C-s> save"), line)
        XCTAssertTrue(line.contains(" next") && line.contains("<Esc> cancel"), line)
        for wrong in ["help", "search", "quit", "? ", "/ "] { XCTAssertFalse(line.contains(wrong), "form hint advertises '\(wrong)': \(line)") }
    }

    @MainActor
    func testEditFormOverTheDetailDoesNotShowDetailKeys() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        app.press("<Enter>", "e")
        let line = statusLine(app)
        XCTAssertFalse(line.contains("e edit") || line.contains("s status"), line)
        XCTAssertTrue(line.contains("save"), line)
    }

    @MainActor
    func testPickerHintsChooseAndCancelNotQuit() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        app.press("f", "s")
        let line = statusLine(app)
        XCTAssertFalse(line.contains("quit"), line)
        XCTAssertTrue(line.contains("<Enter> choose") && line.contains("<Esc> cancel"), line)
    }

    @MainActor
    func testHintsFollowTheKeymapInUse() async throws {
        let store = try AppFixture.store()
        let directories = (keymaps: [TestSupport.keymapsDirectory], themes: [TestSupport.themesDirectory])
        let configuration = UIConfiguration.load(keymap: "emacs", environment: [:], executablePath: "/nonexistent", directories: directories)
        let setup = CloserApp.Setup(currentUser: "ana", keymap: configuration.keymap, theme: configuration.theme, environment: [:])
        let app = CloserApp(session: AppSession(store: store, currentUser: "ana"), setup: setup, size: Size(rows: 24, columns: 80))
        XCTAssertTrue(statusLine(app).contains("<C-s> search"), statusLine(app))
        app.press("<C-c>", "c")
        XCTAssertTrue(statusLine(app).contains("<C-c> <C-c> save") || statusLine(app).contains("<C-x> <C-s> save"), statusLine(app))
    }
}
