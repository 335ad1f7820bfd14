import Foundation
import XCTest
@testable import CursesBackend
import TerminalUI

/// Counts what reaches the terminal: curses must send only the changed cells of a frame.
final class FrameBytesTests: XCTestCase {
    func testNextLineAt80x24SendsOnlyTheChangedRows() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("closer-bytes-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try XCTUnwrap(fopen("/dev/null", "r"))
        let output = try XCTUnwrap(fopen(path, "w"))
        let terminal = try CursesTerminal(term: "xterm-256color", input: input, output: output, ownsFiles: [input, output],
                                          options: CursesTerminal.Options())
        defer { terminal.shutdown() }
        let theme = ThemeLoader.builtinDefault()
        let table = TableView(columns: [
            TableColumn("Name", width: .flexible(min: 10, weight: 2)), TableColumn("Company", width: .flexible(min: 10, weight: 2)),
            TableColumn("Status", width: .fixed(9)), TableColumn("Owner", width: .fixed(8)),
        ])
        let rows = (0..<22).map { i in
            TableRow([TableCell("Lead number \(i)"), TableCell("Company \(i) GmbH"),
                      TableCell("contact", element: "status.contact"), TableCell("alice")])
        }
        func frame(selected: Int) -> Int {
            let canvas = terminal.canvas
            canvas.putPadded("Closer — Leads", at: Position(row: 0, column: 0), width: 80, style: theme.style("title"))
            table.draw(rows: rows, selected: selected, in: Rect(row: 1, column: 0, height: 22, width: 80), canvas: canvas, theme: theme)
            StatusBar.draw(left: [StatusSegment("online")], right: [StatusSegment("\(selected + 1)/22")],
                           in: Rect(row: 23, column: 0, height: 1, width: 80), canvas: canvas, theme: theme)
            terminal.present()
            fflush(output)
            return Int(ftell(output))
        }
        let afterFirst = frame(selected: 0)
        XCTAssertGreaterThan(afterFirst, 1500, "the first frame paints the screen")
        let afterSecond = frame(selected: 1)
        let afterSame = frame(selected: 1)
        if let dump = ProcessInfo.processInfo.environment["CLOSER_DUMP_BYTES"], let data = FileManager.default.contents(atPath: path) { try? data.suffix(afterSecond - afterFirst).write(to: URL(fileURLWithPath: dump)) }
        let perLine = afterSecond - afterFirst
        print("bytes for one next-line frame at 80x24: \(perLine)")
        XCTAssertLessThan(perLine, 400, "only the two changed rows and the counter are sent")
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path)).subdata(in: afterFirst..<afterSecond)
        XCTAssertNil(bytes.range(of: Data("\u{1B}(B".utf8)), "attribute resets carry no character-set reset (3 bytes each)")
        XCTAssertEqual(afterSame - afterSecond, 0, "an unchanged frame sends nothing")
    }

    /// A list that scrolls by one line between a fixed title and status bar: the terminal scrolls
    /// the rows (a scroll region under every TERM here) and only the new row is written.
    func testOneLineScrollWritesOnlyTheNewRow() throws {
        for term in ["xterm-256color", "screen", "vt100"] {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("closer-scroll-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let input = try XCTUnwrap(fopen("/dev/null", "r"))
            let output = try XCTUnwrap(fopen(path, "w"))
            let terminal = try CursesTerminal(term: term, input: input, output: output, ownsFiles: [input, output],
                                              options: CursesTerminal.Options())
            defer { terminal.shutdown() }
            let style = ThemeLoader.builtinDefault().style("title")
            func frame(firstRow: Int) -> Int {
                let canvas = terminal.canvas
                canvas.putPadded("Closer — Leads", at: Position(row: 0, column: 0), width: 80, style: style)
                for row in 1..<23 {
                    canvas.putPadded("Lead number \(firstRow + row) with a company \(firstRow + row) GmbH", at: Position(row: row, column: 0),
                                     width: 80, style: Style())
                }
                canvas.putPadded("status", at: Position(row: 23, column: 0), width: 80, style: style)
                terminal.present()
                fflush(output)
                return Int(ftell(output))
            }
            let start = frame(firstRow: 0)
            let end = frame(firstRow: 1)
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path)).subdata(in: start..<end)
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertLessThan(bytes.count, 100, "\(term): the scroll and the new row only: \(text.debugDescription)")
            XCTAssertTrue(text.contains("Lead number 23 with a company 23 GmbH"), "\(term): the new row is written: \(text.debugDescription)")
            XCTAssertFalse(text.contains("Lead number 22"), "\(term): the rows that scrolled are not rewritten: \(text.debugDescription)")
            XCTAssertNotNil(text.range(of: #"\x{1B}\[\d+;\d+r"#, options: .regularExpression),
                            "\(term): the terminal scrolls the rows: \(text.debugDescription)")
        }
    }
}
