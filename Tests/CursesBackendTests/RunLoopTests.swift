import Foundation
import XCTest
@testable import CursesBackend
import TerminalUI

@MainActor
private final class RecordingApp: TerminalApp {
    var events: [InputEvent] = []
    var draws = 0
    var idles = 0
    var row = 0

    func draw(on canvas: Canvas) {
        draws += 1
        canvas.clear()
        canvas.put("row \(row) of \(canvas.size)", at: Position(row: 0, column: 0))
    }

    func handle(_ event: InputEvent) -> AppResponse {
        events.append(event)
        switch event {
        case .key(.char("j")): row += 1; return .redraw
        case .key(.char("x")): return .none
        case .key(.char("q")): return .quit
        default: return .none
        }
    }

    func idle() -> AppResponse {
        idles += 1
        return .none
    }
}

final class RunLoopTests: XCTestCase {
    @MainActor
    func testLoopDrawsHandlesEventsRedrawsOnRequestAndStopsOnQuit() async throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[1]) }
        let input = try XCTUnwrap(fdopen(fds[0], "r"))
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        let terminal = try CursesTerminal(term: "xterm-256color", input: input, output: output, ownsFiles: [input, output],
                                          options: CursesTerminal.Options())
        defer { terminal.shutdown() }
        let bytes = Array("jjxq".utf8)
        _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        let app = RecordingApp()
        let exit = try await CursesRunLoop.run(app, on: terminal)
        XCTAssertEqual(exit, .quit)
        XCTAssertEqual(app.events, [.key(.char("j")), .key(.char("j")), .key(.char("x")), .key(.char("q"))])
        XCTAssertEqual(app.draws, 3, "first frame plus one per .redraw; .none draws nothing")
        XCTAssertEqual(terminal.cursesLine(0), "row 2 of 80x24")
    }

    @MainActor
    func testResizeEventCarriesNewSizeAndAlwaysRedraws() async throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[1]) }
        let input = try XCTUnwrap(fdopen(fds[0], "r"))
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        let terminal = try CursesTerminal(term: "xterm-256color", input: input, output: output, ownsFiles: [input, output],
                                          options: CursesTerminal.Options())
        defer { terminal.shutdown() }
        terminal.simulateResize(rows: 30, columns: 100)
        _ = Array("q".utf8).withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        let app = RecordingApp()
        _ = try await CursesRunLoop.run(app, on: terminal)
        XCTAssertEqual(app.events.first, .resize(Size(rows: 30, columns: 100)))
        XCTAssertEqual(app.draws, 2, "the app answered .none to the resize, the loop redrew anyway")
        XCTAssertEqual(terminal.cursesLine(0), "row 0 of 100x30")
    }

    @MainActor
    func testTerminationSignalEndsTheLoop() async throws {
        let input = try XCTUnwrap(fopen("/dev/null", "r"))
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        let terminal = try CursesTerminal(term: "xterm-256color", input: input, output: output, ownsFiles: [input, output],
                                          options: CursesTerminal.Options())
        defer { terminal.shutdown() }
        terminal.recordSignalForTesting(SIGTERM)
        let exit = try await CursesRunLoop.run(RecordingApp(), on: terminal)
        XCTAssertEqual(exit, .signal(SIGTERM))
    }

    @MainActor
    func testClosedInputEndsTheLoopInsteadOfSpinning() async throws {
        let input = try XCTUnwrap(fopen("/dev/null", "r"))  // end of file at once, like a vanished terminal
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        let terminal = try CursesTerminal(term: "xterm-256color", input: input, output: output, ownsFiles: [input, output],
                                          options: CursesTerminal.Options())
        defer { terminal.shutdown() }
        let app = RecordingApp()
        let exit = try await CursesRunLoop.run(app, on: terminal)
        XCTAssertEqual(exit, .inputClosed)
        XCTAssertGreaterThanOrEqual(app.idles, 19)
    }
}
