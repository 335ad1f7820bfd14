import Foundation
import ViewModels
import XCTest

/// `F`'s Tab completion over a real temporary directory: a unique match completes (a directory
/// gets `/`), several extend to their common prefix and are listed, `~` is the home directory,
/// hidden files only for a dot, no match says so.
final class PathCompletionTests: XCTestCase {
    private var root: URL!
    private var completion: PathCompletion!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("closer-paths-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("offers/2026"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("home/Documents"), withIntermediateDirectories: true)
        for name in ["offer-madrid.pdf", "offer-malaga.pdf", "notes.txt", ".hidden", "cotización.pdf"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(name))
        }
        try Data("y".utf8).write(to: root.appendingPathComponent("home/Documents/contrato.pdf"))
        completion = PathCompletion(home: root.appendingPathComponent("home").path, workingDirectory: root.path)
    }

    override func tearDownWithError() throws { try FileManager.default.removeItem(at: root) }

    func testAUniqueMatchCompletesAndADirectoryGetsItsSlash() {
        XCTAssertEqual(completion.complete("no").text, "notes.txt")
        XCTAssertEqual(completion.complete("offers").text, "offers/")
        XCTAssertEqual(completion.complete("offers/2").text, "offers/2026/")
        XCTAssertEqual(completion.complete(root.path + "/cot").text, root.path + "/cotización.pdf", "absolute, non-ASCII")
    }

    func testSeveralMatchesExtendToTheCommonPrefixAndListTheCandidates() {
        let result = completion.complete("of")
        XCTAssertEqual(result.text, "offer")
        XCTAssertEqual(result.candidates, ["offer-madrid.pdf", "offer-malaga.pdf", "offers/"])
        XCTAssertEqual(result.hint(), "3 matches: offer-madrid.pdf  offer-malaga.pdf  offers/")
        let narrower = completion.complete("offer-ma")
        XCTAssertEqual(narrower.text, "offer-ma", "no longer common prefix: the text stays")
        XCTAssertEqual(narrower.candidates.count, 2)
        XCTAssertEqual(completion.complete("offer-mad").text, "offer-madrid.pdf")
    }

    func testTildeIsTheHomeDirectoryAndStaysAsTyped() {
        XCTAssertEqual(completion.complete("~").text, "~/")
        XCTAssertEqual(completion.complete("~/Doc").text, "~/Documents/")
        XCTAssertEqual(completion.complete("~/Documents/").text, "~/Documents/contrato.pdf")
    }

    func testHiddenFilesOnlyForADotAndNoMatchSaysSo() {
        XCTAssertFalse(completion.complete("").candidates.contains(".hidden"))
        XCTAssertEqual(completion.complete(".h").text, ".hidden")
        let none = completion.complete("zzz")
        XCTAssertTrue(none.noMatch)
        XCTAssertEqual(none.text, "zzz")
        XCTAssertEqual(none.hint(), "no match")
        XCTAssertTrue(completion.complete("missing-dir/x").noMatch)
    }

    func testCaseIsIgnoredWhenNothingMatchesExactly() {
        XCTAssertEqual(completion.complete("NOT").text, "notes.txt")
    }
}
