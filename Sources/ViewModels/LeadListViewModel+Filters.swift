import Foundation
import Core
import Store

/// Filters and sort. A change keeps the selected lead when it still passes, else shows the top.
extension LeadListViewModel {
    /// filter-status STATUS: adds or removes a status from the filter.
    public mutating func filterStatus(_ status: LeadStatus) {
        var next = filter
        if next.statuses.remove(status) == nil { next.statuses.insert(status) }
        setFilter(next)
    }

    /// filter-source SOURCE: adds or removes a source.
    public mutating func filterSource(_ source: LeadSource) {
        var next = filter
        if next.sources.remove(source) == nil { next.sources.insert(source) }
        setFilter(next)
    }

    /// filter-owner OWNER: adds or removes an owner (username).
    public mutating func filterOwner(_ owner: String) {
        let name = TextSanitizerBridge.line(owner).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return complain("owner: \(VendorMessages.blank)") }
        var next = filter
        if next.owners.remove(name) == nil { next.owners.insert(name) }
        setFilter(next)
    }

    /// filter-pending: toggles "only leads with unsent changes".
    public mutating func filterPending() {
        var next = filter
        next.hasPending.toggle()
        setFilter(next)
    }

    /// filter-rejected: toggles "only leads with rejected changes".
    public mutating func filterRejected() {
        var next = filter
        next.rejectedOnly.toggle()
        setFilter(next)
    }

    /// filter-conflict: toggles "only leads with a sync conflict".
    public mutating func filterConflict() {
        var next = filter
        next.conflictOnly.toggle()
        setFilter(next)
    }

    /// filter-unread: toggles "only leads with unread conversation messages" (conversation pane).
    public mutating func filterUnread() {
        var next = filter
        next.unreadOnly.toggle()
        setFilter(next)
    }

    /// clear-filters: shows every lead (the sort stays).
    public mutating func clearFilters() { setFilter(.all) }

    /// Replaces the whole filter.
    public mutating func setFilter(_ newFilter: LeadFilter) {
        guard newFilter != filter else { return }
        currentViewName = nil
        apply(filter: newFilter, sort: sort)
    }

    /// sort-next: name → created → updated → status → touched → name, keeping the direction.
    public mutating func sortNext() {
        let keys = LeadSort.Key.allCases
        let index = keys.firstIndex(of: sort.key) ?? 0
        setSort(LeadSort(keys[(index + 1) % keys.count], ascending: sort.ascending))
    }

    /// sort-reverse: flips ascending / descending.
    public mutating func sortReverse() { setSort(LeadSort(sort.key, ascending: !sort.ascending)) }

    /// Sets the order; the selected lead stays selected.
    public mutating func setSort(_ newSort: LeadSort) {
        guard newSort != sort else { return }
        currentViewName = nil
        apply(filter: filter, sort: newSort)
    }

    /// "status: contact, website · pending · sorted by name ↑" for the list header ("" = all leads).
    public var filterSummary: String {
        var parts: [String] = []
        if !filter.statuses.isEmpty { parts.append("status=" + filter.statuses.map(\.rawValue).sorted().joined(separator: ",")) }
        if !filter.sources.isEmpty { parts.append("source=" + filter.sources.map(\.rawValue).sorted().joined(separator: ",")) }
        if !filter.owners.isEmpty { parts.append("owner=" + filter.owners.sorted().joined(separator: ",")) }
        if filter.hasPending { parts.append("pending") }
        if filter.rejectedOnly { parts.append("rejected") }
        if filter.conflictOnly { parts.append("conflict") }
        parts += DashboardDrillDown.filterParts(filter)  // dashboard drill-downs
        if filter.unreadOnly { parts.append("unread") }
        if !filter.search.isEmpty { parts.append("/" + filter.search) }
        return TextSanitizerBridge.line(parts.joined(separator: " "))
    }

    /// "name asc", "created desc".
    public var sortText: String { sort.key.rawValue + (sort.ascending ? " asc" : " desc") }

    // MARK: - Internal

    /// Switches filter and sort, keeping the selected lead in place when it passes the new filter.
    mutating func apply(filter newFilter: LeadFilter, sort newSort: LeadSort) {
        let selected = selectedLead
        if newFilter != filter && !marked.isEmpty {
            informMarksCleared(marked.count)
            marked = LeadMarks(filter: newFilter)
        }
        marked.selection.filter = newFilter
        filter = newFilter
        sort = newSort
        total = nil
        topIndex = nil
        guard let selected else { return loadTop() }
        do {
            if let cursor = try store.cursor(forLead: selected.id, sort: newSort) {
                try fill(around: cursor, screenRow: selectedRow)
                if selectedId == selected.id { return settleCheapTotal() }
            }
            loadTop()
        } catch {
            report(error, doing: "Filtering leads")
        }
    }
}
