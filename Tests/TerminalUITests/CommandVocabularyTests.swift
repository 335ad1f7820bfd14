import Core
import Foundation
import Store
import ViewModels
import XCTest
@testable import TerminalUI

/// Issue 12 item 13 and the smaller items: every `:` word is an action of the table (or an alias
/// of one) and runs through the same path as its key.
final class CommandVocabularyTests: XCTestCase {
    @MainActor
    private func app(_ store: LeadStore) -> CloserApp {
        AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
    }

    @MainActor
    private func run(_ app: CloserApp, _ line: String) {
        app.press(":")
        app.type(line)
        app.press("<Enter>")
    }

    func testEveryCommandWordIsAnActionOrAnAliasOfOne() {
        for word in CommandLineViewModel.commandWords where word != "view" && word != "push" {  // :push NAME (providers) runs in the : line view model, like :view
            let action = CommandAliases.action(for: word) ?? Action(rawValue: word)
            XCTAssertTrue(ActionTable.standard.contains(action), ":\(word) is not an action of the table")
        }
        for action in CommandAliases.table.values { XCTAssertTrue(ActionTable.standard.contains(action), "\(action)") }
        for action in CommandAliases.viewActions.values { XCTAssertTrue(ActionTable.standard.contains(action), "\(action)") }
    }

    @MainActor
    func testPushOnTheLineQueuesTheMarkedLeadForADestinationAndRefusesOthers() async throws {
        let store = try AppFixture.store()
        try store.setPushDestinations(["cd"])
        let app = app(store)
        let first = try XCTUnwrap(app.list.selectedId)
        app.press("<Space>")
        run(app, "push cd")
        XCTAssertEqual(Set(try store.nextOutboxBatch(remote: "cd", op: .push).map(\.recordId)), [first])
        XCTAssertTrue(app.list.marked.isEmpty, "the marks were used")
        run(app, "push crm")
        XCTAssertTrue(app.frame().snapshot().contains("'crm' is not a destination"), app.frame().snapshot())
    }

    @MainActor
    func testStatusOnTheLineFollowsFocusLikeItsKey() async throws {
        let store = try AppFixture.store()
        let app = app(store)
        let other = try XCTUnwrap(app.list.selectedId)
        app.press("<Space>", "<Enter>")  // mark the first lead, open the second
        let shown = try XCTUnwrap(app.detail?.leadId)
        XCTAssertNotEqual(shown, other)
        XCTAssertTrue(app.list.marked.contains(other))
        XCTAssertEqual(app.list.marked.count, 1)
        run(app, "status customer")
        XCTAssertEqual(try store.lead(id: shown)?.status, .customer, ":status acts on the lead shown, as s does")
        XCTAssertEqual(try store.outboxEntries(forLead: other).count, 0, "not the marked lead behind the detail")
        XCTAssertTrue(app.frame().line(23).contains("1 pending"), "counts follow at once: \(app.frame().line(23))")
        run(app, "status won")
        XCTAssertTrue(app.frame().line(23).contains("status: won is not a valid choice."), app.frame().line(23))
    }

    @MainActor
    func testAliasesRunTheirActions() async throws {
        let store = try AppFixture.store()
        let app = app(store)
        let id = try XCTUnwrap(app.list.selectedId)
        run(app, "note from the command line")
        XCTAssertTrue(try XCTUnwrap(store.leadDetail(id: id)).notes.contains { $0.text == "from the command line" })
        run(app, "sync")
        XCTAssertTrue(app.frame().line(23).contains("No remote configured"), "the same message as C-r")
        run(app, "sort created desc")
        XCTAssertEqual(app.list.sort, LeadSort(.created, ascending: false))
        run(app, "filter status=contact pending")
        XCTAssertEqual(app.list.filter.statuses, [.contact])
        XCTAssertTrue(app.list.filter.hasPending)
        run(app, "filter clear")
        XCTAssertEqual(app.list.filter, .all)
        run(app, "keymap vim")
        XCTAssertTrue(app.frame().line(23).contains("--keymap vim"))
    }

    @MainActor
    func testQuitWithExtraWordsComplainsInsteadOfQuitting() async throws {
        let app = app(try AppFixture.store())
        app.press(":")
        app.type("q extra")
        XCTAssertEqual(app.press("<Enter>"), .redraw)
        XCTAssertTrue(app.frame().line(23).contains(":q takes no argument"), app.frame().line(23))
        app.press(":")
        app.type("q")
        XCTAssertEqual(app.press("<Enter>"), .quit)
    }

    @MainActor
    func testThemeTakesAPathLikeTheOptionAndAnUnknownNameKeepsTheTheme() async throws {
        let app = app(try AppFixture.store())
        let directory = try TestSupport.temporaryDirectory()
        let path = try TestSupport.write("color list.selected white red bold\n", to: "mine.theme", in: directory)
        run(app, "theme \(path)")
        XCTAssertEqual(app.theme.style("list.selected").background, .indexed(1))
        XCTAssertTrue(app.frame().line(23).contains("Theme"), app.frame().line(23))
        let before = app.theme.style("list.selected")
        run(app, "theme neon")
        XCTAssertEqual(app.theme.style("list.selected"), before, "a typo does not switch to another theme")
        XCTAssertTrue(app.frame().line(23).contains("neon is not a valid choice"), app.frame().line(23))
    }

    @MainActor
    func testSavingAViewOverAnExistingNameAsksFirst() async throws {
        let store = try AppFixture.store()
        let app = app(store)
        run(app, "filter status=contact")
        app.press("v", "s")
        app.type("mine")
        app.press("<Enter>")
        run(app, "filter status=customer")
        app.press("v", "s")
        app.type("mine")
        app.press("<Enter>")
        guard case .confirm(_, let dialog) = app.overlay else { return XCTFail("replacing a view asks first") }
        XCTAssertTrue(dialog.question.contains("Replace the saved view 'mine'"), dialog.question)
        app.press("n")
        XCTAssertEqual(try store.savedViews().first { $0.name == "mine" }?.filter.statuses, [.contact], "no keeps the old view")
        app.press("v", "s")
        app.type("mine")
        app.press("<Enter>", "y")
        XCTAssertEqual(try store.savedViews().first { $0.name == "mine" }?.filter.statuses, [.customer])
    }
}
