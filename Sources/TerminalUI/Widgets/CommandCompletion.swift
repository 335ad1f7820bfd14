import Core

/// Supplies completions for the `:` command line.
public protocol CommandCompletionProvider: Sendable {
    /// Candidates for the word being typed: `words` are the complete words before it, `prefix`
    /// is what has been typed of it so far. Return full words (the line keeps the order given).
    func completions(words: [String], prefix: String) -> [String]
}

/// Completion over action names, the command words (`status`, `filter`, `sort`, `view`, `sync`,
/// `theme`, `quit`, ...) and their arguments (statuses, sources, owners, sort fields, views, themes).
public struct StandardCommandCompletion: CommandCompletionProvider {
    /// The action table (every action name is a command).
    public var actions: ActionTable
    /// Sort field names for `:sort`.
    public var sortFields: [String]
    /// Theme names for `:theme`.
    public var themes: [String]
    /// Saved view names for `:view load`.
    public var views: [String]
    /// User names for `:assign` and `:filter owner=`.
    public var owners: [String]

    /// A provider with the given argument lists.
    public init(actions: ActionTable = .standard, sortFields: [String] = [], themes: [String] = [], views: [String] = [], owners: [String] = []) {
        self.actions = actions
        self.sortFields = sortFields
        self.themes = themes
        self.views = views
        self.owners = owners
    }

    /// Command words and action names first; then the arguments of the command typed.
    public func completions(words: [String], prefix: String) -> [String] {
        let candidates: [String]
        if words.isEmpty {
            candidates = CommandLineParser.commandWords + actions.names
        } else {
            candidates = arguments(for: words)
        }
        var seen = Set<String>()
        return candidates.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
    }

    private func arguments(for words: [String]) -> [String] {
        let statuses = LeadStatus.allCases.map(\.rawValue), sources = LeadSource.allCases.map(\.rawValue)
        switch (words[0], words.count) {
        case ("status", 1), ("set-status", 1), ("filter-status", 1): return statuses
        case ("filter-source", 1): return sources
        case ("assign", 1), ("filter-owner", 1): return owners
        case ("filter", _):
            return ["pending", "rejected", "clear"] + statuses.map { "status=" + $0 } + sources.map { "source=" + $0 } + owners.map { "owner=" + $0 }
        case ("sort", 1), ("sort-next", 1): return sortFields
        case ("view", 1): return ["save", "load"] + views
        case ("view", 2) where words[1] == "load": return views
        case ("view-load", 1): return views
        case ("theme", 1), ("set-theme", 1): return themes
        case ("help", 1): return actions.names
        default: return []
        }
    }
}
