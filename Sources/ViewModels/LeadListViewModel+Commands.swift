import Core
import Foundation
import Store

/// The list's actions that take words (`filter status=contact pending`, `sort created desc`),
/// parsed with the `:` line's own rules so a key, an action and a `:` line do the same thing.
extension LeadListViewModel {
    /// filter TERM...: a new filter from the terms (the search is kept); `clear` removes all.
    public mutating func filter(terms words: [String]) {
        switch ListCommandWords.filter(words, owners: ((try? store.users()) ?? []).map(\.username)) {
        case .success(nil): clearFilters()
        case .success(let terms?): setFilter(terms.filter(keepingSearch: filter.search))
        case .failure(let error): complain(error.message)
        }
    }

    /// sort-next [KEY [asc|desc]]: the next column without words, else that order (the direction
    /// kept when not given).
    public mutating func sort(words: [String]) {
        guard !words.isEmpty else { return sortNext() }
        switch ListCommandWords.sort(words) {
        case .success(let order): setSort(LeadSort(order.key, ascending: order.ascending ?? sort.ascending))
        case .failure(let error): complain(error.message)
        }
    }
}
