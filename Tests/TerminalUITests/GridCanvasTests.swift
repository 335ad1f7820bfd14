import XCTest
@testable import TerminalUI

final class GridCanvasTests: XCTestCase {
    func testAsciiTextIsPlacedAtPositionAndReadBack() {
        let canvas = GridCanvas(rows: 2, columns: 10)
        XCTAssertEqual(canvas.put("hello", at: Position(row: 1, column: 2)), 5)
        XCTAssertEqual(canvas.snapshot(), "\n  hello")
    }

    func testWideCharacterTakesTwoCellsWithContinuation() {
        let canvas = GridCanvas(rows: 1, columns: 6)
        let used = canvas.put("日本", at: Position(row: 0, column: 0))
        XCTAssertEqual(used, 4)
        XCTAssertEqual(canvas.cells[0][0].grapheme, "日")
        XCTAssertEqual(canvas.cells[0][0].width, 2)
        XCTAssertTrue(canvas.cells[0][1].isContinuation)
        XCTAssertEqual(canvas.cells[0][2].grapheme, "本")
        XCTAssertEqual(canvas.line(0), "日本")
    }

    func testClipNeverSplitsWideCharacterAndEndsWithEllipsis() {
        let canvas = GridCanvas(rows: 1, columns: 10)
        let used = canvas.put("田中太郎さん", at: Position(row: 0, column: 0), style: .plain, maxColumns: 6)
        XCTAssertEqual(canvas.line(0), "田中…")
        XCTAssertEqual(used, 5)
        XCTAssertEqual(canvas.cells[0][5].grapheme, " ", "nothing written past the limit")
    }

    func testTextIsClippedAtCanvasEdge() {
        let canvas = GridCanvas(rows: 1, columns: 5)
        canvas.put("abcdefgh", at: Position(row: 0, column: 1))
        XCTAssertEqual(canvas.line(0), " abc…")
    }

    func testEmojiAndZwjSequencesAreOneTwoColumnCellDrawnAsTheirFirstEmoji() {
        let canvas = GridCanvas(rows: 1, columns: 10)
        let used = canvas.put("👍👨‍👩‍👧x", at: Position(row: 0, column: 0))
        XCTAssertEqual(used, 5)
        XCTAssertEqual(canvas.cells[0][2].grapheme, "👨", "terminals disagree on ZWJ sequences: the first emoji only")
        XCTAssertEqual(canvas.cells[0][4].grapheme, "x")
    }

    func testFlagsSkinTonesKeycapsAndVS16BecomeCellsEveryTerminalAgreesOn() {
        let canvas = GridCanvas(rows: 1, columns: 20)
        let used = canvas.put("🇩🇪👍🏽❤️1️⃣\u{200B}!", at: Position(row: 0, column: 0))
        XCTAssertEqual(used, 8)
        XCTAssertEqual(canvas.line(0), "DE👍❤ 1!")
        XCTAssertFalse(canvas.cells[0].contains { $0.grapheme.unicodeScalars.contains { [0x200D, 0xFE0F, 0x1F3FD, 0x200B].contains($0.value) } })
    }

    func testCombiningMarksStayWithTheirBaseCharacter() {
        let canvas = GridCanvas(rows: 1, columns: 10)
        let used = canvas.put("Zoe\u{0308}!", at: Position(row: 0, column: 0))
        XCTAssertEqual(used, 4)
        XCTAssertEqual(canvas.cells[0][2].grapheme, "e\u{0308}")
        XCTAssertEqual(canvas.cells[0][3].grapheme, "!")
    }

    func testOverwritingHalfOfWideCharacterBlanksTheOtherHalf() {
        let canvas = GridCanvas(rows: 1, columns: 6)
        canvas.put("日本語", at: Position(row: 0, column: 0))
        canvas.put("x", at: Position(row: 0, column: 1))  // right half of 日
        XCTAssertEqual(canvas.line(0), " x本語")
        canvas.put("y", at: Position(row: 0, column: 2))  // left half of 本
        XCTAssertEqual(canvas.line(0), " xy 語")
        XCTAssertFalse(canvas.cells[0][3].isContinuation)
    }

    func testWideCharacterThatDoesNotFitAtEdgeIsNotDrawn() {
        let canvas = GridCanvas(rows: 1, columns: 3)
        canvas.put("ab日", at: Position(row: 0, column: 0))
        XCTAssertEqual(canvas.line(0), "ab…")
    }

    func testCanvasRemovesEscapeSequencesAndControlsPassedDirectly() {
        let canvas = GridCanvas(rows: 1, columns: 40)
        canvas.put("A\u{1B}[31mred\u{1B}]0;title\u{07}\u{9B}2J\u{202E}evil\u{7}\u{0}B", at: Position(row: 0, column: 0))
        TestSupport.assertNoControlCharacters(canvas)
        XCTAssertEqual(canvas.line(0), "AredevilB")
    }

    func testControlCharactersDoNotCountTowardsTheClipWidth() {
        let canvas = GridCanvas(rows: 1, columns: 10)
        XCTAssertEqual(canvas.put("abc\u{7}", at: Position(row: 0, column: 0), style: .plain, maxColumns: 3), 3)
        XCTAssertEqual(canvas.line(0), "abc")
        canvas.put("abcdef", at: Position(row: 0, column: 0), style: .plain, maxColumns: 3)
        XCTAssertEqual(canvas.line(0), "ab…")
    }

    func testFillPaintsStyleAndFixesCutWideCharacters() {
        let canvas = GridCanvas(rows: 1, columns: 6)
        canvas.put("日本語", at: Position(row: 0, column: 0))
        let red = Style(foreground: .indexed(1))
        canvas.fill(Rect(row: 0, column: 3, height: 1, width: 2), style: red)
        XCTAssertEqual(canvas.line(0, trimmingTrailingSpaces: false), "日    ", "本 and 語 were each cut in half, so both go")
        XCTAssertEqual(canvas.style(row: 0, column: 3), red)
        XCTAssertEqual(canvas.styleMap([red: "r"]), "...rr.")
    }

    func testStylesAreRecordedPerCell() {
        let canvas = GridCanvas(rows: 1, columns: 4)
        let bold = Style(attributes: .bold)
        canvas.put("ab", at: Position(row: 0, column: 1), style: bold)
        XCTAssertEqual(canvas.styleMap([bold: "B", .plain: " "]), " BB ")
    }

    func testResizeKeepsContentThatFits() {
        let canvas = GridCanvas(rows: 2, columns: 4)
        canvas.put("abcd", at: Position(row: 0, column: 0))
        canvas.resize(to: Size(rows: 1, columns: 2))
        XCTAssertEqual(canvas.snapshot(), "ab")
        XCTAssertEqual(canvas.size, Size(rows: 1, columns: 2))
    }

    func testPutOutsideCanvasDrawsNothing() {
        let canvas = GridCanvas(rows: 1, columns: 4)
        XCTAssertEqual(canvas.put("x", at: Position(row: 3, column: 0)), 0)
        XCTAssertEqual(canvas.put("x", at: Position(row: 0, column: -1)), 0)
        XCTAssertEqual(canvas.snapshot(), "")
    }
}
