import Store

/// Movement: each costs at most one keyset query of at most a page.
extension LeadListViewModel {
    /// cursor-down: the next lead; the view scrolls one line at the bottom edge.
    public mutating func cursorDown() {
        guard !rows.isEmpty else { return }
        if selectedRow < rows.count - 1 {
            selectedRow += 1
            return
        }
        scroll(forward: 1, keepLead: false)
    }

    /// cursor-up: the previous lead; the view scrolls one line at the top edge.
    public mutating func cursorUp() {
        guard !rows.isEmpty else { return }
        if selectedRow > 0 {
            selectedRow -= 1
            return
        }
        scroll(backward: 1, keepLead: false)
    }

    /// page-down: view and selection move down one page (the selection stops at the last lead).
    public mutating func pageDown() { scroll(forward: visibleRows, keepLead: false) }

    /// page-up: view and selection move up one page (the selection stops at the first lead).
    public mutating func pageUp() { scroll(backward: visibleRows, keepLead: false) }

    /// half-page-down: like page-down by half the height.
    public mutating func halfPageDown() { scroll(forward: max(1, visibleRows / 2), keepLead: false) }

    /// half-page-up: like page-up by half the height.
    public mutating func halfPageUp() { scroll(backward: max(1, visibleRows / 2), keepLead: false) }

    /// scroll-down: the view moves one line; the selection stays on its lead while it is on screen.
    public mutating func scrollDown() { scroll(forward: 1, keepLead: true) }

    /// scroll-up: the view moves one line; the selection stays on its lead while it is on screen.
    public mutating func scrollUp() { scroll(backward: 1, keepLead: true) }

    /// cursor-top: the first lead.
    public mutating func cursorTop() { loadTop() }

    /// cursor-bottom: the last lead (one `lastLeads` query).
    public mutating func cursorBottom() {
        do {
            rows = try store.lastLeads(filter: filter, sort: sort, limit: visibleRows)
            selectedRow = max(0, rows.count - 1)
            if rows.count < visibleRows {
                topIndex = 0
                total = rows.count
            } else {
                topIndex = total.map { max(0, $0 - rows.count) }
            }
        } catch {
            report(error, doing: "Loading leads")
        }
    }

    /// search-next: in a search the list holds only matches, so this is the next line.
    public mutating func searchNext() { cursorDown() }

    /// search-previous: the previous match.
    public mutating func searchPrevious() { cursorUp() }

    // MARK: - Internal

    /// Fetches up to `lines` rows after the window, scrolls the view by as many as came back and moves
    /// the selection down `lines` (clamped), or keeps it on its lead with `keepLead`.
    mutating func scroll(forward lines: Int, keepLead: Bool) {
        guard let last = rows.last else { return }
        do {
            let fetched = try store.leads(filter: filter, sort: sort, after: last.cursor, limit: lines)
            let combined = rows + fetched
            let drop = max(0, combined.count - visibleRows)
            let target = keepLead ? max(selectedRow, drop) : min(selectedRow + lines, combined.count - 1)
            rows = Array(combined.dropFirst(drop))
            selectedRow = target - drop
            topIndex = topIndex.map { $0 + drop }
            if fetched.count < lines, let top = topIndex { total = top + rows.count }
        } catch {
            report(error, doing: "Loading leads")
        }
    }

    /// The mirror image of `scroll(forward:)`.
    mutating func scroll(backward lines: Int, keepLead: Bool) {
        guard let first = rows.first else { return }
        do {
            let fetched = try store.leads(filter: filter, sort: sort, before: first.cursor, limit: lines)
            let combined = fetched + rows
            let kept = Array(combined.prefix(visibleRows))
            let shifted = fetched.count + selectedRow
            let target = keepLead ? min(shifted, kept.count - 1) : max(shifted - lines, 0)
            rows = kept
            selectedRow = min(target, kept.count - 1)
            if fetched.count < lines { topIndex = 0 } else { topIndex = topIndex.map { $0 - fetched.count } }
        } catch {
            report(error, doing: "Loading leads")
        }
    }
}
