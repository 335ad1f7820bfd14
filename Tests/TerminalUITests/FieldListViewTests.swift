import XCTest
@testable import TerminalUI

final class FieldListViewTests: XCTestCase {
    let theme = ThemeLoader.builtinDefault()
    let rows = [
        FieldRow.heading("Lead"),
        FieldRow("Name", "田中太郎"),
        FieldRow("Status", "contact", valueElement: "status.contact"),
        FieldRow("E-mail", "taro@example", marker: "⏳", error: "Email is not valid"),
        FieldRow("Phone", "+81 3 1234", conflict: "server: +81 3 9999"),
        FieldRow("Notes", "A long note that has to wrap over more than one line\u{1B}[2J of the pane"),
    ]

    func testLayoutWrapsValuesAndPutsErrorsAndConflictsUnderTheirField() {
        let view = FieldListView(labelWidth: 10)
        let lines = view.layout(rows, width: 40)
        XCTAssertEqual(lines.map(\.kind), [.heading, .first, .first, .first, .error, .first, .conflict, .first, .continuation, .continuation])
        XCTAssertEqual(lines[4].text, "✗ Email is not valid")
        XCTAssertEqual(lines[4].field, 3)
        XCTAssertEqual(lines[6].text, "≠ server: +81 3 9999")
        XCTAssertEqual(view.scroll(toShow: 5, in: lines, height: 4, current: 0), 6, "the whole wrapped note becomes visible")
        XCTAssertEqual(view.scroll(toShow: 1, in: lines, height: 4, current: 6), 1)
    }

    func testDetailSnapshotWithSelectionErrorAndHostileText() {
        let view = FieldListView(labelWidth: 10)
        let canvas = GridCanvas(rows: 10, columns: 40)
        let lines = view.layout(rows, width: 40)
        view.draw(rows, lines: lines, selected: 3, scroll: 0, in: Rect(size: canvas.size), canvas: canvas, theme: theme)
        TestSupport.assertNoControlCharacters(canvas)
        XCTAssertEqual(canvas.snapshot(), """
        Lead
        Name      田中太郎
        Status    contact
        E-mail ⏳ taro@example
                  ✗ Email is not valid
        Phone     +81 3 1234
                  ≠ server: +81 3 9999
        Notes     A long note that has to wrap
                  over more than one line of the
                  pane
        """)
        XCTAssertEqual(canvas.style(row: 3, column: 12), theme.style("list.selected"))
        XCTAssertEqual(canvas.style(row: 4, column: 12), theme.style("detail.error"))
        XCTAssertEqual(canvas.style(row: 2, column: 10), theme.style("status.contact"))
    }

    func testTableRowIndexForMouseClicks() {
        let table = TableView(columns: [TableColumn("A", width: .fixed(5))])
        let rect = Rect(row: 1, column: 0, height: 10, width: 20)
        XCTAssertNil(table.rowIndex(at: Position(row: 1, column: 3), in: rect, rowCount: 5), "header")
        XCTAssertEqual(table.rowIndex(at: Position(row: 2, column: 3), in: rect, rowCount: 5), 0)
        XCTAssertEqual(table.rowIndex(at: Position(row: 6, column: 19), in: rect, rowCount: 5), 4)
        XCTAssertNil(table.rowIndex(at: Position(row: 7, column: 3), in: rect, rowCount: 5), "past the last row")
        XCTAssertNil(table.rowIndex(at: Position(row: 3, column: 20), in: rect, rowCount: 5), "outside")
    }
}

final class FormAndChoiceTests: XCTestCase {
    let theme = ThemeLoader.builtinDefault()

    func testFormMovesFocusEditsFieldAndShowsErrorsUnderFields() {
        var form = FormView(title: "Edit lead", fields: [
            FormView.Field(id: "name", label: "Name", text: "Zoë"),
            FormView.Field(id: "email", label: "E-mail", text: "zoe@"),
            FormView.Field(id: "phone", label: "Phone"),
        ])
        form.setErrors(["email": "Email is not valid"])
        XCTAssertEqual(form.focus, 1, "focus jumps to the first field with an error")
        let canvas = GridCanvas(rows: 7, columns: 40)
        let cursor = form.draw(in: Rect(size: canvas.size), canvas: canvas, theme: theme)
        XCTAssertEqual(canvas.snapshot(), """
        ┌ Edit lead ───────────────────────────┐
        │Name    Zoë                           │
        │E-mail  zoe@                          │
        │  Email is not valid                  │
        │Phone                                 │
        │                                      │
        └──────────────────────────────────────┘
        """)
        XCTAssertEqual(cursor, Position(row: 2, column: 13))
        XCTAssertTrue(form.handle(.char("x")))
        XCTAssertNil(form.fields[1].error, "editing clears the field's error")
        form.moveFocus(1)
        form.paste("+1 555")
        form.moveFocus(1)
        XCTAssertEqual(form.focus, 0, "focus wraps")
        XCTAssertEqual(form.values, ["name": "Zoë", "email": "zoe@x", "phone": "+1 555"])
    }

    func testFormScrollsToKeepFocusedFieldVisible() {
        var form = FormView(title: "F", fields: (0..<10).map { FormView.Field(id: "f\($0)", label: "F\($0)", text: "v\($0)") })
        form.focus(id: "f9")
        let canvas = GridCanvas(rows: 5, columns: 30)
        let cursor = form.draw(in: Rect(size: canvas.size), canvas: canvas, theme: theme)
        XCTAssertEqual(canvas.line(3), "│F9      v9                  │")
        XCTAssertEqual(cursor?.row, 3)
    }

    func testChoicePromptJumpsToOptionByLetter() {
        var prompt = PromptDialog(title: "Status", mode: .choice(options: ["prospect", "tentative", "potential", "closed", "contact", "customer"], selected: 0))
        XCTAssertTrue(prompt.handle(.char("c")))
        XCTAssertEqual(prompt.answer, "closed")
        XCTAssertTrue(prompt.handle(.char("c")))
        XCTAssertEqual(prompt.answer, "contact")
        XCTAssertTrue(prompt.handle(.char("P")))
        XCTAssertEqual(prompt.answer, "prospect")
        XCTAssertFalse(prompt.handle(.char("z")))
        XCTAssertTrue(prompt.handle(Key(.home)))
        XCTAssertEqual(prompt.answer, "prospect")
    }

    func testPastedTextIsOneSanitisedLineInPrompts() {
        var prompt = PromptDialog(title: "Note", mode: .input(TextFieldState()))
        prompt.paste("line one\nline\u{1B}[31m two")
        XCTAssertEqual(prompt.answer, "line one line two")
        var choice = PromptDialog(title: "S", mode: .choice(options: ["a"], selected: 0))
        choice.paste("zzz")
        XCTAssertEqual(choice.answer, "a")
    }

    func testEmptyTableShowsEmptyText() {
        let canvas = GridCanvas(rows: 3, columns: 30)
        TableView(columns: [TableColumn("Name", width: .flexible(min: 4, weight: 1))])
            .draw(rows: [], selected: nil, in: Rect(size: canvas.size), canvas: canvas, theme: theme, emptyText: "No leads match /zoe")
        XCTAssertEqual(canvas.snapshot(), "  Name\n  No leads match /zoe\n")
    }

    func testNoColorListStillShowsSelectionInReverse() {
        let canvas = GridCanvas(rows: 24, columns: 80)
        let mono = ThemeLoader.builtinDefault(noColor: true)
        DemoScreen.draw(canvas, theme: mono)
        for row in canvas.cells {
            for cell in row {
                XCTAssertEqual(cell.style.foreground, .default)
                XCTAssertEqual(cell.style.background, .default)
            }
        }
        XCTAssertTrue(canvas.style(row: 3, column: 5).attributes.contains(.reverse), "selected row")
        XCTAssertFalse(canvas.style(row: 2, column: 5).attributes.contains(.reverse))
    }
}
