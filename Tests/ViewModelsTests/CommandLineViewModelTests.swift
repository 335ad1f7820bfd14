import Core
import Store
import XCTest
@testable import ViewModels

final class CommandLineViewModelTests: ViewModelsTestCase {
    private let actions = ["cursor-bottom", "cursor-down", "set-status", "sync-now", "view-load", "quit", "search"]

    private func makeCommandLine() -> CommandLineViewModel {
        CommandLineViewModel(store: store, actionNames: actions, themeNames: ["default", "light", "mono"],
                             keymapNames: ["default", "vim", "emacs"])
    }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try seed(60)
    }

    func testStatusCommandSetsTheSelectedLeadsStatus() throws {
        var list = makeList(height: 10)
        var line = makeCommandLine()
        let id = try XCTUnwrap(list.selectedId)
        let target: LeadStatus = list.selectedLead?.status == .contact ? .customer : .contact
        XCTAssertEqual(line.execute("status \(target.rawValue)", list: &list), .handled)
        XCTAssertEqual(try store.lead(id: id)?.status, target)
        XCTAssertEqual(try outbox(id).first?.payload, ["status": target.rawValue])
    }

    func testErrorsAreClearAndChangeNothing() throws {
        var list = makeList(height: 10)
        var line = makeCommandLine()
        XCTAssertEqual(line.execute("x", list: &list), .failed("unknown command 'x'"))
        XCTAssertEqual(line.message?.text, "unknown command 'x'")
        XCTAssertEqual(line.message?.level, .error)
        XCTAssertEqual(line.execute("status won", list: &list), .failed("status: won is not a valid choice."))
        XCTAssertEqual(line.execute("filter source=fax", list: &list), .failed("source: fax is not a valid choice."))
        XCTAssertEqual(line.execute("filter owner=zed", list: &list), .failed("owner: Assignee not found."))
        XCTAssertEqual(line.execute("sort size", list: &list), .failed("sort: size is not a valid choice."))
        XCTAssertEqual(line.execute("sort name up", list: &list), .failed("sort: up is not a valid choice."))
        XCTAssertEqual(line.execute("theme neon", list: &list), .failed("theme: neon is not a valid choice."))
        XCTAssertEqual(line.execute("view", list: &list), .failed("usage: :view save|load|delete NAME"))
        XCTAssertEqual(line.execute("view load nothing", list: &list), .failed("view: no saved view named 'nothing'"))
        XCTAssertEqual(line.execute("x\u{1B}[31m", list: &list), .failed("unknown command 'x'"), "sanitised echo")
        XCTAssertEqual(line.execute("", list: &list), .failed("type a command, e.g. :status contact"))
        XCTAssertTrue(try store.outboxEntries().isEmpty)
        XCTAssertEqual(list.filter, .all)
    }

    func testFilterSortViewAndSearchCommandsDriveTheList() throws {
        var list = makeList(height: 10)
        var line = makeCommandLine()
        XCTAssertEqual(line.execute("filter status=contact,prospect source=website owner=ana pending", list: &list), .handled)
        XCTAssertEqual(list.filter, LeadFilter(statuses: [.contact, .prospect], sources: [.website], owners: ["ana"], hasPending: true))
        XCTAssertEqual(line.execute("filter rejected conflict", list: &list), .handled)
        XCTAssertEqual(list.filter, LeadFilter(rejectedOnly: true, conflictOnly: true))
        XCTAssertEqual(line.execute("filter clear", list: &list), .handled)
        XCTAssertEqual(list.filter, .all)
        XCTAssertEqual(line.execute("sort created desc", list: &list), .handled)
        XCTAssertEqual(list.sort, LeadSort(.created, ascending: false))
        XCTAssertEqual(line.execute("sort status", list: &list), .handled)
        XCTAssertEqual(list.sort, LeadSort(.status, ascending: false), "no direction keeps the current one")
        XCTAssertEqual(line.execute("view save by status", list: &list), .handled)
        XCTAssertEqual(line.viewNames, ["by status"])
        XCTAssertEqual(line.execute("sort name asc", list: &list), .handled)
        XCTAssertEqual(line.execute("view load \"by status\"", list: &list), .handled)
        XCTAssertEqual(list.sort, LeadSort(.status, ascending: false))
        XCTAssertEqual(line.execute("view delete by status", list: &list), .handled)
        XCTAssertEqual(line.viewNames, [])
        let name = try XCTUnwrap(list.selectedLead?.name.split(separator: " ").first.map(String.init))
        XCTAssertEqual(line.execute("search \(name)", list: &list), .handled)
        XCTAssertEqual(list.filter.search, name)
        XCTAssertFalse(list.isSearching)
        XCTAssertFalse(list.rows.isEmpty)
    }

    func testCommandsForTheUIAreReturnedTyped() throws {
        var list = makeList(height: 10)
        var line = makeCommandLine()
        XCTAssertEqual(line.execute("sync", list: &list), .command(.sync))
        XCTAssertEqual(line.execute("theme light", list: &list), .command(.theme("light")))
        XCTAssertEqual(line.execute("keymap vim", list: &list), .command(.keymap("vim")))
        XCTAssertEqual(line.execute("quit", list: &list), .command(.quit))
        XCTAssertEqual(line.execute("q", list: &list), .command(.quit))
        XCTAssertEqual(line.execute("cursor-bottom", list: &list), .command(.runAction(name: "cursor-bottom", arguments: [])))
        XCTAssertEqual(line.execute("set-status contact", list: &list),
                       .command(.runAction(name: "set-status", arguments: ["contact"])))
        XCTAssertEqual(line.execute("note call back  tomorrow", list: &list),
                       .command(.runAction(name: "add-note", arguments: ["call back tomorrow"])))
        XCTAssertNil(line.message)
    }

    func testCompletionOfCommandsArgumentsOwnersAndViews() throws {
        var list = makeList(height: 10)
        var line = makeCommandLine()
        let first = line.complete("cu")
        XCTAssertEqual(first.candidates, ["cursor-bottom", "cursor-down"])
        XCTAssertEqual(first.commonPrefix, "cursor-")
        XCTAssertEqual(first.line, "cursor-")
        XCTAssertEqual(line.complete("sta").line, "status ")
        XCTAssertEqual(line.complete("status c").candidates, ["closed", "contact", "customer"])
        XCTAssertEqual(line.complete("status cu").line, "status customer ")
        XCTAssertEqual(line.complete("filter source=w").line, "filter source=website ")
        XCTAssertEqual(line.complete("filter owner=").candidates, line.owners.map { "owner=" + $0 })
        XCTAssertTrue(line.complete("filter owner=a").candidates.contains("owner=ana"))
        XCTAssertEqual(line.complete("sort c").line, "sort created ")
        XCTAssertEqual(line.complete("sort created ").candidates, ["asc", "desc"])
        XCTAssertEqual(line.complete("theme l").line, "theme light ")
        XCTAssertEqual(line.complete("keymap ").candidates, ["default", "vim", "emacs"])
        XCTAssertEqual(line.complete("xyz").candidates, [])
        XCTAssertEqual(line.complete("xyz").line, "xyz")
        list.installDefaultViews()
        line.refresh()
        XCTAssertEqual(line.complete("view load my").line, "view load my new leads ")
        XCTAssertEqual(line.complete("view load ").candidates, ["conflicts", "my new leads", "pending sync", "rejected"])
        XCTAssertEqual(line.execute("view load my new leads", list: &list), .handled)
        XCTAssertEqual(list.currentViewName, "my new leads")
    }
}
