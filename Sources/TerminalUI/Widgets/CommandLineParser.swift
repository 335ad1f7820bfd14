/// A command from the `:` line: an action and its arguments.
public struct CommandInvocation: Sendable, Hashable {
    /// The action to run.
    public var action: Action
    /// Its arguments (e.g. `["contact"]` for `:status contact`).
    public var arguments: [String]

    /// An invocation.
    public init(_ action: Action, _ arguments: [String] = []) {
        self.action = action
        self.arguments = arguments
    }
}

/// Turns `:` lines into actions: any action name (`:sync-now`), plus the short command words
/// `:status contact`, `:filter source=website`, `:sort created`, `:view save NAME`, `:sync`,
/// `:theme NAME`, `:note TEXT`, `:quit`.
public enum CommandLineParser {
    /// Short words accepted besides action names.
    public static let commandWords = ["status", "filter", "sort", "view", "sync", "theme", "note", "find", "q", "quit"]

    /// Parses `line` (without the leading `:`).
    public static func parse(_ line: String, actions: ActionTable = .standard) -> Result<CommandInvocation, CommandLineError> {
        let words = line.split(separator: " ").map(String.init)
        guard let first = words.first else { return .failure(CommandLineError(message: "Type a command, e.g. :status contact")) }
        let rest = Array(words.dropFirst())
        if actions.contains(Action(rawValue: first)) { return .success(CommandInvocation(Action(rawValue: first), rest)) }
        switch first {
        case "q", "quit", "exit": return .success(CommandInvocation(.quit))
        case "sync": return .success(CommandInvocation(.syncNow))
        case "status":
            guard rest.count == 1 else { return .failure(CommandLineError(message: "Usage: :status STATUS")) }
            return .success(CommandInvocation(.setStatus, rest))
        case "sort": return .success(CommandInvocation(.sortNext, rest))
        case "theme":
            guard rest.count == 1 else { return .failure(CommandLineError(message: "Usage: :theme NAME")) }
            return .success(CommandInvocation(.setTheme, rest))
        case "note":
            guard !rest.isEmpty else { return .failure(CommandLineError(message: "Usage: :note TEXT")) }
            return .success(CommandInvocation(.addNote, [rest.joined(separator: " ")]))
        case "find": return .success(CommandInvocation(.search, [rest.joined(separator: " ")]))
        case "view":
            switch (rest.first, rest.count) {
            case ("save", 2): return .success(CommandInvocation(.viewSave, [rest[1]]))
            case ("load", 2): return .success(CommandInvocation(.viewLoad, [rest[1]]))
            case (.some(let name), 1) where name != "save" && name != "load": return .success(CommandInvocation(.viewLoad, [name]))
            default: return .failure(CommandLineError(message: "Usage: :view save NAME | :view load NAME"))
            }
        case "filter": return parseFilter(rest)
        default:
            return .failure(CommandLineError(message: "Unknown command '\(first)'" + KeymapParser.suggestion(for: first, in: commandWords + actions.names)))
        }
    }

    static func parseFilter(_ rest: [String]) -> Result<CommandInvocation, CommandLineError> {
        guard rest.count == 1 else { return .failure(CommandLineError(message: "Usage: :filter status=S | source=S | owner=U | pending | rejected | clear")) }
        let word = rest[0]
        switch word {
        case "pending": return .success(CommandInvocation(.filterPending))
        case "rejected": return .success(CommandInvocation(.filterRejected))
        case "clear", "none", "off": return .success(CommandInvocation(.clearFilters))
        default: break
        }
        let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else { return .failure(CommandLineError(message: "Usage: :filter status=S | source=S | owner=U | pending | rejected | clear")) }
        switch parts[0] {
        case "status": return .success(CommandInvocation(.filterStatus, [parts[1]]))
        case "source": return .success(CommandInvocation(.filterSource, [parts[1]]))
        case "owner": return .success(CommandInvocation(.filterOwner, [parts[1]]))
        default: return .failure(CommandLineError(message: "Unknown filter '\(parts[0])' (status, source, owner)"))
        }
    }
}

/// Why a `:` line could not be understood; `message` is shown in the status bar.
public struct CommandLineError: Error, Sendable, Hashable {
    /// The user-facing explanation.
    public var message: String
}
