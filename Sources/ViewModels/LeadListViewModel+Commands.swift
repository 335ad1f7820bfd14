import Core
import Foundation
import Store

/// The list's actions that take words (`filter status=contact pending`, `sort created desc`),
/// parsed with the `:` line's own rules so a key, an action and a `:` line do the same thing.
extension LeadListViewModel {
    /// filter TERM...: a new filter from the terms (the search is kept); `clear` removes all.
    public mutating func filter(terms words: [String]) {
        let parser = CommandLineViewModel(store: store, actionNames: [], now: now)
        switch parser.parseFilter(words) {
        case .success(.filterClear):
            clearFilters()
        case .success(.filter(let terms)):
            var newFilter = LeadFilter(search: filter.search)
            newFilter.statuses = Set(terms.statuses.compactMap(LeadStatus.init(rawValue:)))
            newFilter.sources = Set(terms.sources.compactMap(LeadSource.init(rawValue:)))
            newFilter.owners = Set(terms.owners)
            newFilter.hasPending = terms.pending
            newFilter.rejectedOnly = terms.rejected
            newFilter.conflictOnly = terms.conflict
            setFilter(newFilter)
        case .success:
            break
        case .failure(let error):
            complain(error.message)
        }
    }

    /// sort-next [KEY [asc|desc]]: the next column without words, else that order (the direction
    /// kept when not given).
    public mutating func sort(words: [String]) {
        guard !words.isEmpty else { return sortNext() }
        let parser = CommandLineViewModel(store: store, actionNames: [], now: now)
        switch parser.parseSort(words) {
        case .success(.sort(let key, let ascending)):
            guard let sortKey = LeadSort.Key(rawValue: key) else { return complain("sort: \(VendorMessages.invalidChoice(key))") }
            setSort(LeadSort(sortKey, ascending: ascending ?? sort.ascending))
        case .success:
            break
        case .failure(let error):
            complain(error.message)
        }
    }
}
