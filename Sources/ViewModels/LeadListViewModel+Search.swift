import Store

/// Incremental search: every keystroke re-queries the FTS index from the top of the list.
extension LeadListViewModel {
    /// search: starts typing a search; remembers the filter and selection for `cancelSearch()`.
    public mutating func beginSearch() {
        guard searchSnapshot == nil else { return }
        searchSnapshot = SearchSnapshot(filter: filter, selected: selectedLead, selectedRow: selectedRow,
                                        topIndex: topIndex, total: total, viewName: currentViewName, marks: marked)
    }

    /// The text typed so far (call per keystroke): the list shows the matches from the first one.
    public mutating func updateSearch(_ text: String) {
        if searchSnapshot == nil { beginSearch() }
        let clean = TextSanitizerBridge.line(text)
        guard clean != filter.search else { return }
        filter.search = clean
        total = nil
        marked = LeadMarks(filter: filter)
        if let snapshot = searchSnapshot, filter == snapshot.filter { marked = snapshot.marks }
        loadTop()
    }

    /// Keeps the search as part of the filter (Enter). An empty search just ends searching.
    public mutating func commitSearch() {
        guard let snapshot = searchSnapshot else { return }
        searchSnapshot = nil
        currentViewName = filter.search.isEmpty ? currentViewName : nil
        let cleared = filter != snapshot.filter && !snapshot.marks.isEmpty ? snapshot.marks.count : 0
        if rows.isEmpty {
            inform("No leads match '\(filter.search)'" + (cleared > 0 ? " · \(Self.marksText(cleared)) cleared" : ""))
        } else if cleared > 0 {
            informMarksCleared(cleared)
        }
    }

    /// Drops the search (Esc): the previous filter and the previously selected lead come back.
    public mutating func cancelSearch() {
        guard let snapshot = searchSnapshot else { return }
        searchSnapshot = nil
        filter = snapshot.filter
        currentViewName = snapshot.viewName
        marked = snapshot.marks
        total = snapshot.total
        guard let selected = snapshot.selected else { return loadTop() }
        do {
            let cursor = try store.cursor(forLead: selected.id, sort: sort) ?? selected.cursor
            try fill(around: cursor, screenRow: snapshot.selectedRow)
            if selectedId == selected.id && selectedRow == snapshot.selectedRow && topIndex == nil {
                topIndex = snapshot.topIndex
            }
        } catch {
            report(error, doing: "Restoring the list")
        }
    }

    /// search TEXT (from the `:` line): sets the search text in one go.
    public mutating func search(_ text: String) {
        beginSearch()
        updateSearch(text)
        commitSearch()
    }
}
