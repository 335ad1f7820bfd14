import Core
import ViewModels

/// Supplies completions for the `:` command line.
public protocol CommandCompletionProvider: Sendable {
    /// Candidates for the word being typed: `words` are the complete words before it, `prefix`
    /// is what has been typed of it so far. Return full words (the line keeps the order given).
    func completions(words: [String], prefix: String) -> [String]
}

/// The `:` line completes with the view models' one implementation (command words, action
/// names, statuses, sources, owners, sort keys, views, themes).
extension CommandLineViewModel: CommandCompletionProvider {
    /// The candidates `complete(_:)` finds for `words` followed by `prefix`.
    public func completions(words: [String], prefix: String) -> [String] {
        let line = (words + [prefix]).joined(separator: " ")
        return complete(line).candidates
    }
}
