/// What plain `closer` (no subcommand) is started with.
struct TerminalUIOptions: Sendable {
    /// The database file to open.
    var database: String
}

/// Opens the terminal UI. A placeholder until the terminal UI issue lands: it says so and exits.
func runTerminalUI(_ options: TerminalUIOptions) async throws -> Int32 {
    Output.error("closer: the terminal UI is not built yet; try 'closer --help' (database: \(options.database))")
    return 0
}
