import XCTest
@testable import TerminalUI

final class KeyNotationTests: XCTestCase {
    func testParsesPlainAndNamedKeys() {
        XCTAssertEqual(KeyNotation.parseKey("j"), .char("j"))
        XCTAssertEqual(KeyNotation.parseKey("G"), .char("G"))
        XCTAssertEqual(KeyNotation.parseKey("<C-r>"), .ctrl("r"))
        XCTAssertEqual(KeyNotation.parseKey("<C-R>"), .ctrl("r"), "Ctrl letters are case-insensitive")
        XCTAssertEqual(KeyNotation.parseKey("<M-x>"), .alt("x"))
        XCTAssertEqual(KeyNotation.parseKey("<A-x>"), .alt("x"))
        XCTAssertEqual(KeyNotation.parseKey("<Esc>"), .escape)
        XCTAssertEqual(KeyNotation.parseKey("<Enter>"), .enter)
        XCTAssertEqual(KeyNotation.parseKey("<CR>"), .enter)
        XCTAssertEqual(KeyNotation.parseKey("<Tab>"), .tab)
        XCTAssertEqual(KeyNotation.parseKey("<S-Tab>"), Key(.backTab))
        XCTAssertEqual(KeyNotation.parseKey("<Space>"), .space)
        XCTAssertEqual(KeyNotation.parseKey("<Up>"), .up)
        XCTAssertEqual(KeyNotation.parseKey("<PageDown>"), Key(.pageDown))
        XCTAssertEqual(KeyNotation.parseKey("<PgUp>"), Key(.pageUp))
        XCTAssertEqual(KeyNotation.parseKey("<F1>"), Key(.function(1)))
        XCTAssertEqual(KeyNotation.parseKey("<C-M-x>"), Key(.character("x"), modifiers: [.control, .alt]))
        XCTAssertEqual(KeyNotation.parseKey("<M-<>"), .alt("<"))
        XCTAssertEqual(KeyNotation.parseKey("<M->>"), .alt(">"))
        XCTAssertEqual(KeyNotation.parseKey("<lt>"), .char("<"))
        XCTAssertEqual(KeyNotation.parseKey("<"), .char("<"))
        XCTAssertEqual(KeyNotation.parseKey("é"), .char("é"))
    }

    func testTokenOfSeveralKeysIsASequence() {
        XCTAssertEqual(try KeyNotation.parseSequence("gg").get(), [.char("g"), .char("g")])
        XCTAssertEqual(try KeyNotation.parseSequence("<C-x>k").get(), [.ctrl("x"), .char("k")])
    }

    func testRejectsUnknownNamesAndModifiers() {
        XCTAssertThrowsError(try KeyNotation.parseSequence("<Foo>").get())
        XCTAssertThrowsError(try KeyNotation.parseSequence("<X-a>").get())
        XCTAssertThrowsError(try KeyNotation.parseSequence("<F99>").get())
        XCTAssertThrowsError(try KeyNotation.parseSequence("a\u{7}").get())
    }

    func testFormatRoundTrips() {
        let keys: [Key] = [.char("j"), .char("G"), .ctrl("r"), .alt("x"), .escape, .enter, .tab, .space, .up,
                           Key(.pageDown), Key(.function(12)), Key(.backTab), .char("<"), Key(.up, modifiers: .shift)]
        for key in keys {
            XCTAssertEqual(KeyNotation.parseKey(key.description), key, "round trip of \(key)")
        }
        XCTAssertEqual(Key.ctrl("r").description, "<C-r>")
        XCTAssertEqual(KeyNotation.format([.char("g"), .char("g")]), "g g")
    }

    func testPrintableIsOnlyForUnmodifiedCharacters() {
        XCTAssertEqual(Key.char("a").printable, "a")
        XCTAssertNil(Key.ctrl("a").printable)
        XCTAssertNil(Key.alt("a").printable)
        XCTAssertNil(Key.enter.printable)
    }
}
