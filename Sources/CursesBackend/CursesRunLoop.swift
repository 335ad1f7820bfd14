import TerminalUI

/// Runs a `TerminalApp` on the real terminal: read (≤ 50 ms), handle, draw only when asked,
/// yield to the main actor between reads, and restore the terminal however the loop ends.
@MainActor
public enum CursesRunLoop {
    /// How the loop ended.
    public enum Exit: Equatable, Sendable {
        /// The app asked to quit.
        case quit
        /// SIGINT, SIGTERM or SIGHUP arrived (the number is given; exit with 128 + it).
        case signal(Int32)
        /// The terminal's input ended (e.g. the connection dropped without SIGHUP).
        case inputClosed
    }

    /// Takes over the terminal, runs `app` until it quits or a termination signal arrives, and
    /// gives the terminal back, also when `app` throws.
    public static func run(_ app: TerminalApp, options: CursesTerminal.Options = CursesTerminal.Options()) async throws -> Exit {
        let terminal = try CursesTerminal(options: options)
        defer { terminal.shutdown() }
        return try await run(app, on: terminal)
    }

    /// Runs `app` on an already set-up terminal (which the caller shuts down); `afterFirstFrame`
    /// runs once the first frame has reached the terminal (start-up work the frame does not need).
    public static func run(_ app: TerminalApp, on terminal: CursesTerminal,
                           afterFirstFrame: () -> Void = {}) async throws -> Exit {
        terminal.canvas.clear()
        app.connectInput(waiting: terminal.keyWaiting)
        app.draw(on: terminal.canvas)
        terminal.present()
        afterFirstFrame()
        while true {
            if let signal = terminal.takeTerminationSignal() { return .signal(signal) }
            if terminal.inputClosed { return .inputClosed }
            var response: AppResponse
            // With speculative work left, look for a key without waiting: a key is handled first,
            // the work's next step only when none is waiting.
            if let event = terminal.readEvent(waitMilliseconds: app.hasIdleWork ? 0 : nil) {
                response = app.handle(event)
                if case .resize = event {  // the old frame no longer fits: always draw anew
                    terminal.canvas.clear()
                    if response == .none { response = .redraw }
                }
            } else {
                response = app.idle()
            }
            switch response {
            case .none: break
            case .redraw:
                app.draw(on: terminal.canvas)
                terminal.present()
            case .redrawAll:  // Ctrl-L: the screen may hold anything, so forget what the canvas holds and draw every line
                terminal.invalidate()
                terminal.canvas.clear()
                app.draw(on: terminal.canvas)
                terminal.present()
            case .suspend:
                terminal.suspend()
                app.draw(on: terminal.canvas)
                terminal.present()
            case .quit:
                return .quit
            }
            try Task.checkCancellation()
            await Task.yield()
        }
    }
}
