/// What a terminal front end asks of the application after an event.
public enum AppResponse: Sendable, Hashable {
    /// Nothing changed on screen.
    case none
    /// Draw a new frame (only changed cells reach the terminal).
    case redraw
    /// Repaint every cell (Ctrl-L, after something else wrote to the terminal).
    case redrawAll
    /// Suspend to the shell (Ctrl-Z); the screen is redrawn on return.
    case suspend
    /// Leave the loop and restore the terminal.
    case quit
}

/// The application as a terminal back end drives it: draw a frame, handle an event, and get a
/// chance to run between key reads (background results arrive on the main actor meanwhile).
@MainActor
public protocol TerminalApp: AnyObject {
    /// Draws the whole screen into `canvas` (sized to the terminal).
    func draw(on canvas: Canvas)
    /// Handles one key, mouse action, paste or resize.
    func handle(_ event: InputEvent) -> AppResponse
    /// Called when no input arrived within the read timeout (~50 ms), and again at once while
    /// `hasIdleWork` (with no key waiting).
    func idle() -> AppResponse
    /// Speculative work is left (a pane reading ahead, one small step per `idle`): the loop looks
    /// for input without waiting and, when none is there, calls `idle` again.
    var hasIdleWork: Bool { get }
    /// The front end tells the app how to ask whether a key is waiting unread, so long idle
    /// work can give way to it.
    func connectInput(waiting: @escaping @Sendable () -> Bool)
}

extension TerminalApp {
    /// No speculative work by default.
    public var hasIdleWork: Bool { false }
    /// No idle work that gives way, by default.
    public func connectInput(waiting: @escaping @Sendable () -> Bool) {}
}
