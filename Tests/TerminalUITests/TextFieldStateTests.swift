import XCTest
@testable import TerminalUI

final class TextFieldStateTests: XCTestCase {
    func testTypingInsertsAtCursorAndMovementKeysMoveIt() {
        var field = TextFieldState()
        for c in "helo" { XCTAssertTrue(field.handle(.char(c))) }
        XCTAssertTrue(field.handle(.left))
        XCTAssertTrue(field.handle(.char("l")))
        XCTAssertEqual(field.text, "hello")
        XCTAssertEqual(field.cursor, 4)
        XCTAssertTrue(field.handle(Key(.home)))
        XCTAssertEqual(field.cursor, 0)
        XCTAssertTrue(field.handle(.char(">")))
        XCTAssertTrue(field.handle(Key(.end)))
        XCTAssertTrue(field.handle(.char("!")))
        XCTAssertEqual(field.text, ">hello!")
    }

    func testBackspaceDeleteAndReadlineKeys() {
        var field = TextFieldState(text: "one two three")
        XCTAssertTrue(field.handle(.backspace))
        XCTAssertEqual(field.text, "one two thre")
        XCTAssertTrue(field.handle(.ctrl("w")))
        XCTAssertEqual(field.text, "one two ")
        XCTAssertTrue(field.handle(.ctrl("a")))
        XCTAssertTrue(field.handle(Key(.delete)))
        XCTAssertEqual(field.text, "ne two ")
        XCTAssertTrue(field.handle(.right))
        XCTAssertTrue(field.handle(.ctrl("k")))
        XCTAssertEqual(field.text, "n")
        XCTAssertTrue(field.handle(.ctrl("u")))
        XCTAssertEqual(field.text, "")
        XCTAssertFalse(field.handle(Key(.function(5))), "non-editing keys are left for the caller")
        field.deleteBackward()  // at start: nothing
        XCTAssertEqual(field.text, "")
    }

    func testInsertedTextIsSanitisedToOneLine() {
        var field = TextFieldState()
        field.insert("a\u{1B}[2Jb\nc\u{202E}d")
        XCTAssertEqual(field.text, "ab cd")
    }

    func testMaxLengthLimitsInsertion() {
        var field = TextFieldState(maxLength: 3)
        field.insert("abcdef")
        XCTAssertEqual(field.text, "abc")
    }

    func testHorizontalScrollKeepsCursorVisibleAndNeverCutsWideCharacters() {
        var field = TextFieldState(text: "abcdefghij")
        var shown = field.visible(width: 5)
        XCTAssertEqual(shown.text, "ghij")
        XCTAssertEqual(shown.cursorColumn, 4)
        field.moveHome()
        shown = field.visible(width: 5)
        XCTAssertEqual(shown.text, "abcde")
        XCTAssertEqual(shown.cursorColumn, 0)

        var wide = TextFieldState(text: "日本語テキスト")
        shown = wide.visible(width: 5)
        XCTAssertEqual(shown.text, "スト")
        XCTAssertEqual(shown.cursorColumn, 4)
        wide.moveHome()
        shown = wide.visible(width: 5)
        XCTAssertEqual(shown.text, "日本")
    }

    func testFormFieldDrawsLabelInputCursorAndErrorBelow() {
        let canvas = GridCanvas(rows: 2, columns: 30)
        let theme = ThemeLoader.builtinDefault()
        var field = TextFieldState(text: "not-an-email")
        let cursor = FormFieldView.draw(label: "E-mail", labelWidth: 8, state: &field, error: "Email is not valid", focused: true,
                                        in: Rect(row: 0, column: 0, height: 2, width: 30), canvas: canvas, theme: theme)
        XCTAssertEqual(canvas.snapshot(), """
        E-mail  not-an-email
          Email is not valid
        """)
        XCTAssertEqual(cursor, Position(row: 0, column: 20))
        XCTAssertEqual(canvas.style(row: 0, column: 8), theme.style("form.focused"))
        XCTAssertEqual(canvas.style(row: 1, column: 2), theme.style("form.error"))
    }
}
