internal import CNcursesw

extension CursesTerminal {
    /// Resizes curses' idea of the screen as a SIGWINCH would (queues KEY_RESIZE). For tests.
    func simulateResize(rows: Int, columns: Int) {
        resizeterm(Int32(rows), Int32(columns))
    }
}

extension CursesTerminal {
    /// Records `signal` as if its handler had run. For tests.
    func recordSignalForTesting(_ signal: Int32) {
        TerminalSignals.record(signal)
    }
}
