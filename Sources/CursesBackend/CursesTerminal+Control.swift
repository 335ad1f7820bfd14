internal import CNcursesw
import Foundation
import TerminalUI

extension CursesTerminal: TerminalControl {
    /// Copies `text` to the clipboard with OSC 52.
    public func copyToClipboard(_ text: String) {
        writeRaw(ClipboardSequence.osc52(text))
    }

    /// Leaves curses, runs `arguments` (looked up in PATH) on the terminal, waits, and comes back.
    public func runExternal(_ arguments: [String]) throws -> Int32 {
        guard let program = arguments.first else { return 127 }
        leaveForExternal()
        defer { returnFromExternal() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments.dropFirst()
        try process.run()
        process.waitUntilExit()
        TerminalSignals.discardInterrupt()
        return process.terminationStatus
    }

    /// Rings the terminal bell.
    public func bell() {
        beep()
    }
}
