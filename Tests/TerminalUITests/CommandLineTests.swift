import XCTest
@testable import TerminalUI

final class CommandLineTests: XCTestCase {
    let provider = StandardCommandCompletion(sortFields: ["created", "name", "company"], themes: ["default", "light", "mono"],
                                             views: ["my-new-leads"], owners: ["alice", "bob"])

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
        XCTAssertEqual(line.candidates, ["filter-status", "filter-source"])
        XCTAssertEqual(line.field.text, "filter-s", "common prefix already typed")
        line.complete(using: provider)
        XCTAssertEqual(line.field.text, "filter-status")
        XCTAssertEqual(line.candidateIndex, 0)
        line.complete(using: provider)
        XCTAssertEqual(line.field.text, "filter-source")
        line.complete(using: provider)
        XCTAssertEqual(line.field.text, "filter-status", "cycling wraps around")
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
        XCTAssertEqual(provider.completions(words: ["sort"], prefix: "c"), ["created", "company"])
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

    func testParserMapsCommandWordsToActions() throws {
        XCTAssertEqual(try CommandLineParser.parse("status contact").get(), CommandInvocation(.setStatus, ["contact"]))
        XCTAssertEqual(try CommandLineParser.parse("filter source=website").get(), CommandInvocation(.filterSource, ["website"]))
        XCTAssertEqual(try CommandLineParser.parse("filter pending").get(), CommandInvocation(.filterPending))
        XCTAssertEqual(try CommandLineParser.parse("sort created").get(), CommandInvocation(.sortNext, ["created"]))
        XCTAssertThrowsError(try CommandLineParser.parse("view save two words").get(), "view names are one word")
    }

    func testParserHandlesViewsSyncThemeQuitAndErrors() throws {
        XCTAssertEqual(try CommandLineParser.parse("view save mine").get(), CommandInvocation(.viewSave, ["mine"]))
        XCTAssertEqual(try CommandLineParser.parse("view mine").get(), CommandInvocation(.viewLoad, ["mine"]))
        XCTAssertEqual(try CommandLineParser.parse("sync").get(), CommandInvocation(.syncNow))
        XCTAssertEqual(try CommandLineParser.parse("theme light").get(), CommandInvocation(.setTheme, ["light"]))
        XCTAssertEqual(try CommandLineParser.parse("quit").get(), CommandInvocation(.quit))
        XCTAssertEqual(try CommandLineParser.parse("note call back  tomorrow").get(), CommandInvocation(.addNote, ["call back tomorrow"]))
        XCTAssertEqual(try CommandLineParser.parse("cursor-bottom").get(), CommandInvocation(.cursorBottom))
        XCTAssertThrowsError(try CommandLineParser.parse("status").get())
        XCTAssertThrowsError(try CommandLineParser.parse("filter colour=red").get())
        XCTAssertThrowsError(try CommandLineParser.parse("").get())
        if case .failure(let error) = CommandLineParser.parse("synk") {
            XCTAssertEqual(error.message, "Unknown command 'synk' (did you mean 'sync'?)")
        } else {
            XCTFail("synk must fail")
        }
    }
}
