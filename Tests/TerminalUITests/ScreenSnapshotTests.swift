import Core
import Store
import XCTest
@testable import TerminalUI

/// The whole screen drawn from the view models over a real SQLite file, compared with text
/// snapshots at the sizes that matter (80×24 one pane, 250×60 side by side, 20×6 the smallest,
/// 19×5 too small), with CJK, emoji, combining marks and hostile escape sequences in the data.
final class ScreenSnapshotTests: XCTestCase {
    @MainActor
    func testListAt80x24ShowsTitleHeaderColumnsAndStatusBar() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        let canvas = app.frame()
        TestSupport.assertSnapshot(canvas, named: "app-list-80x24")
        TestSupport.assertNoControlCharacters(canvas)
        XCTAssertTrue(canvas.line(0).hasPrefix(" 1 Leads"), "the tab bar on top")
        XCTAssertTrue(canvas.line(1).contains("All leads · sort name asc · 1 of 30"))
        XCTAssertTrue(canvas.line(2).contains("Name") && canvas.line(2).contains("Status"))
        XCTAssertTrue(canvas.line(23).contains("offline: no remote configured"))
    }

    @MainActor
    func testStatusColumnUsesTheThemeColourOfEachStatus() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        let canvas = app.frame()
        let row = 4  // Ada Lovelace, a prospect, not selected (tab bar, title, header, Red Hacker)
        let line = canvas.line(row)
        guard let range = line.range(of: "prospect") else { return XCTFail("no status on row: \(line)") }
        let column = line.distance(from: line.startIndex, to: range.lowerBound)
        XCTAssertEqual(canvas.style(row: row, column: column).foreground, app.theme.style(for: .prospect).foreground)
    }

    @MainActor
    func testDetailAt80x24ShowsFieldsNotesAndActivity() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        app.press("j", "<Enter>")
        let canvas = app.frame()
        TestSupport.assertSnapshot(canvas, named: "app-detail-80x24")
        XCTAssertTrue(canvas.snapshot().contains("Wants a demo 📅"))
        XCTAssertTrue(canvas.snapshot().contains("E-mail"))
    }

    @MainActor
    func testWideTerminalShowsListAndDetailSideBySide() async throws {
        let clock = TestClock(AppFixture.start)
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 60, columns: 250), clock: clock)
        let first = app.detail?.leadId
        app.press("j")
        XCTAssertEqual(app.detail?.leadId, first, "a lead the cursor passes over does not load its detail in the keystroke")
        clock.advance(0.05)
        _ = app.idle()
        XCTAssertEqual(app.detail?.leadId, app.list.selectedId, "the detail follows once the cursor rests")
        let canvas = app.frame()
        TestSupport.assertSnapshot(canvas, named: "app-split-250x60")
        TestSupport.assertNoControlCharacters(canvas)
        XCTAssertTrue(canvas.line(3).contains("│"), "separator between the panes")
        XCTAssertTrue(canvas.snapshot().contains("First name"), "detail of the selection beside the list")
    }

    @MainActor
    func testHostileDataIsDrawnWithoutEscapeBytes() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 60, columns: 250), clock: TestClock(AppFixture.start))
        app.press("/")
        app.type("hacker")
        app.press("<Enter>")
        let canvas = app.frame()
        TestSupport.assertNoControlCharacters(canvas)
        let text = canvas.snapshot()
        XCTAssertTrue(text.contains("Red Hacker") || text.contains("Red"), text)
        XCTAssertFalse(text.contains("\u{1B}"))
        TestSupport.assertSnapshot(canvas, named: "app-hostile-250x60")
    }

    @MainActor
    func testSmallestSizeShowsWhatFits() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 6, columns: 20), clock: TestClock(AppFixture.start))
        let canvas = app.frame()
        TestSupport.assertSnapshot(canvas, named: "app-20x6")
        XCTAssertFalse(canvas.snapshot().contains("too small"))
        XCTAssertTrue(canvas.line(2).contains("Red Hacker"), canvas.snapshot())
        XCTAssertTrue(canvas.line(5).contains("help"), "the status bar keeps the last row")
    }

    @MainActor
    func testBelowTheMinimumSaysTerminalTooSmall() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 5, columns: 19), clock: TestClock(AppFixture.start))
        let canvas = app.frame()
        TestSupport.assertSnapshot(canvas, named: "app-19x5")
        XCTAssertTrue(canvas.line(0).hasPrefix("terminal too small"))
    }

    @MainActor
    func testResizeFromWideToNarrowKeepsTheSelection() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 60, columns: 250), clock: TestClock(AppFixture.start))
        app.press("j", "j", "j")
        let selected = app.list.selectedId
        _ = app.handle(.resize(Size(rows: 24, columns: 80)))
        XCTAssertEqual(app.list.selectedId, selected)
        XCTAssertEqual(app.list.visibleRows, 20, "24 rows - tab bar - title - header - status bar")
        let canvas = app.frame()
        XCTAssertTrue(canvas.snapshot().contains(">"), "selection marker still visible")
        _ = app.handle(.resize(Size(rows: 50, columns: 200)))
        XCTAssertEqual(app.list.rows.count, 30, "growing the terminal fills the taller list (all 30 leads fit)")
        XCTAssertEqual(app.list.selectedId, selected)
        _ = app.handle(.resize(Size(rows: 3, columns: 10)))
        XCTAssertTrue(app.frame().line(0).hasPrefix("terminal"))
    }

    @MainActor
    func testHelpOverlayAndCommandLineAreDrawn() async throws {
        let app = AppFixture.app(try AppFixture.store(), size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        app.press("?")
        var canvas = app.frame()
        XCTAssertTrue(canvas.snapshot().contains("cursor-down"))
        XCTAssertTrue(canvas.snapshot().contains("Help"))
        app.press("/")
        app.type("sync")
        canvas = app.frame()
        XCTAssertTrue(canvas.snapshot().contains("sync-now"))
        XCTAssertFalse(canvas.snapshot().contains("cursor-down"), "search narrows the help")
        app.press("<Esc>", "<Esc>", "<Esc>")
        app.press(":")
        app.type("sort cr")
        app.press("<Tab>")
        canvas = app.frame()
        XCTAssertEqual(canvas.line(23), ":sort created")
    }
}

/// The detail's sync problems: the server's message at the refused field with the fix/discard
/// keys, and a conflict showing both values.
final class DetailSyncProblemSnapshotTests: XCTestCase {
    @MainActor
    func testRejectedFieldShowsServerMessageAndConflictShowsBothValues() async throws {
        let store = try AppFixture.store()
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        app.press("j")  // Ada Lovelace
        let id = try XCTUnwrap(app.list.selectedId)
        _ = try store.updateLead(id: id, changes: [.email: "ada@@example"])
        let entry = try XCTUnwrap(store.outboxEntries(forLead: id).first)
        try store.markOutboxRejected(entry.id, messages: ["email": ["Enter a valid email address."]])
        try store.recordConflict(leadId: id, field: "phone", localValue: "+15550001000", remoteValue: "+15559999999")
        app.press("<Enter>")
        let canvas = app.frame()
        let text = canvas.snapshot()
        XCTAssertTrue(text.contains("✗ Enter a valid email address.  [x fix · X discard]"), text)
        XCTAssertTrue(text.contains("+15559999999") && text.contains("kept yours (+15550001000)"), text)
        XCTAssertTrue(canvas.line(1).contains("Ada Lovelace"))
        app.press("x")
        guard case .form(let open) = app.overlay, let form = (open as? LeadFormOverlay)?.screen else { return XCTFail("fix opens the form") }
        XCTAssertEqual(form.focusedLeadField, .email, "fix focuses the refused field")
        app.press("<Esc>", "X")
        guard case .confirm = app.overlay, app.detail?.pendingConfirmation != nil else { return XCTFail("discard asks first") }
        app.press("y")
        XCTAssertEqual(try store.lead(id: id)?.email, "p1@example.test", "discard restores the value before the change")
    }
}
