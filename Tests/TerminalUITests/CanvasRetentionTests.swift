import XCTest
@testable import TerminalUI

/// Lines a canvas still holds are not drawn again, lines a scroll moved are moved, and either way
/// the cells are exactly what drawing the frame afresh gives (`CanvasRetention`).
final class CanvasRetentionTests: XCTestCase {
    private let theme = ThemeLoader.builtinDefault()
    private let table = TableView(columns: [
        TableColumn("Name", width: .flexible(min: 8, weight: 1)),
        TableColumn("Status", width: .fixed(9)),
        TableColumn("When", width: .fixed(6), alignRight: true),
    ], selectionSpan: 1)

    private func rows(from first: Int, count: Int) -> [TableRow] {
        (first..<(first + count)).map { n in
            TableRow([TableCell("Lead \(n) Müller"), TableCell(n % 2 == 0 ? "contact" : "lost", element: "status.contact"),
                      TableCell("\(n):00", element: "list.secondary")], isMarked: n % 7 == 0)
        }
    }

    /// The same frame drawn onto a fresh canvas.
    private func fresh(_ rows: [TableRow], selected: Int, size: Size, rect: Rect) -> GridCanvas {
        let canvas = GridCanvas(size: size)
        table.draw(rows: rows, selected: selected, in: rect, canvas: canvas, theme: theme)
        return canvas
    }

    func testScrollingByOneLineMovesTheHeldLinesAndDrawsOnlyTheChangedOnes() {
        let size = Size(rows: 12, columns: 40), rect = Rect(row: 0, column: 0, height: 12, width: 40)
        let canvas = GridCanvas(size: size)
        table.draw(rows: rows(from: 0, count: 11), selected: 10, in: rect, canvas: canvas, theme: theme)
        let before = canvas.cellsWritten
        table.draw(rows: rows(from: 1, count: 11), selected: 10, in: rect, canvas: canvas, theme: theme)  // j at the bottom edge
        let written = canvas.cellsWritten - before
        XCTAssertEqual(canvas.cells, fresh(rows(from: 1, count: 11), selected: 10, size: size, rect: rect).cells)
        XCTAssertLessThanOrEqual(written, 2 * 40, "only the line that lost the selection and the new line are drawn")

        let again = canvas.cellsWritten
        table.draw(rows: rows(from: 0, count: 11), selected: 0, in: rect, canvas: canvas, theme: theme)  // k at the top edge
        XCTAssertEqual(canvas.cells, fresh(rows(from: 0, count: 11), selected: 0, size: size, rect: rect).cells)
        XCTAssertLessThanOrEqual(canvas.cellsWritten - again, 2 * 40)
    }

    func testAMoveInsideThePageDrawsTwoLinesAndAnUnchangedFrameNone() {
        let size = Size(rows: 12, columns: 40), rect = Rect(row: 0, column: 0, height: 12, width: 40)
        let canvas = GridCanvas(size: size)
        table.draw(rows: rows(from: 0, count: 11), selected: 3, in: rect, canvas: canvas, theme: theme)
        var before = canvas.cellsWritten
        table.draw(rows: rows(from: 0, count: 11), selected: 3, in: rect, canvas: canvas, theme: theme)
        XCTAssertEqual(canvas.cellsWritten, before, "nothing changed, nothing drawn")
        before = canvas.cellsWritten
        table.draw(rows: rows(from: 0, count: 11), selected: 4, in: rect, canvas: canvas, theme: theme)
        XCTAssertLessThanOrEqual(canvas.cellsWritten - before, 2 * 40)
        XCTAssertEqual(canvas.cells, fresh(rows(from: 0, count: 11), selected: 4, size: size, rect: rect).cells)
    }

    func testLinesSomethingElseDrewOverAreDrawnAgain() {
        let size = Size(rows: 12, columns: 40), rect = Rect(row: 0, column: 0, height: 12, width: 40)
        let canvas = GridCanvas(size: size)
        table.draw(rows: rows(from: 0, count: 11), selected: 3, in: rect, canvas: canvas, theme: theme)
        canvas.fill(Rect(row: 2, column: 5, height: 4, width: 20), style: theme.style("dialog"))  // a dialog over the list
        canvas.put("Delete?", at: Position(row: 3, column: 7), style: theme.style("dialog"), maxColumns: 10)
        table.draw(rows: rows(from: 1, count: 11), selected: 3, in: rect, canvas: canvas, theme: theme)  // closed, and scrolled
        XCTAssertEqual(canvas.cells, fresh(rows(from: 1, count: 11), selected: 3, size: size, rect: rect).cells)
        XCTAssertFalse(canvas.snapshot().contains("Delete?"))
    }

    func testTheSameCellsInAnotherStyleOrPlaceAreDrawnAgain() {
        let size = Size(rows: 12, columns: 40), rect = Rect(row: 0, column: 0, height: 12, width: 40)
        let canvas = GridCanvas(size: size)
        table.draw(rows: rows(from: 0, count: 11), selected: 3, in: rect, canvas: canvas, theme: theme)
        table.draw(rows: rows(from: 0, count: 11), selected: 3, in: rect, canvas: canvas, theme: theme, focused: false)
        let unfocused = GridCanvas(size: size)
        table.draw(rows: rows(from: 0, count: 11), selected: 3, in: rect, canvas: unfocused, theme: theme, focused: false)
        XCTAssertEqual(canvas.cells, unfocused.cells, "the selection dims when the pane loses the keys")
        let narrow = Rect(row: 0, column: 0, height: 12, width: 30)
        canvas.fill(Rect(size: size), style: .plain)
        table.draw(rows: rows(from: 0, count: 11), selected: 3, in: narrow, canvas: canvas, theme: theme)
        XCTAssertEqual(canvas.cells, fresh(rows(from: 0, count: 11), selected: 3, size: size, rect: narrow).cells)
    }

    func testDetailLinesAreKeptUntilTheyChange() {
        let view = FieldListView(labelWidth: 8)
        let fieldRows = [FieldRow.heading("Ana"), FieldRow("E-mail", "ana@example.com"), FieldRow("Phone", "—", valueElement: "dim")]
        let rect = Rect(row: 0, column: 0, height: 6, width: 30)
        let lines = view.layout(fieldRows, width: 30)
        let canvas = GridCanvas(size: Size(rows: 6, columns: 30))
        view.draw(fieldRows, lines: lines, selected: 1, scroll: 0, in: rect, canvas: canvas, theme: theme)
        let before = canvas.cellsWritten
        view.draw(fieldRows, lines: lines, selected: 1, scroll: 0, in: rect, canvas: canvas, theme: theme)
        XCTAssertEqual(canvas.cellsWritten, before)
        view.draw(fieldRows, lines: lines, selected: 2, scroll: 0, in: rect, canvas: canvas, theme: theme)
        let other = GridCanvas(size: Size(rows: 6, columns: 30))
        view.draw(fieldRows, lines: lines, selected: 2, scroll: 0, in: rect, canvas: other, theme: theme)
        XCTAssertEqual(canvas.cells, other.cells)
        XCTAssertLessThanOrEqual(canvas.cellsWritten - before, 2 * 30)
    }
}

/// A canvas whose line moves fail after moving every row (as `copywin` failing on the last row
/// would): it forgets the rect and says no.
private final class FailingMoveCanvas: Canvas {
    let grid: GridCanvas
    private let retention = CanvasRetention()
    var cursor: Position?

    init(size: Size) {
        grid = GridCanvas(size: size)
        retention.reset(size: size)
    }

    var size: Size { grid.size }

    func put(_ text: String, at position: Position, style: Style, maxColumns: Int) -> Int {
        retention.touch(row: position.row, column: position.column, width: min(maxColumns, size.columns - position.column))
        return grid.put(text, at: position, style: style, maxColumns: maxColumns)
    }

    func fill(_ rect: Rect, style: Style) {
        retention.touch(rect)
        grid.fill(rect, style: style)
    }

    func holds(_ key: CanvasLine, row: Int, column: Int, width: Int) -> Bool {
        retention.holds(key, row: row, column: column, width: width, size: size)
    }

    func remember(_ key: CanvasLine, row: Int, column: Int, width: Int) {
        retention.remember(key, row: row, column: column, width: width, size: size)
        grid.remember(key, row: row, column: column, width: width)
    }

    func moveLines(_ rect: Rect, by offset: Int) -> Bool {
        guard retention.canMove(rect, by: offset, size: size), grid.moveLines(rect, by: offset) else { return false }
        retention.touch(rect)
        return false
    }
}

final class FailedLineMoveTests: XCTestCase {
    func testAMoveThatFailedPartwayRedrawsTheLinesItOverwrote() {
        let theme = ThemeLoader.builtinDefault()
        let table = TableView(columns: [TableColumn("Name", width: .flexible(min: 8, weight: 1))])
        let size = Size(rows: 9, columns: 30), rect = Rect(row: 0, column: 0, height: 9, width: 30)
        func rows(_ names: [String]) -> [TableRow] { names.map { TableRow([TableCell($0)]) } }
        let before = rows(["same", "gone"] + (1...6).map { "Lead \($0)" })
        let after = rows(["same"] + (1...7).map { "Lead \($0)" })  // "same" held in place, the rest one row up
        let canvas = FailingMoveCanvas(size: size)
        table.draw(rows: before, selected: nil, in: rect, canvas: canvas, theme: theme)
        table.draw(rows: after, selected: nil, in: rect, canvas: canvas, theme: theme)
        let fresh = GridCanvas(size: size)
        table.draw(rows: after, selected: nil, in: rect, canvas: fresh, theme: theme)
        XCTAssertEqual(canvas.grid.snapshot(), fresh.snapshot())
        XCTAssertTrue(canvas.grid.cells == fresh.cells, "cells and styles as a fresh frame's")
    }
}

final class LineMoveEdgeTests: XCTestCase {
    /// The top row of an upward move is written, not read: when it holds no line of the rect's
    /// columns (here a CJK character across the list's right edge, in the separator) nothing moves,
    /// so the character is not cut in half.
    func testNoMoveWhenARowItWritesHoldsAWideCharacterAcrossTheEdge() {
        let canvas = GridCanvas(size: Size(rows: 5, columns: 20))
        let rect = Rect(row: 0, column: 0, height: 5, width: 10)
        for row in 1..<5 {
            let line = ValueLine("Lead \(row)")
            canvas.putPadded("Lead \(row)", at: Position(row: row, column: 0), width: 10, style: .plain)
            canvas.remember(line, row: row, column: 0, width: 10)
        }
        canvas.put("田中", at: Position(row: 0, column: 9), style: .plain, maxColumns: 4)
        XCTAssertFalse(canvas.moveLines(rect, by: 1))
        XCTAssertEqual(canvas.line(0), String(repeating: " ", count: 9) + "田中")
        XCTAssertEqual(canvas.cells[0][9], Cell(grapheme: "田", width: 2), "the continuation in column 10 keeps its character")
    }
}
