internal import CNcursesw

/// The one Swift file that touches the shim's signal and crash state.
///
/// The shim keeps that state in `static` C variables, and every Swift file that calls the shim
/// gets its own copy of them. Calling them only from here keeps a single copy.
enum TerminalSignals {
    /// Records SIGINT, SIGTERM and SIGHUP in a flag (the handler does nothing else).
    static func installTerminationHandlers() { closer_install_signal_handlers() }
    /// Restores the saved tty modes on SIGSEGV, SIGILL, SIGABRT... then lets the old handler run.
    static func installCrashHandlers() { closer_install_crash_handlers() }
    /// Saves the tty modes the crash handler restores.
    static func saveTerminalState(input: Int32, output: Int32) { closer_save_terminal_state(input, output) }
    /// Tells the exit and crash paths whether curses owns the terminal.
    static func setCursesActive(_ active: Bool) { closer_set_curses_active(active ? 1 : 0) }
    /// The termination signal received since the last call, or 0.
    static func take() -> Int32 { closer_take_signal() }
    /// Records `signal` as if it had arrived (tests).
    static func record(_ signal: Int32) { closer_raise(signal) }
    /// Forgets a SIGINT that was meant for a program we ran on the terminal.
    static func discardInterrupt() { closer_discard_interrupt() }
    /// Stops the process for job control and returns when continued.
    static func stopSelf() { closer_stop_self() }
}
