import Foundation
import XCTest
@testable import CursesBackend
import TerminalUI

/// Direct (24-bit) colour, on a terminfo entry compiled for the test (Debian's xterm-direct is
/// in the optional ncurses-term package).
final class DirectColorTests: XCTestCase {
    private static let source = """
    closer-direct-test|xterm-256color with direct colour for Closer's tests,
    \tcolors#0x1000000, pairs#0x10000, RGB,
    \tsetaf=\\E[%?%p1%{8}%<%t3%p1%d%e38:2::%p1%{65536}%/%d:%p1%{256}%/%{255}%&%d:%p1%{255}%&%d%;m,
    \tsetab=\\E[%?%p1%{8}%<%t4%p1%d%e48:2::%p1%{65536}%/%d:%p1%{256}%/%{255}%&%d:%p1%{255}%&%d%;m,
    \tuse=xterm-256color,

    """

    func testRgbColoursAreSentAsIsOnDirectColourTerminals() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-terminfo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sourceFile = directory.appendingPathComponent("direct.src")
        try DirectColorTests.source.write(to: sourceFile, atomically: true, encoding: .utf8)
        let tic = Process()
        tic.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tic.arguments = ["tic", "-x", "-o", directory.path, sourceFile.path]
        tic.standardError = FileHandle.nullDevice
        do { try tic.run() } catch { throw XCTSkip("tic is not installed") }
        tic.waitUntilExit()
        XCTAssertEqual(tic.terminationStatus, 0, "tic compiled the entry")

        let previous = ProcessInfo.processInfo.environment["TERMINFO"]
        setenv("TERMINFO", directory.path, 1)
        defer { if let previous { setenv("TERMINFO", previous, 1) } else { unsetenv("TERMINFO") } }

        let outputPath = directory.appendingPathComponent("out").path
        let input = try XCTUnwrap(fopen("/dev/null", "r"))
        let output = try XCTUnwrap(fopen(outputPath, "w"))
        let terminal = try CursesTerminal(term: "closer-direct-test", input: input, output: output, ownsFiles: [input, output],
                                          options: CursesTerminal.Options())
        defer { terminal.shutdown() }
        XCTAssertEqual(terminal.colorDepth, .direct)
        let colors = terminal.canvas.colors
        XCTAssertEqual(colors.number(.rgb(0x12, 0x34, 0x56), isForeground: true), 0x123456)
        XCTAssertEqual(colors.number(.indexed(3), isForeground: true), 3, "the basic eight stay palette colours")
        XCTAssertEqual(colors.number(.indexed(196), isForeground: true), 0xFF0000, "palette ≥ 8 is sent as its RGB")
        terminal.canvas.put("rgb", at: Position(row: 0, column: 0), style: Style(foreground: .rgb(0x12, 0x34, 0x56)))
        terminal.present()
        fflush(output)
        let written = try String(contentsOfFile: outputPath, encoding: .utf8)
        XCTAssertTrue(written.contains("38:2::18:52:86"), "the 24-bit colour reaches the terminal")
    }
}

final class ColorDepthTests: XCTestCase {
    private func terminal(_ term: String) throws -> CursesTerminal {
        let input = try XCTUnwrap(fopen("/dev/null", "r"))
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        return try CursesTerminal(term: term, input: input, output: output, ownsFiles: [input, output], options: CursesTerminal.Options())
    }

    func testEightColourTerminalGetsNearestBasicColours() throws {
        let xterm = try terminal("xterm")
        defer { xterm.shutdown() }
        XCTAssertEqual(xterm.colorDepth, .basic8)
        XCTAssertEqual(xterm.canvas.colors.number(.rgb(200, 30, 30), isForeground: true), 1)
        XCTAssertEqual(xterm.canvas.colors.number(.indexed(12), isForeground: true), 4, "bright blue becomes blue")
    }

    func testTerminalWithoutColourUsesAttributesOnly() throws {
        let vt = try terminal("vt100")
        defer { vt.shutdown() }
        XCTAssertEqual(vt.colorDepth, .none)
        vt.canvas.put("x", at: Position(row: 0, column: 0), style: Style(foreground: .indexed(1), attributes: .bold))
        let cell = vt.canvas.cell(row: 0, column: 0)
        XCTAssertEqual(cell.pair, 0)
        XCTAssertNotEqual(cell.attributes, 0, "bold is kept")
    }

    func testNoColorOptionSwitchesColoursOff() throws {
        let input = try XCTUnwrap(fopen("/dev/null", "r"))
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        var options = CursesTerminal.Options()
        options.noColor = true
        let terminal = try CursesTerminal(term: "xterm-256color", input: input, output: output, ownsFiles: [input, output], options: options)
        defer { terminal.shutdown() }
        XCTAssertEqual(terminal.colorDepth, .none)
    }
}
