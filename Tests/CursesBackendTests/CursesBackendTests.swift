import Foundation
import XCTest
@testable import CursesBackend
import TerminalUI

/// Runs the backend on `newterm("xterm-256color", /dev/null, pipe)`: it draws into real curses
/// windows (read back with `mvwinnwstr`/`mvwin_wch`) and decodes bytes written into the pipe.
final class CursesBackendTests: XCTestCase {
    private var writeFD: Int32 = -1
    private var terminal: CursesTerminal!

    override func setUpWithError() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        writeFD = fds[1]
        let input = try XCTUnwrap(fdopen(fds[0], "r"))
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        terminal = try CursesTerminal(term: "xterm-256color", input: input, output: output, ownsFiles: [input, output],
                                      options: CursesTerminal.Options())
    }

    override func tearDown() {
        terminal?.shutdown()
        terminal = nil
        if writeFD >= 0 { close(writeFD) }
        writeFD = -1
    }

    private func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(writeFD, $0.baseAddress, $0.count) }
    }

    private func events(_ text: String) -> [InputEvent] {
        type(text)
        var result: [InputEvent] = []
        while let event = terminal.readEvent() { result.append(event) }
        return result
    }

    func testUnknownTerminalTypeThrowsInsteadOfExiting() throws {
        let input = try XCTUnwrap(fopen("/dev/null", "r"))
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        XCTAssertThrowsError(try CursesTerminal(term: "no-such-terminal-closer", input: input, output: output,
                                                ownsFiles: [input, output], options: CursesTerminal.Options())) { error in
            XCTAssertEqual(error as? CursesError, .unknownTerminal("no-such-terminal-closer"))
            XCTAssertTrue("\(error)".contains("unknown terminal type 'no-such-terminal-closer'"))
        }
    }

    func testCanvasHasTerminalSizeAndDrawsWideCharactersThatReadBack() {
        let canvas = terminal.canvas
        XCTAssertEqual(canvas.size, Size(rows: 24, columns: 80))
        XCTAssertEqual(canvas.put("日本語 Zoë 👍 ok", at: Position(row: 0, column: 0)), 16)
        canvas.put("Zoe\u{0308}", at: Position(row: 1, column: 2))
        terminal.present()
        XCTAssertEqual(terminal.cursesLine(0), "日本語 Zoë 👍 ok")
        XCTAssertEqual(canvas.cell(row: 0, column: 0).text, "日")
        XCTAssertEqual(canvas.cell(row: 0, column: 2).text, "本", "a wide character takes two cells in curses too")
        XCTAssertEqual(canvas.cell(row: 1, column: 4).text, "e\u{0308}", "combining mark stored with its base")
    }

    func testClippingInCursesMatchesTheGridCanvas() {
        let grid = GridCanvas(rows: 24, columns: 80)
        for canvas in [terminal.canvas as Canvas, grid] {
            canvas.put("田中太郎さん", at: Position(row: 3, column: 0), style: .plain, maxColumns: 7)
            canvas.put("abcdefghij", at: Position(row: 4, column: 75))
        }
        XCTAssertEqual(terminal.cursesLine(3), grid.line(3))
        XCTAssertEqual(terminal.cursesLine(4), grid.line(4))
        XCTAssertEqual(grid.line(3), "田中太…")
    }

    func testOneCallRunsOfASCIIAndLatinTextWriteTheSameCellsAsTheGridCanvas() {
        let grid = GridCanvas(rows: 24, columns: 80)
        let red = Style(foreground: .indexed(1), attributes: .bold)
        let lines: [(String, Int, Int)] = [("Aarav Brown", 0, 20), ("Aarav Brown", 2, 6), ("Fjällräven Partners", 0, 12),
                                           ("Müller", 10, 6), ("x", 79, 5), ("abcdef", 0, 1), ("", 0, 4)]
        for canvas in [terminal.canvas as Canvas, grid] {
            for (row, line) in lines.enumerated() {
                let used = canvas.put(line.0, at: Position(row: 5 + row, column: line.1), style: red, maxColumns: line.2)
                canvas.put("|", at: Position(row: 5 + row, column: line.1 + used), style: .plain, maxColumns: 1)
            }
        }
        terminal.present()
        let redCell = terminal.canvas.cell(row: 5, column: 0)
        for row in 5..<(5 + lines.count) {
            XCTAssertEqual(terminal.cursesLine(row), grid.line(row), "row \(row)")
        }
        XCTAssertEqual(grid.line(6), "  Aarav…|")
        XCTAssertEqual(grid.line(7), "Fjällräven …|")
        for column in 0..<11 {
            let cell = terminal.canvas.cell(row: 5, column: column)
            XCTAssertEqual(cell.pair, redCell.pair, "column \(column) keeps the style of the run")
            XCTAssertEqual(cell.attributes, redCell.attributes)
        }
        XCTAssertNotEqual(redCell.attributes, 0, "bold")
        XCTAssertNotEqual(terminal.canvas.cell(row: 5, column: 11).pair, redCell.pair, "the next cell has its own style, not the run's")
        XCTAssertNotEqual(terminal.canvas.cell(row: 5, column: 11).attributes, redCell.attributes, "nor its bold")
    }

    func testHostileTextNeverReachesCursesCells() {
        terminal.canvas.put("x\u{1B}[2J\u{1B}]0;pwn\u{07}\u{9B}31m\u{202E}y\u{0}z", at: Position(row: 2, column: 0))
        XCTAssertEqual(terminal.cursesLine(2), "xyz")
        for column in 0..<5 {
            let text = terminal.canvas.cell(row: 2, column: column).text
            XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }

    func testStylesBecomeAttributesAndSharedColourPairs() {
        let canvas = terminal.canvas
        let red = Style(foreground: .indexed(1), attributes: .bold)
        let alsoRed = Style(foreground: .indexed(1), attributes: .underline)
        let blue = Style(foreground: .rgb(0, 0, 255))
        canvas.put("a", at: Position(row: 0, column: 0), style: red)
        canvas.put("b", at: Position(row: 0, column: 1), style: alsoRed)
        canvas.put("c", at: Position(row: 0, column: 2), style: blue)
        canvas.put("d", at: Position(row: 0, column: 3), style: .plain)
        let a = canvas.cell(row: 0, column: 0), b = canvas.cell(row: 0, column: 1)
        let c = canvas.cell(row: 0, column: 2), d = canvas.cell(row: 0, column: 3)
        XCTAssertEqual(terminal.colorDepth, .indexed256)
        XCTAssertNotEqual(a.pair, 0)
        XCTAssertEqual(a.pair, b.pair, "same colours share a pair")
        XCTAssertNotEqual(a.pair, c.pair)
        XCTAssertNotEqual(d.pair, 0, "plain text has a pair of its own: back from a colour is one SGR, not op + sgr0")
        XCTAssertNotEqual(d.pair, a.pair)
        XCTAssertNotEqual(a.attributes, b.attributes)
        XCTAssertEqual(canvas.colors.number(.rgb(0, 0, 255), isForeground: true), 21, "#0000ff → 256-colour 21")
        XCTAssertEqual(canvas.colors.number(.default, isForeground: true), -1)
    }

    func testFillPaintsWholeRectangle() {
        terminal.canvas.put("xxxxxxxxxx", at: Position(row: 5, column: 0))
        terminal.canvas.fill(Rect(row: 5, column: 2, height: 1, width: 3), style: .plain)
        XCTAssertEqual(terminal.cursesLine(5), "xx   xxxxx")
    }

    func testPrintableControlAndUnicodeKeys() {
        XCTAssertEqual(events("j"), [.key(.char("j"))])
        XCTAssertEqual(events("é日"), [.key(.char("é")), .key(.char("日"))])
        XCTAssertEqual(events("\u{12}"), [.key(.ctrl("r"))])
        XCTAssertEqual(events("\r\t\u{7F}"), [.key(.enter), .key(.tab), .key(.backspace)])
        XCTAssertEqual(events("\u{0}"), [.key(Key(.character(" "), modifiers: .control))])
    }

    func testEscapeAloneAndAltKeys() {
        XCTAssertEqual(events("\u{1B}"), [.key(.escape)])
        XCTAssertEqual(events("\u{1B}x"), [.key(.alt("x"))])
        XCTAssertEqual(events("\u{1B}<"), [.key(.alt("<"))])
        XCTAssertEqual(events("\u{1B}\u{12}"), [.key(Key(.character("r"), modifiers: [.control, .alt]))])
    }

    func testTerminfoKeySequencesDecodeToNamedKeys() throws {
        let cases: [(String, Key)] = [
            ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right), ("khome", Key(.home)), ("kend", Key(.end)),
            ("knp", Key(.pageDown)), ("kpp", Key(.pageUp)), ("kdch1", Key(.delete)), ("kf1", Key(.function(1))),
            ("kf12", Key(.function(12))), ("kcbt", Key(.backTab)),
        ]
        for (capability, key) in cases {
            let sequence = try XCTUnwrap(terminal.keySequence(capability), capability)
            XCTAssertEqual(events(sequence), [.key(key)], capability)
        }
    }

    func testModifiedArrowsFromExtendedTerminfoNames() throws {
        XCTAssertEqual(events("\u{1B}[1;5A"), [.key(Key(.up, modifiers: .control))])
        XCTAssertEqual(events("\u{1B}[1;3C"), [.key(Key(.right, modifiers: .alt))])
        XCTAssertEqual(KeyDecoder.extendedKey(named: "kDN6"), Key(.down, modifiers: [.control, .shift]))
        XCTAssertNil(KeyDecoder.extendedKey(named: "kFOO5"))
    }

    func testUnknownEscapeSequenceIsSwallowedNotTyped() {
        XCTAssertEqual(events("\u{1B}[99;99Zq"), [.key(.char("q"))])
    }

    func testBracketedPasteArrivesAsOneEvent() {
        XCTAssertEqual(events("\u{1B}[200~hello\rwörld \u{1B}[31m\u{1B}[201~j"), [.paste("hello\nwörld \u{1B}[31m"), .key(.char("j"))])
    }

    func testMouseClickAndWheel() {
        XCTAssertEqual(events("\u{1B}[<0;5;3M"), [.mouse(MouseEvent(kind: .click(button: 1), position: Position(row: 2, column: 4)))])
        XCTAssertEqual(events("\u{1B}[<64;1;1M"), [.mouse(MouseEvent(kind: .wheelUp, position: Position(row: 0, column: 0)))])
        XCTAssertEqual(events("\u{1B}[<65;2;2M"), [.mouse(MouseEvent(kind: .wheelDown, position: Position(row: 1, column: 1)))])
    }

    func testNoInputReturnsNil() {
        XCTAssertNil(terminal.readEvent())
    }

    func testShutdownIsIdempotentAndStopsReading() {
        terminal.present()
        terminal.shutdown()
        terminal.shutdown()
        XCTAssertNil(terminal.readEvent())
    }

    func testNotATerminalErrorExplainsItself() {
        XCTAssertEqual(CursesError.notATerminal.description, "closer needs a terminal: standard input and output must be a tty")
        XCTAssertTrue(CursesError.termNotSet.description.contains("TERM is not set"))
    }
}

final class CursesControlTests: XCTestCase {
    func testRunExternalHandsOverTheTerminalAndReturnsStatus() throws {
        let input = try XCTUnwrap(fopen("/dev/null", "r"))
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        let terminal = try CursesTerminal(term: "xterm-256color", input: input, output: output, ownsFiles: [input, output],
                                          options: CursesTerminal.Options())
        defer { terminal.shutdown() }
        terminal.canvas.put("before", at: Position(row: 0, column: 0))
        XCTAssertEqual(try terminal.runExternal(["true"]), 0)
        XCTAssertEqual(try terminal.runExternal(["sh", "-c", "exit 3"]), 3)
        XCTAssertEqual(terminal.cursesLine(0), "before", "the screen contents survive")
    }

    func testExternalEditorEditsThroughTheRunner() throws {
        let editor = ExternalEditor(environment: ["EDITOR": "sed -i s/draft/final/"])
        XCTAssertEqual(editor.command, ["sed", "-i", "s/draft/final/"])
        let input = try XCTUnwrap(fopen("/dev/null", "r"))
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        let terminal = try CursesTerminal(term: "xterm-256color", input: input, output: output, ownsFiles: [input, output],
                                          options: CursesTerminal.Options())
        defer { terminal.shutdown() }
        XCTAssertEqual(try editor.edit("a draft note\n", runner: terminal.runExternal), "a final note")
        let failing = ExternalEditor(environment: ["VISUAL": "false", "EDITOR": "true"])
        XCTAssertThrowsError(try failing.edit("x", runner: terminal.runExternal)) { error in
            XCTAssertEqual(error as? ExternalEditor.Failure, .editorFailed(command: "false", status: 1))
        }
    }
}
