import Core
import Store

/// Tab completion for the `:` line.
extension CommandLineViewModel {
    /// The candidates for the word being typed at the end of `line`, their common prefix, and the
    /// line with that prefix applied. View names may contain spaces: after `view load` / `view delete`
    /// the whole rest of the line is the word.
    public func complete(_ line: String) -> CompletionResult {
        let endsWithSpace = line.last?.isWhitespace ?? false
        var words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        var prefix = endsWithSpace || words.isEmpty ? "" : words.removeLast()
        if words.count >= 2, words[0] == "view", ["load", "delete"].contains(words[1]) {
            let rest = words.dropFirst(2) + (prefix.isEmpty ? [] : [prefix])
            prefix = rest.joined(separator: " ") + (endsWithSpace && !rest.isEmpty ? " " : "")
            words = Array(words.prefix(2))
        }
        let pool = candidates(after: words)
        var seen = Set<String>()
        let matches = pool.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
        let common = Self.commonPrefix(matches)
        let head = words.joined(separator: " ") + (words.isEmpty ? "" : " ")
        let completed: String
        if matches.count == 1 {
            completed = head + matches[0] + " "
        } else if common.count > prefix.count {
            completed = head + common
        } else {
            completed = line
        }
        return CompletionResult(candidates: matches, commonPrefix: common, line: completed)
    }

    /// Every candidate word for the position after `words`.
    func candidates(after words: [String]) -> [String] {
        let statuses = LeadStatus.allCases.map(\.rawValue)
        let sources = LeadSource.allCases.map(\.rawValue)
        guard let first = words.first else { return Self.commandWords + actionNames.sorted() }
        switch (first, words.count) {
        case ("status", 1), ("set-status", 1), ("filter-status", 1): return statuses
        case ("filter-source", 1): return sources
        case ("assign", 1), ("filter-owner", 1): return owners
        case ("filter", _):
            return Self.filterFlags + statuses.map { "status=" + $0 } + sources.map { "source=" + $0 }
                + owners.map { "owner=" + $0 }
        case ("sort", 1), ("sort-next", 1): return LeadSort.Key.allCases.map(\.rawValue)
        case ("sort", 2), ("sort-next", 2): return ["asc", "desc"]
        case ("view", 1): return ["delete", "load", "save"]
        case ("view", 2) where words[1] == "load" || words[1] == "delete": return viewNames
        case ("view-load", 1), ("view-delete", 1): return viewNames
        case ("theme", 1), ("set-theme", 1): return themeNames
        case ("keymap", 1), ("set-keymap", 1): return keymapNames
        default: return []
        }
    }

    /// The longest prefix all `words` share.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
