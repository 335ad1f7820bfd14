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
