/// What the `:` line asks for that the view models cannot do themselves; the UI runs it.
public enum Command: Sendable, Equatable {
    /// `:sync` — start a sync now.
    case sync
    /// `:theme NAME` — switch theme.
    case theme(String)
    /// `:keymap NAME` — switch keymap.
    case keymap(String)
    /// `:quit` / `:q`.
    case quit
    /// An action from the action table by name (`:cursor-bottom`, `:set-status contact`, `:note TEXT` → add-note).
    case runAction(name: String, arguments: [String])
}

/// A parsed `:` line.
public enum ParsedCommand: Sendable, Equatable {
    /// `:status STATUS` — set the status of the marked / selected leads.
    case setStatus(LeadStatusValue)
    /// `:filter TERM...` — a new filter built from the terms (the search text is kept).
    case filter(FilterTerms)
    /// `:filter clear`.
    case filterClear
    /// `:sort KEY [asc|desc]` — nil direction keeps the current one.
    case sort(key: String, ascending: Bool?)
    /// `:view save NAME`.
    case viewSave(String)
    /// `:view load NAME`.
    case viewLoad(String)
    /// `:view delete NAME`.
    case viewDelete(String)
    /// `:search TEXT` (empty clears the search).
    case search(String)
    /// `:push NAME` — queue the marked / selected leads for the destination remote NAME (providers, issue 8).
    case push(String)
    /// Something for the UI (sync, theme, keymap, quit, an action).
    case command(Command)
}

/// The status word of `:status`, kept as its wire value (validated by the parser).
public typealias LeadStatusValue = String

/// The parts of `:filter status=contact source=website owner=ana pending rejected conflict`.
public struct FilterTerms: Sendable, Equatable {
    public var statuses: [String] = []
    public var sources: [String] = []
    public var owners: [String] = []
    public var pending = false
    public var rejected = false
    public var conflict = false
    /// Only leads with unread conversation messages.
    public var unread = false

    /// Empty terms.
    public init() {}
}

/// Why a `:` line was refused: one line for the status bar, e.g. `unknown command 'x'`.
public struct CommandLineError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// What running a `:` line did.
public enum CommandOutcome: Sendable, Equatable {
    /// Done by the view model (its message says what happened); nothing for the UI to do.
    case handled
    /// The UI must do this.
    case command(Command)
    /// Refused or failed; the text is also the command line's `message`.
    case failed(String)
}

/// Completions for a partial `:` line.
public struct CompletionResult: Sendable, Equatable {
    /// Every full word that fits what was typed, in a stable order.
    public let candidates: [String]
    /// The longest common prefix of the candidates ("" when none).
    public let commonPrefix: String
    /// The line after pressing Tab: the current word extended to the common prefix (and a space
    /// after it when exactly one candidate fits).
    public let line: String
}
