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

    func testFilterAndSortWordsAreParsedByOneSetOfRules() throws {
        var list = makeList(height: 10)
        list.filter(terms: ["status=contact,prospect", "source=website", "owner=ana", "pending"])
        XCTAssertEqual(list.filter, LeadFilter(statuses: [.contact, .prospect], sources: [.website], owners: ["ana"], hasPending: true))
        list.filter(terms: ["rejected", "conflict", "unread"])
        var flags = LeadFilter(rejectedOnly: true, conflictOnly: true)
        flags.unreadOnly = true
        XCTAssertEqual(list.filter, flags)
        list.filter(terms: ["clear"])
        XCTAssertEqual(list.filter, .all)
        list.sort(words: ["created", "desc"])
        XCTAssertEqual(list.sort, LeadSort(.created, ascending: false))
        list.sort(words: ["status"])
        XCTAssertEqual(list.sort, LeadSort(.status, ascending: false), "no direction keeps the current one")
        for (words, message) in [(["source=fax"], "source: fax is not a valid choice."), (["owner=zed"], "owner: Assignee not found.")] {
            list.filter(terms: words)
            XCTAssertEqual(list.message?.text, message)
            XCTAssertEqual(list.filter, .all, "a refused filter changes nothing")
        }
        list.filter(terms: ["status=won\u{1B}[31m"])
        XCTAssertEqual(list.message?.text.contains("\u{1B}"), false, "the echo is sanitised: \(list.message?.text ?? "")")
        list.sort(words: ["size"])
        XCTAssertEqual(list.message?.text, "sort: size is not a valid choice.")
        list.sort(words: ["name", "up"])
        XCTAssertEqual(list.message?.text, "sort: up is not a valid choice.")
        XCTAssertEqual(list.sort, LeadSort(.status, ascending: false))
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
        list.viewLoad("my new leads")
        XCTAssertEqual(list.currentViewName, "my new leads")
    }
}
