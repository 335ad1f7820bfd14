/// A subcommand of `closer`: its spec (name, options, help) and what it does.
/// Add one to `CommandTable.all` to make it available.
protocol Command: Sendable {
    static var spec: CommandSpec { get }
    /// Runs with parsed arguments; returns the exit code (0 success, 1 failure).
    static func run(_ arguments: CommandLineArguments, context: CommandContext) async throws -> Int32
}
