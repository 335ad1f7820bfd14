import Core
import Foundation
import XCTest
@testable import CursesBackend
import TerminalUI

/// A grapheme curses (wcwidth) counts two columns wide where Closer counts one is drawn as a
/// narrow stand-in: curses would otherwise write its second half into the next cell, over a
/// line the canvas still holds, and that cell would never be drawn again.
final class CursesWidthMismatchTests: XCTestCase {
    func testAGraphemeCursesCountsWiderKeepsTheNextCellAsDrawn() throws {
        let terminal = try CursesTerminal.overDevNull()
        defer { terminal.shutdown() }
        let candidates = (0x2000...0x1FAFF).lazy.compactMap(Unicode.Scalar.init)
        guard let scalar = candidates.first(where: { scalar in
            let text = String(Character(scalar))
            return CanvasText.cells(of: text, maxColumns: 4).map(\.width) == [1] && CursesCanvas.cursesWidth(of: text) == 2
        }) else { throw XCTSkip("this C library's wcwidth agrees with Closer's widths") }
        let canvas = terminal.canvas
        let neighbour = ValueLine("next")
        canvas.putPadded("next", at: Position(row: 0, column: 1), width: 4, style: .plain)
        canvas.remember(neighbour, row: 0, column: 1, width: 4)
        canvas.put(String(Character(scalar)), at: Position(row: 0, column: 0), style: .plain, maxColumns: 1)
        XCTAssertTrue(canvas.holds(neighbour, row: 0, column: 1, width: 4))
        XCTAssertEqual(canvas.cell(row: 0, column: 1).text, "n", "U+\(String(scalar.value, radix: 16, uppercase: true))")
        XCTAssertEqual(canvas.cell(row: 0, column: 0).text, CursesCanvas.narrowStandIn)
    }
}
