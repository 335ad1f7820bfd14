import Core
import Store
import ViewModels
import XCTest
@testable import TerminalUI

/// Key sequences fed to the app as a terminal would, drawing into a grid: movement, search,
/// detail, status change, notes, the `:` line, confirmations, reloads after another connection wrote.
final class CloserAppTests: XCTestCase {
    @MainActor
    func testKeysMoveSearchOpenDetailAndSetStatusQueueTheChangeInTheOutbox() async throws {
        let store = try AppFixture.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        app.press("j", "j")
        XCTAssertEqual(app.list.selectedIndex, 2)
        app.press("G")
        XCTAssertEqual(app.list.selectedIndex, 29)
        XCTAssertEqual(app.press("g"), .redraw)
        XCTAssertEqual(app.statusBar.pendingKeys, "g", "the pending key shows in the status bar")
        XCTAssertTrue(app.frame().line(23).contains("g…"))
        app.press("g")
        XCTAssertEqual(app.list.selectedIndex, 0)

        app.press("/")
        app.type("zoe")
        XCTAssertEqual(app.list.rows.count, 2, "results as you type: Zoë Keller and Zoë Ångström")
        app.press("<Enter>")
        XCTAssertEqual(app.list.filter.search, "zoe")
        app.press("<Enter>")
        XCTAssertEqual(app.focus, .detail)
        let id = try XCTUnwrap(app.detail?.leadId)
        XCTAssertTrue(app.frame().snapshot().contains("Last name"))

        app.press("s")
        guard case .prompt(let request, _) = app.overlay, request.purpose == "set-status" else { return XCTFail("status choice list expected") }
        app.type("cu")  // jumps to the first option starting with "c", then "u"... typing picks "customer"
        app.press("<Enter>")
        let status = try XCTUnwrap(store.lead(id: id)?.status)
        XCTAssertNotEqual(status, .potential)
        let entries = try store.outboxEntries(forLead: id)
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries.first?.op, .update)
        XCTAssertEqual(entries.first?.payload["status"], status.rawValue)
        XCTAssertTrue(app.frame().line(23).contains("1 pending"))

        app.press("<Esc>")
        XCTAssertEqual(app.focus, .list)
        XCTAssertEqual(app.list.selectedId, id, "back on the same lead")
    }

    @MainActor
    func testAddNoteInlineIsStoredAndQueued() async throws {
        let store = try AppFixture.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        let id = try XCTUnwrap(app.list.selectedId)
        app.press("i")
        app.type("Called back 日本 👍")
        app.press("<Enter>")
        let notes = try XCTUnwrap(store.leadDetail(id: id)).notes
        XCTAssertTrue(notes.contains { $0.text == "Called back 日本 👍" && $0.author == "ana" })
        XCTAssertTrue(try store.outboxEntries(forLead: id).contains { $0.kind == .note && $0.op == .create })
    }

    @MainActor
    func testBlankNoteStaysInThePromptWithTheVendorMessage() async throws {
        let store = try AppFixture.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        let id = try XCTUnwrap(app.list.selectedId)
        app.press("i")
        app.type("   ")
        app.press("<Enter>")
        guard case .prompt(let request, let dialog) = app.overlay, request.purpose == "add-note" else { return XCTFail("the prompt stays open") }
        let message = try XCTUnwrap(dialog.error)
        XCTAssertTrue(app.frame().snapshot().contains(message))
        XCTAssertEqual(try store.outboxEntries(forLead: id).count, 0, "nothing saved")
    }

    @MainActor
    func testEditFormShowsErrorAtTheFieldAndSavesNothingUntilFixed() async throws {
        let store = try AppFixture.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        let id = try XCTUnwrap(app.list.selectedId)
        app.press("<Enter>", "e")
        guard case .form = app.overlay else { return XCTFail("form expected") }
        app.press("<Tab>", "<Tab>")  // first name → last name → e-mail
        for _ in 0..<40 { app.press("<Backspace>") }
        app.type("not-an-email")
        app.press("<C-s>")
        guard case .form(let open) = app.overlay, let form = (open as? LeadFormOverlay)?.screen else { return XCTFail("an invalid form stays open") }
        XCTAssertNotNil(form.view.fields.first { $0.id == "email" }?.error)
        XCTAssertTrue(app.frame().snapshot().contains(try XCTUnwrap(form.view.fields.first { $0.id == "email" }?.error)))
        XCTAssertEqual(try store.outboxEntries(forLead: id).count, 0)
        for _ in 0..<40 { app.press("<Backspace>") }
        app.type("ada@example.test")
        app.press("<C-s>")
        guard case .none = app.overlay else { return XCTFail("a valid form closes") }
        XCTAssertEqual(try store.lead(id: id)?.email, "ada@example.test")
    }

    @MainActor
    func testCommandLineSortsFiltersAndQuits() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        app.press(":")
        app.type("sort created")
        app.press("<Enter>")
        XCTAssertEqual(app.list.sort.key, .created)
        XCTAssertTrue(app.frame().line(1).contains("sort created asc"))
        app.press(":")
        app.type("filter status=contact")
        app.press("<Enter>")
        XCTAssertEqual(app.list.filter.statuses, [.contact])
        app.press(":")
        app.type("bogus")
        app.press("<Enter>")
        XCTAssertTrue(app.frame().line(23).contains("unknown command 'bogus'"))
        app.press(":")
        app.type("quit")
        XCTAssertEqual(app.press("<Enter>"), .quit)
        XCTAssertEqual(app.press("q"), .quit, "q quits from the list")
    }

    @MainActor
    func testDeleteAsksFirstAndNoKeepsTheLead() async throws {
        let store = try AppFixture.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        let id = try XCTUnwrap(app.list.selectedId)
        app.press("d")
        guard case .confirm = app.overlay else { return XCTFail("confirmation expected") }
        app.press("n")
        XCTAssertNotNil(try store.lead(id: id))
        app.press("d", "y")
        XCTAssertNotEqual(app.list.selectedId, id)
        XCTAssertTrue(try store.outboxEntries(forLead: id).contains { $0.op == .delete })
    }

    @MainActor
    func testAnotherConnectionsWriteReloadsTheListKeepingTheSelectedLead() async throws {
        let store = try AppFixture.store()
        let clock = TestClock(AppFixture.start)
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: clock)
        app.press("j", "j", "j")
        let id = try XCTUnwrap(app.list.selectedId)
        let other = try LeadStore(path: store.path)
        _ = try other.applyRemoteLeads(provider: "test", [RemoteLead(remoteId: "new", fields: [
            "first_name": "Aaron", "last_name": "Aardvark", "email": "aa@example.test", "phone": "+15550009999",
            "status": "prospect", "assignee": "ana"])])
        _ = app.idle()
        clock.advance(1)
        _ = app.idle()
        XCTAssertEqual(app.list.selectedId, id, "the cursor stays on the same lead")
        XCTAssertEqual(app.list.total, 31)
        XCTAssertTrue(app.frame().snapshot().contains("Aaron Aardvark"))
    }

    @MainActor
    func testStartupDiagnosticsAreShownAndAnyKeyDismissesThem() async throws {
        let diagnostic = ConfigDiagnostic(file: "keys", line: 3, message: "unknown action 'fly'")
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start),
                                 diagnostics: [diagnostic])
        XCTAssertTrue(app.frame().snapshot().contains("keys:3: unknown action 'fly'"))
        app.press("x")
        XCTAssertFalse(app.frame().snapshot().contains("keys:3"))
        XCTAssertEqual(app.list.marked.count, 0, "the dismissing key does nothing else")
    }

    @MainActor
    func testMouseClickSelectsARowAndWheelScrolls() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        _ = app.handle(.mouse(MouseEvent(kind: .click(button: 1), position: Position(row: 6, column: 10))))
        XCTAssertEqual(app.list.selectedRow, 3, "row 6 = tab bar + title + header + 3")
        _ = app.handle(.mouse(MouseEvent(kind: .wheelDown, position: Position(row: 6, column: 10))))
        XCTAssertEqual(app.list.topIndex, 1)
    }

    @MainActor
    func testThemeSwitchesLive() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        let before = app.theme.style("tabs.active")
        app.press(":")
        app.type("theme mono")
        app.press("<Enter>")
        XCTAssertNotEqual(app.theme.style("tabs.active"), before)
    }
}
