import Core
import Store
import ViewModels
import XCTest
@testable import TerminalUI

/// The `:` line widget completing through the view models' one command-line implementation.
final class CommandLineTests: XCTestCase {
    var provider: CommandLineViewModel!

    override func setUpWithError() throws {
        let store = try LeadStore.inMemory()
        try store.upsertUser(User(username: "alice", displayName: "Alice"))
        try store.upsertUser(User(username: "bob", displayName: "Bob"))
        try store.saveView(SavedView(name: "my-new-leads", filter: .all, sort: .nameAscending))
        provider = CommandLineViewModel(store: store, actionNames: ActionTable.standard.names, themeNames: ["default", "light", "mono"])
    }

    private func type(_ text: String, into line: inout CommandLineInput) {
        for c in text { _ = line.handle(.char(c)) }
    }

    func testUniqueCompletionFinishesWordWithSpace() {
        var line = CommandLineInput()
        type("sync-n", into: &line)
        XCTAssertTrue(line.complete(using: provider))
        XCTAssertEqual(line.field.text, "sync-now ")
        XCTAssertEqual(line.field.cursor, 9)
    }

    func testAmbiguousCompletionExtendsToCommonPrefixThenCycles() {
        var line = CommandLineInput()
        type("filter-s", into: &line)
        XCTAssertTrue(line.complete(using: provider))
        XCTAssertEqual(line.field.text, "filter-s")
        XCTAssertEqual(line.candidates, ["filter-source", "filter-status"])
        XCTAssertEqual(line.field.text, "filter-s", "common prefix already typed")
        line.complete(using: provider)
        XCTAssertEqual(line.field.text, "filter-source")
        XCTAssertEqual(line.candidateIndex, 0)
        line.complete(using: provider)
        XCTAssertEqual(line.field.text, "filter-status")
        line.complete(using: provider)
        XCTAssertEqual(line.field.text, "filter-source", "cycling wraps around")
        _ = line.handle(.char(" "))
        XCTAssertEqual(line.candidates, [], "typing ends the cycle")
    }

    func testCommonPrefixIsInsertedFirst() {
        var line = CommandLineInput()
        type("cursor-t", into: &line)
        line.complete(using: provider)
        XCTAssertEqual(line.field.text, "cursor-top ")
        var other = CommandLineInput()
        type("clea", into: &other)
        other.complete(using: provider)
        XCTAssertEqual(other.field.text, "clear-")
        XCTAssertEqual(other.candidates, ["clear-filters", "clear-marks"])
    }

    func testArgumentsCompleteStatusesSourcesThemesAndSortFields() {
        XCTAssertEqual(provider.completions(words: ["status"], prefix: "c"), ["closed", "contact", "customer"])
        XCTAssertEqual(provider.completions(words: ["filter"], prefix: "source=w"), ["source=website"])
        XCTAssertEqual(provider.completions(words: ["filter"], prefix: "owner="), ["owner=alice", "owner=bob"])
        XCTAssertEqual(provider.completions(words: ["sort"], prefix: "c"), ["created"])
        XCTAssertEqual(provider.completions(words: ["theme"], prefix: ""), ["default", "light", "mono"])
        XCTAssertEqual(provider.completions(words: ["view", "load"], prefix: "my"), ["my-new-leads"])
        XCTAssertEqual(provider.completions(words: [], prefix: "qu"), ["quit"])
        XCTAssertEqual(provider.completions(words: ["quit"], prefix: ""), [])

        var line = CommandLineInput()
        type("status cus", into: &line)
        line.complete(using: provider)
        XCTAssertEqual(line.field.text, "status customer ")
    }

    func testHistoryRecallsEarlierLines() {
        var line = CommandLineInput()
        type("sync", into: &line)
        XCTAssertEqual(line.submit(), "sync")
        type("quit", into: &line)
        XCTAssertEqual(line.submit(), "quit")
        line.recall(-1)
        XCTAssertEqual(line.field.text, "quit")
        line.recall(-1)
        XCTAssertEqual(line.field.text, "sync")
        line.recall(1)
        line.recall(1)
        XCTAssertEqual(line.field.text, "")
    }
}
