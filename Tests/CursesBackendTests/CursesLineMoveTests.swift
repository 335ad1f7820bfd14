import Foundation
import XCTest
@testable import CursesBackend
import TerminalUI

/// The curses canvas moves remembered lines with `copywin` (a list scrolled by a line beside a
/// detail that stays): the window then holds exactly what drawing the frame afresh gives.
final class CursesLineMoveTests: XCTestCase {
    func testAScrolledListBesideAnotherPaneMatchesTheGridCanvasCellForCell() throws {
        let terminal = try CursesTerminal.overDevNull()
        defer { terminal.shutdown() }
        let theme = ThemeLoader.builtinDefault()
        let table = TableView(columns: [TableColumn("Name", width: .flexible(min: 8, weight: 1)), TableColumn("Status", width: .fixed(9))],
                              selectionSpan: 1)
        func rows(from first: Int) -> [TableRow] {
            (first..<(first + 20)).map { n in
                TableRow([TableCell(n % 3 == 0 ? "田中 \(n) 👍" : "Zoë \(n)"), TableCell("contact", element: "status.contact")])
            }
        }
        let list = Rect(row: 1, column: 0, height: 21, width: 40)
        let grid = GridCanvas(size: terminal.canvas.size)
        for canvas in [terminal.canvas as Canvas, grid] {
            canvas.put("detail that stays", at: Position(row: 5, column: 42), style: .plain, maxColumns: 30)
        }
        table.draw(rows: rows(from: 0), selected: 19, in: list, canvas: terminal.canvas, theme: theme)
        for first in [1, 2, 3, 2, 1] {  // j, j, j at the bottom edge, then k, k at the top edge
            table.draw(rows: rows(from: first), selected: first >= 3 ? 19 : 0, in: list, canvas: terminal.canvas, theme: theme)
        }
        table.draw(rows: rows(from: 1), selected: 0, in: list, canvas: grid, theme: theme)
        terminal.present()
        for row in 0..<24 {
            XCTAssertEqual(terminal.cursesLine(row), grid.line(row), "row \(row)")
        }
        XCTAssertEqual(terminal.canvas.cell(row: 2, column: 2).pair, terminal.canvas.cell(row: 2, column: 3).pair)
    }
}
