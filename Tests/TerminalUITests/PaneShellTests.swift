import Core
import Foundation
import ViewModels
import XCTest
@testable import TerminalUI

/// A pane as another helper would register one: records what reaches it, draws one line.
@MainActor
final class RecordingPane: Pane {
    static var lastMade: RecordingPane?
    static let descriptor = PaneDescriptor(id: .dashboard, tabTitle: "Dashboard", number: 4, keyContext: .dashboard,
                                           openAction: .openDashboard) { environment in
        let pane = RecordingPane(host: environment.host)
        RecordingPane.lastMade = pane
        return pane
    }

    unowned let host: any PaneHost
    var performed: [String] = []
    var reloads = 0

    init(host: any PaneHost) { self.host = host }

    var id: PaneID { .dashboard }
    var keyContext: KeyContext { .dashboard }
    var title: String { "Recording pane" }
    var footerHints: [FooterHint] { [FooterHint(.cursorDown, "down")] }

    func draw(on canvas: Canvas, in rect: Rect, theme: Theme, focused: Bool) {
        canvas.put("recording pane body", at: Position(row: rect.row, column: rect.column), style: theme.style("normal"))
    }

    func perform(_ action: Action, argument: String) -> PaneOutcome {
        performed.append(argument.isEmpty ? action.rawValue : action.rawValue + " " + argument)
        if action == .back { return .notHandled }
        return .handled
    }

    func reload() { reloads += 1 }
}

/// A pane's form that asks before closing, as a form with changes does.
@MainActor
final class AskingForm: PaneForm {
    var asking = false
    var cancelled = false
    func moveFocus(_ delta: Int) {}
    func handle(_ key: Key) -> Bool { false }
    func paste(_ text: String) {}
    func draw(in rect: Rect, canvas: Canvas, theme: Theme) -> Position? { nil }
    func save() -> Bool { false }
    func cancel() { cancelled = true }
    var discardQuestion: String? { asking ? "Discard 1 change? y/n" : nil }
    func requestCancel() -> Bool {
        if asking { return true }
        asking = true
        return false
    }
    func keepEditing() { asking = false }
}

/// The pane shell: tab bar, digits and `open-…` actions, `:` aliases, the back stack, drill-downs
/// and the host's overlays, with the Leads pane and a registered test pane.
final class PaneShellTests: XCTestCase {
    @MainActor
    private func app(registry: [PaneDescriptor] = PaneRegistry.all, size: Size = Size(rows: 24, columns: 80)) throws -> CloserApp {
        let store = try AppFixture.store()
        let clock = TestClock(AppFixture.start)
        let plain = AppFixture.app(store, size: size, clock: clock)
        return CloserApp(session: plain.session, setup: plain.setup, size: size, sync: nil, registry: registry)
    }

    @MainActor
    func testTabBarShowsOnlyRegisteredPanesWithTheActiveOneHighlighted() async throws {
        let app = try app(registry: [LeadsPane.descriptor])
        let canvas = app.frame()
        XCTAssertEqual(canvas.line(0).trimmingCharacters(in: .whitespaces), "1 Leads", "no tab for panes not registered")
        XCTAssertEqual(canvas.style(row: 0, column: 1), app.theme.style("tabs.active"))
        XCTAssertNotEqual(app.theme.style("tabs.active"), app.theme.style("tabs"), "the active tab stands out")

        let both = try self.app(registry: [LeadsPane.descriptor, RecordingPane.descriptor])
        XCTAssertTrue(both.frame().line(0).contains("1 Leads") && both.frame().line(0).contains("4 Dashboard"))
        both.press("4")
        let line = both.frame().line(0)
        let column = line.distance(from: line.startIndex, to: try XCTUnwrap(line.range(of: "4 Dashboard")).lowerBound)
        XCTAssertEqual(both.frame().style(row: 0, column: column), both.theme.style("tabs.active"))
        XCTAssertNotEqual(both.frame().style(row: 0, column: 1), both.theme.style("tabs.active"))
    }

    @MainActor
    func testActionsForPanesNotBuiltSaySoAndKeepTheLeads() async throws {
        let app = try app(registry: [LeadsPane.descriptor])
        app.press("2")
        XCTAssertTrue(app.frame().line(23).contains("no calendar pane yet"), app.frame().line(23))
        app.press(":")
        app.type("dashboard")
        app.press("<Enter>")
        XCTAssertTrue(app.frame().line(23).contains("no dashboard pane yet"))
        app.press(":")
        app.type("leads")
        app.press("<Enter>")
        XCTAssertEqual(app.activePaneID, .leads)
        XCTAssertTrue(app.frame().line(1).contains("All leads"))
    }

    @MainActor
    func testDigitOpensARegisteredPaneItsKeysReachItAndEscGoesBack() async throws {
        let app = try app(registry: [LeadsPane.descriptor, RecordingPane.descriptor])
        app.press("j")
        let selected = app.list.selectedId
        app.press("4")
        XCTAssertEqual(app.activePaneID, .dashboard)
        let pane = try XCTUnwrap(RecordingPane.lastMade)
        let frame = app.frame()
        XCTAssertTrue(frame.line(1).contains("Recording pane"))
        XCTAssertTrue(frame.line(2).contains("recording pane body"))
        XCTAssertTrue(frame.line(23).contains("j down"), "footer hints from the pane, keys from the keymap: \(frame.line(23))")
        app.press("j")
        app.press(":")
        app.type("search zoe")
        app.press("<Enter>")
        XCTAssertEqual(pane.performed, ["cursor-down", "search zoe"], "keys and : reach the visible pane only")
        XCTAssertNil(app.list.filter.search.isEmpty ? nil : app.list.filter.search, "the hidden list was not searched")
        app.press("<Esc>")
        XCTAssertEqual(app.activePaneID, .leads, "Esc goes back along the stack")
        XCTAssertEqual(app.list.selectedId, selected, "the list is as it was left")
        app.press(":")
        app.type("dashboard")
        app.press("<Enter>")
        XCTAssertEqual(app.activePaneID, .dashboard, ":dashboard is the alias of open-dashboard")
        XCTAssertTrue(RecordingPane.lastMade === pane, "a pane is made once and kept")
    }

    @MainActor
    func testDrillDownShowsTheFilteredListAndEscRestoresItAndReturns() async throws {
        let app = try app(registry: [LeadsPane.descriptor, RecordingPane.descriptor])
        app.press("4")
        let pane = try XCTUnwrap(RecordingPane.lastMade)
        pane.host.openLeads(filter: LeadFilter(statuses: [.prospect]), title: "Prospects this week")
        XCTAssertEqual(app.activePaneID, .leads)
        XCTAssertEqual(app.list.filter.statuses, [.prospect])
        XCTAssertTrue(app.frame().line(1).contains("Prospects this week"), app.frame().line(1))
        XCTAssertTrue(app.list.displayRows.allSatisfy { $0.status == .prospect })
        app.press("<Esc>")
        XCTAssertEqual(app.activePaneID, .dashboard, "Esc returns to the pane that drilled down")
        XCTAssertEqual(app.list.filter, .all, "and the list is put back")
    }

    @MainActor
    func testOpenLeadFromAnotherPaneShowsItsDetailAndEscReturns() async throws {
        let app = try app(registry: [LeadsPane.descriptor, RecordingPane.descriptor])
        let ada = try XCTUnwrap(app.list.displayRows.first { $0.name.contains("Lovelace") })
        app.press("4")
        RecordingPane.lastMade?.host.openLead(id: ada.id)
        XCTAssertEqual(app.activePaneID, .leads)
        XCTAssertEqual(app.focus, .detail)
        XCTAssertTrue(app.frame().snapshot().contains("Ada Lovelace"))
        app.press("<Esc>")
        XCTAssertEqual(app.activePaneID, .dashboard, "back from the detail returns to the pane that opened it")
    }

    @MainActor
    func testHostConfirmationAndPromptCallThePaneBack() async throws {
        let app = try app(registry: [LeadsPane.descriptor, RecordingPane.descriptor])
        app.press("4")
        let host = try XCTUnwrap(RecordingPane.lastMade?.host)
        var answers: [Bool] = []
        host.confirm("Really?") { answers.append($0) }
        XCTAssertTrue(app.frame().snapshot().contains("Really?"))
        app.press("n")
        host.confirm("Really?") { answers.append($0) }
        app.press("y")
        XCTAssertEqual(answers, [false, true])
        var typed: [String] = []
        host.prompt(PromptRequest(purpose: "test", title: "Name?", mode: .input(TextFieldState())) { text in
            typed.append(text)
            return text == "bad" ? "not that one" : nil
        })
        app.type("bad")
        app.press("<Enter>")
        XCTAssertTrue(app.frame().snapshot().contains("not that one"), "a refused answer keeps the prompt open with the message")
        for _ in 0..<3 { app.press("<Backspace>") }
        app.type("good")
        app.press("<Enter>")
        XCTAssertEqual(typed, ["bad", "good"])
        guard case .none = app.overlay else { return XCTFail("an accepted answer closes the prompt") }
    }

    @MainActor
    func testHelpListsTheActivePanesKeysFirst() async throws {
        let app = try app()
        app.press("?")
        guard case .help(let list, _) = app.overlay else { return XCTFail("help expected") }
        XCTAssertEqual(list.allLines.first?.summary, "Lead list")
        app.press("<Esc>", "<Enter>", "?")
        guard case .help(let detail, _) = app.overlay else { return XCTFail("help expected") }
        XCTAssertEqual(detail.allLines.first?.summary, "Lead detail")
        XCTAssertTrue(detail.allLines.contains { $0.action == .openCalendar && $0.keys.contains("2") }, "the digits are listed")
    }

    @MainActor
    func testAFormCanAskBeforeClosingAndCloseItself() async throws {
        let app = try app()
        let form = AskingForm()
        app.openForm(form)
        app.press("<Esc>")
        guard case .form = app.overlay else { return XCTFail("the form asked first") }
        XCTAssertTrue(form.asking)
        app.press("n")
        XCTAssertFalse(form.asking, "the answer went to the form")
        app.press("<Esc>", "<Esc>")
        guard case .none = app.overlay else { return XCTFail("Esc twice closes") }
        let second = AskingForm()
        app.openForm(second)
        app.press("<Esc>", "y")
        guard case .none = app.overlay else { return XCTFail("y to the question closes it") }
        XCTAssertTrue(second.cancelled, "closed without saving")
    }
}
