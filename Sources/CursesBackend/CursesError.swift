/// Why the terminal could not be taken over.
public enum CursesError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, no tty).
    case notATerminal
    /// `TERM` is not set.
    case termNotSet
    /// terminfo has no entry for `TERM`.
    case unknownTerminal(String)
    /// A curses call failed.
    case cursesFailed(String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .notATerminal: return "closer needs a terminal: standard input and output must be a tty"
        case .termNotSet: return "TERM is not set; set it to your terminal type (e.g. TERM=xterm-256color)"
        case .unknownTerminal(let name): return "unknown terminal type '\(name)' (no terminfo entry); try TERM=xterm-256color"
        case .cursesFailed(let what): return "terminal setup failed: \(what)"
        }
    }
}
