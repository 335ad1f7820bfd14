import XCTest
@testable import Core

final class TextSanitizerTests: XCTestCase {
    func testCleanTextIsReturnedUnchanged() {
        let text = "Zoë Müller 田中 🚀 O'Brien"
        XCTAssertEqual(TextSanitizer.line(text), text)
        XCTAssertTrue(TextSanitizer.isClean(text))
    }

    func testCSISequencesAreRemovedWhole() {
        XCTAssertEqual(TextSanitizer.line("a\u{1B}[31;1mred\u{1B}[0m b"), "ared b")
        XCTAssertEqual(TextSanitizer.line("x\u{1B}[2J\u{1B}[Hy"), "xy")
    }

    func testOSCTitleAndClipboardSequencesAreRemoved() {
        XCTAssertEqual(TextSanitizer.line("a\u{1B}]0;pwned\u{07}b"), "ab")
        XCTAssertEqual(TextSanitizer.line("a\u{1B}]52;c;ZXZpbA==\u{1B}\\b"), "ab")
    }

    func testC1ControlsAndBidiOverridesAreRemoved() {
        XCTAssertEqual(TextSanitizer.line("a\u{9B}31mb"), "ab")
        XCTAssertEqual(TextSanitizer.line("a\u{85}b\u{202E}cba\u{202C}\u{2066}d\u{2069}"), "abcbad")
    }

    func testC0ControlsAndDeleteAreRemoved() {
        XCTAssertEqual(TextSanitizer.line("a\u{07}\u{08}\u{00}\u{7F}b"), "ab")
    }

    func testLineFoldsNewlinesAndTabsToOneSpace() {
        XCTAssertEqual(TextSanitizer.line("one\r\ntwo\tthree"), "one two three")
    }

    func testMultilineKeepsNewlines() {
        XCTAssertEqual(TextSanitizer.multiline("one\r\ntwo\u{1B}[1m\n\tthree"), "one\ntwo\n    three")
    }

    func testTruncatedEscapeAtEndDoesNotCrash() {
        XCTAssertEqual(TextSanitizer.line("abc\u{1B}"), "abc")
        XCTAssertEqual(TextSanitizer.line("abc\u{1B}[12;"), "abc")
        XCTAssertEqual(TextSanitizer.line("abc\u{1B}]0;title"), "abc")
    }
}
