import ViewModels
import XCTest

/// The `:transfer` picker's list: typing filters (every word, case and accents ignored), j/k move
/// while no filter is typed, `/` lets a filter start with j or k, Backspace edits.
final class FilteredChoicesTests: XCTestCase {
    private let options = ["Ventas Madrid (group)", "Soporte (group)", "José Pérez (agent)", "Karen Ruiz (agent)", "Ana Pérez (agent)"]

    func testTypingNarrowsByEveryWordIgnoringCaseAndAccents() {
        var list = FilteredChoices(options: options)
        for c in "perez" { list.type(c) }
        XCTAssertEqual(list.matches.map { options[$0] }, ["José Pérez (agent)", "Ana Pérez (agent)"])
        for c in " ana" { list.type(c) }
        XCTAssertEqual(list.selected, "Ana Pérez (agent)")
        list.type("x")
        XCTAssertNil(list.selected, "nothing matches")
        list.deleteBackward()
        XCTAssertEqual(list.selected, "Ana Pérez (agent)")
    }

    func testJAndKMoveWhileNoFilterIsTypedAndSlashLetsAFilterStartWithThem() {
        var list = FilteredChoices(options: options)
        list.type("j")
        list.type("j")
        XCTAssertEqual(list.selected, "José Pérez (agent)")
        list.type("k")
        XCTAssertEqual(list.selected, "Soporte (group)")
        list.type("k")
        list.type("k")
        XCTAssertEqual(list.selected, "Ana Pérez (agent)", "wraps around")
        XCTAssertEqual(list.filter, "")

        list.type("/")
        list.type("k")
        XCTAssertEqual(list.filter, "k")
        XCTAssertEqual(list.matches.map { options[$0] }, ["Karen Ruiz (agent)"])
        list.deleteBackward()
        list.deleteBackward()
        XCTAssertTrue(list.lettersMove, "an empty / filter goes back to j/k moving")
    }

    func testTheHighlightStaysOnItsOptionWhileItStillMatches() {
        var list = FilteredChoices(options: options)
        list.move(by: 4)
        XCTAssertEqual(list.selected, "Ana Pérez (agent)")
        list.type("a")
        XCTAssertEqual(list.selected, "Ana Pérez (agent)", "still matches: still highlighted")
        list.move(by: 1)
        XCTAssertEqual(list.selected, options[0], "moves among the matches, wrapping")
    }
}
