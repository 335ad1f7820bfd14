import Foundation

/// Things only the terminal back end can do, offered to the screens without naming curses.
public protocol TerminalControl: AnyObject {
    /// Puts `text` on the user's clipboard with OSC 52 (works over SSH and in tmux).
    func copyToClipboard(_ text: String)
    /// Hands the terminal to another program (e.g. `$EDITOR`), waits for it, and takes the
    /// terminal back. Returns the program's exit status.
    func runExternal(_ arguments: [String]) throws -> Int32
    /// Rings the bell (an unbound key, an impossible move).
    func bell()
}

/// Builds the OSC 52 "set clipboard" sequence, wrapped for GNU screen when needed.
public enum ClipboardSequence {
    /// The bytes to write to the terminal to copy `text`.
    public static func osc52(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let payload = Data(text.utf8).base64EncodedString()
        let osc = "\u{1B}]52;c;\(payload)\u{07}"
        let term = environment["TERM"] ?? ""
        if term.hasPrefix("screen") && environment["TMUX"] == nil {
            return "\u{1B}P\(osc)\u{1B}\\"  // screen passes DCS contents through to the outer terminal
        }
        return osc
    }
}
