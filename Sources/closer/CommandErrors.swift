/// Bad usage: printed as one line `closer: MESSAGE (see 'closer CMD --help')`, exit code 2.
struct UsageError: Error, Sendable, CustomStringConvertible {
    let message: String
    /// The subcommand whose help to point at (nil: `closer --help`).
    let command: String?

    init(_ message: String, command: String?) {
        self.message = message
        self.command = command
    }

    var description: String {
        let help = command.map { "closer \($0) --help" } ?? "closer --help"
        return "closer: \(message) (see '\(help)')"
    }
}

/// A command that ran but failed: printed as `closer CMD: MESSAGE`, exit code 1.
struct CommandFailure: Error, Sendable, CustomStringConvertible {
    let command: String
    let message: String

    init(_ command: String, _ message: String) {
        self.command = command
        self.message = message
    }

    var description: String { "closer \(command): \(message)" }
}
