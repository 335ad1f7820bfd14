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

/// An app with speculative work in steps (as the calendar reads ahead): it logs keys and steps,
/// and a key arrives (is written to the terminal's input) during step `keyAtStep`.
@MainActor
private final class SteppingApp: TerminalApp {
    var log: [String] = []
    var stepsLeft: Int
    let keyAtStep: Int
    let input: Int32
    var steps = 0

    init(steps: Int, keyAtStep: Int, input: Int32) {
        stepsLeft = steps
        self.keyAtStep = keyAtStep
        self.input = input
    }

    func draw(on canvas: Canvas) {}

    func handle(_ event: InputEvent) -> AppResponse {
        for c in ["j", "q"] where event == .key(.char(Character(c))) { log.append("key " + c) }
        return event == .key(.char("q")) ? .quit : .none
    }

    var hasIdleWork: Bool { stepsLeft > 0 }

    func idle() -> AppResponse {
        guard stepsLeft > 0 else {
            _ = Array("q".utf8).withUnsafeBytes { write(input, $0.baseAddress, $0.count) }  // done: quit
            return .none
        }
        steps += 1
        stepsLeft -= 1
        log.append("step \(steps)")
        if steps == keyAtStep { _ = Array("j".utf8).withUnsafeBytes { write(input, $0.baseAddress, $0.count) } }
        return .none
    }
}

/// An app drawing one retained line: it logs whether the canvas still held the line each frame.
@MainActor
private final class RetainingApp: TerminalApp {
    var heldAtDraw: [Bool] = []
    private let line = ValueLine("retained")

    func draw(on canvas: Canvas) {
        let held = canvas.holds(line, row: 0, column: 0, width: 20)
        heldAtDraw.append(held)
        guard !held else { return }
        canvas.putPadded("retained", at: Position(row: 0, column: 0), width: 20, style: .plain)
        canvas.remember(line, row: 0, column: 0, width: 20)
    }

    func handle(_ event: InputEvent) -> AppResponse {
        switch event {
        case .key(.char("j")): return .redraw
        case .key(.char("l")): return .redrawAll
        case .key(.char("q")): return .quit
        default: return .none
        }
    }

    func idle() -> AppResponse { .none }
}

/// Asks the front end's "a key is waiting" check before and after a key reaches the input.
private final class WaitingApp: TerminalApp {
    var waiting: (@Sendable () -> Bool)?
    var answers: [Bool] = []
    let input: Int32

    init(input: Int32) { self.input = input }

    func connectInput(waiting: @escaping @Sendable () -> Bool) { self.waiting = waiting }
    func draw(on canvas: Canvas) {}
    func handle(_ event: InputEvent) -> AppResponse { event == .key(.char("q")) ? .quit : .none }
    var hasIdleWork: Bool { answers.isEmpty }

    func idle() -> AppResponse {
        answers.append(waiting?() ?? false)
        _ = Array("q".utf8).withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
        answers.append(waiting?() ?? false)
        return .none
    }
}

final class RunLoopTests: XCTestCase {
    /// A terminal reading from a pipe `keys` were written to, and the pipe's write end (to close
    /// after the terminal is shut down).
    private func pipedTerminal(keys: String) throws -> (terminal: CursesTerminal, writeEnd: Int32) {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let input = try XCTUnwrap(fdopen(fds[0], "r"))
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        let terminal = try CursesTerminal(term: "xterm-256color", input: input, output: output, ownsFiles: [input, output],
                                          options: CursesTerminal.Options())
        _ = Array(keys.utf8).withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        return (terminal, fds[1])
    }

    /// The run loop hands the app a check that sees a key waiting unread on the terminal's input.
    @MainActor
    func testTheAppIsToldWhenAKeyIsWaiting() async throws {
        let (terminal, writeEnd) = try pipedTerminal(keys: "")
        defer { terminal.shutdown(); close(writeEnd) }
        let app = WaitingApp(input: writeEnd)
        _ = try await CursesRunLoop.run(app, on: terminal)
        XCTAssertEqual(app.answers, [false, true], "nothing waiting, then the q written to the input")
    }

    /// Ctrl-L (`.redrawAll`) repaints a screen that may hold anything: the canvas forgets the
    /// lines it held, so every line is written again, not only sent again.
    @MainActor
    func testRedrawAllDrawsEveryLineAgain() async throws {
        let (terminal, writeEnd) = try pipedTerminal(keys: "jlq")
        defer { terminal.shutdown(); close(writeEnd) }
        let app = RetainingApp()
        _ = try await CursesRunLoop.run(app, on: terminal)
        XCTAssertEqual(app.heldAtDraw, [false, true, false], "first frame, j (held), Ctrl-L (drawn anew)")
        XCTAssertEqual(terminal.cursesLine(0), "retained")
    }

    @MainActor
    func testLoopDrawsHandlesEventsRedrawsOnRequestAndStopsOnQuit() async throws {
        let (terminal, writeEnd) = try pipedTerminal(keys: "jjxq")
        defer { terminal.shutdown(); close(writeEnd) }
        let app = RecordingApp()
        let exit = try await CursesRunLoop.run(app, on: terminal)
        XCTAssertEqual(exit, .quit)
        XCTAssertEqual(app.events, [.key(.char("j")), .key(.char("j")), .key(.char("x")), .key(.char("q"))])
        XCTAssertEqual(app.draws, 3, "first frame plus one per .redraw; .none draws nothing")
        XCTAssertEqual(terminal.cursesLine(0), "row 2 of 80x24")
    }

    @MainActor
    func testResizeEventCarriesNewSizeAndAlwaysRedraws() async throws {
        let (terminal, writeEnd) = try pipedTerminal(keys: "q")
        defer { terminal.shutdown(); close(writeEnd) }
        terminal.simulateResize(rows: 30, columns: 100)
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

    /// Speculative steps run back to back (no read timeout between them) while no key waits, and
    /// a key that arrives during a step is handled before the next step.
    @MainActor
    func testSpeculativeStepsRunWithoutWaitingAndAKeyGoesBeforeTheNextStep() async throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[1]) }
        let input = try XCTUnwrap(fdopen(fds[0], "r"))
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        var options = CursesTerminal.Options()
        options.readTimeoutMilliseconds = 200
        let terminal = try CursesTerminal(term: "xterm-256color", input: input, output: output, ownsFiles: [input, output],
                                          options: options)
        defer { terminal.shutdown() }
        let app = SteppingApp(steps: 6, keyAtStep: 3, input: fds[1])
        let started = Date()
        let exit = try await CursesRunLoop.run(app, on: terminal)
        XCTAssertEqual(exit, .quit)
        XCTAssertEqual(app.log, ["step 1", "step 2", "step 3", "key j", "step 4", "step 5", "step 6", "key q"])
        // One read timeout (200 ms) before the first step; waiting between steps would be 6 of them.
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.2 * 4, "the steps did not wait for the read timeout")
    }
}
