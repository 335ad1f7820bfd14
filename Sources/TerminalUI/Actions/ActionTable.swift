/// One entry of the action table: name, one-line description, contexts it applies to, and
/// whether it takes an argument on the `:` command line.
public struct ActionInfo: Hashable, Sendable {
    /// The action.
    public var action: Action
    /// One line for the help screen.
    public var summary: String
    /// Where a binding for it makes sense.
    public var contexts: Set<KeyContext>
    /// What the `:` command line accepts after the name (e.g. "STATUS"), `nil` for none.
    public var argument: String?

    /// An entry.
    public init(_ action: Action, _ summary: String, _ contexts: Set<KeyContext>, argument: String? = nil) {
        self.action = action
        self.summary = summary
        self.contexts = contexts
        self.argument = argument
    }
}

/// Every action the application knows, in help-screen order. Keymaps may only bind these names,
/// the `:` command line completes them, and the help overlay describes them.
public struct ActionTable: Sendable {
    /// Entries in display order.
    public let entries: [ActionInfo]
    private let byName: [Action: ActionInfo]

    /// A table of `entries`. A later duplicate only adds its contexts to the first entry (so a
    /// pane can say "this shared action applies here too" in its own group).
    public init(_ entries: [ActionInfo]) {
        var position: [Action: Int] = [:]
        var ordered: [ActionInfo] = []
        for entry in entries {
            if let index = position[entry.action] {
                ordered[index].contexts.formUnion(entry.contexts)
                continue
            }
            position[entry.action] = ordered.count
            ordered.append(entry)
        }
        self.entries = ordered
        self.byName = Dictionary(uniqueKeysWithValues: ordered.map { ($0.action, $0) })
    }

    /// The entry for `action`, if it exists.
    public func info(_ action: Action) -> ActionInfo? { byName[action] }

    /// Whether `action` exists.
    public func contains(_ action: Action) -> Bool { byName[action] != nil }

    /// Action names in display order (for completion).
    public var names: [String] { entries.map(\.action.rawValue) }

    /// The application's action table.
    public static let standard = ActionTable(StandardActions.all)
}
