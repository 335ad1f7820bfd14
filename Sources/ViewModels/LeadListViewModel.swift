import Core
import Foundation
import Store

/// The lead list screen: a virtual window over the Store's keyset queries.
///
/// Only the rows on screen are held (`rows`, at most `visibleRows`). Every movement costs at
/// most one keyset query (two for jumps that keep a lead in place), never OFFSET and never the
/// whole table, so it stays constant-time at a million leads.
///
/// Errors never throw out of an action: they become an error `message` for the status bar.
/// Functions that only read and return data (`savedViews()`) throw.
///
/// Position ("n of N"): the index of the top row is tracked incrementally while moving from a
/// known place (the top, or the bottom once the total is known), so "n" is usually free. After a
/// jump, a reload or a sort/filter change keeping a lead it is unknown and shown as "?" until the
/// UI calls `resolvePosition()` when idle (that costs a COUNT, O(n) for deep positions). "N" comes
/// from `countLeads`, cached per filter; search counts cap at `LeadStore.searchCap` and show as "2000+".
public struct LeadListViewModel: Sendable {
    /// The database the list reads and edits.
    let store: LeadStore
    /// Username of the agent using Closer (default owner, "my" views).
    public let currentUser: String
    /// The clock for message expiry and "today" in dates.
    public var now: @Sendable () -> Date

    /// The filter in effect (during a search it includes the search text).
    public internal(set) var filter: LeadFilter
    /// The order in effect.
    public internal(set) var sort: LeadSort
    /// How many rows the screen shows (`resize(visibleRows:)`).
    public internal(set) var visibleRows: Int
    /// The rows on screen, top to bottom (at most `visibleRows`).
    public internal(set) var rows: [LeadListRow] = []
    /// Screen row of the selection within `rows` (0 when empty).
    public internal(set) var selectedRow = 0
    /// 0-based index of `rows[0]` in the whole list (the scroll position); nil while unknown.
    public internal(set) var topIndex: Int?
    /// Number of leads passing the filter; nil while unknown.
    public internal(set) var total: Int?
    /// The marked leads: ids, or every lead of the filter (mark-all). A filter change clears them
    /// (a cancelled search brings them back), so marks always mean leads this list shows.
    public internal(set) var marked = LeadMarks()
    /// A destructive action waiting for yes/no (`confirm()` / `cancelConfirmation()`).
    public internal(set) var pendingConfirmation: PendingConfirmation?
    /// The latest message for the status bar.
    public internal(set) var message: StatusMessage?
    /// The saved view last loaded (cleared when filter or sort change by hand).
    public internal(set) var currentViewName: String?
    /// What the list looked like when the search started (restored by `cancelSearch()`).
    var searchSnapshot: SearchSnapshot?
    /// The search text whose matches exceed `LeadStore.searchCap` (its count shows as "N+").
    var cappedSearch: String?

    /// A list over `store`, showing the first page of `filter` in `sort`.
    public init(store: LeadStore, currentUser: String, visibleRows: Int = 20, filter: LeadFilter = .all,
                sort: LeadSort = .nameAscending, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.currentUser = currentUser
        self.visibleRows = max(1, visibleRows)
        self.filter = filter
        self.sort = sort
        self.now = now
        loadTop()
    }

    // MARK: - What the UI reads

    /// The selected lead's id, nil when the list is empty.
    public var selectedId: Int64? { rows.indices.contains(selectedRow) ? rows[selectedRow].id : nil }

    /// The selected row, nil when the list is empty.
    public var selectedLead: LeadListRow? { rows.indices.contains(selectedRow) ? rows[selectedRow] : nil }

    /// 0-based index of the selection in the whole list, nil while unknown.
    public var selectedIndex: Int? { topIndex.map { $0 + selectedRow } }

    /// Whether an incremental search is being typed.
    public var isSearching: Bool { searchSnapshot != nil }

    /// The rows to draw, sanitised, with marks and the selection.
    public var displayRows: [LeadListDisplayRow] {
        let date = now()
        let unread = (try? store.unreadLeads(among: rows.map(\.id))) ?? []  // one indexed lookup per window
        return rows.enumerated().map { index, row in
            LeadListDisplayRow(row, isMarked: marked.contains(row.id), isSelected: index == selectedRow, now: date,
                               hasUnread: unread.contains(row.id))
        }
    }

    /// "12 of 3400"; "?" for a part not known yet; "0 of 0" when empty; "2000+" for a capped search count.
    public var positionText: String {
        if rows.isEmpty { return "0 of 0" }
        let index = selectedIndex.map { String($0 + 1) } ?? "?"
        return "\(index) of \(totalText)"
    }

    /// The total as shown: "?" unknown, "2000+" only when a search really has more matches than
    /// the cap (exactly 2,000 matches show as "2000").
    public var totalText: String {
        guard let total else { return "?" }
        if !filter.search.isEmpty && cappedSearch == filter.search { return "\(total)+" }
        return String(total)
    }

    /// Fills in an unknown total and position (COUNT queries). Call when idle, not per keystroke:
    /// `stopWhen` is asked while the counts run (the UI: "a key is waiting"); when it answers true
    /// the count is abandoned and what it would have filled in stays unknown, to be asked again.
    public mutating func resolvePosition(stopWhen stop: @escaping () -> Bool = { false }) {
        do {
            if total == nil {
                let filter = filter, store = store
                guard let counted = try store.interruptible(stopWhen: stop, {
                    (try store.countLeads(filter: filter), try !filter.search.isEmpty && store.searchExceedsCap(filter: filter))
                }) else { return }
                total = counted.0
                cappedSearch = counted.1 ? filter.search : nil
            }
            if topIndex == nil, let id = selectedId {
                let filter = filter, sort = sort, store = store
                guard let answer = try store.interruptible(stopWhen: stop, {
                    try store.position(ofLead: id, filter: filter, sort: sort)
                }) else { return }
                if let position = answer { topIndex = max(0, position - selectedRow) }
            }
        } catch {
            report(error, doing: "Counting leads")
        }
    }

    /// Changes the number of rows on screen, keeping the selection on the same lead.
    public mutating func resize(visibleRows newValue: Int) {
        let height = max(1, newValue)
        guard height != visibleRows else { return }
        visibleRows = height
        guard !rows.isEmpty else { return loadTop() }
        if rows.count > height {
            let drop = max(0, selectedRow - height + 1)
            rows = Array(rows[drop..<(drop + height)])
            selectedRow -= drop
            topIndex = topIndex.map { $0 + drop }
            return
        }
        do {
            if let last = rows.last, rows.count < height {
                rows += try store.leads(filter: filter, sort: sort, after: last.cursor, limit: height - rows.count)
            }
            if let first = rows.first, rows.count < height {
                let before = try store.leads(filter: filter, sort: sort, before: first.cursor, limit: height - rows.count)
                rows = before + rows
                selectedRow += before.count
                topIndex = topIndex.map { $0 - before.count }
            }
        } catch {
            report(error, doing: "Loading leads")
        }
    }

    /// Re-reads the window after the data changed (a sync pulled, a bulk edit): the selection stays
    /// on the same lead if it still passes the filter, else moves to its nearest neighbour (the next
    /// lead in order, or the previous one at the end), at the same screen row where possible.
    public mutating func reload() {
        let wasAtTop = topIndex == 0
        topIndex = nil
        total = nil
        recountMarks()
        guard let current = selectedLead else { return loadTop() }
        do {
            let fresh = try store.cursor(forLead: current.id, sort: sort)
            if let fresh {
                try fill(around: fresh, screenRow: selectedRow)
                if selectedId == current.id {
                    if wasAtTop { try keepTopInView(cursor: fresh) }
                    return settleCheapTotal()
                }
            }
            try fill(around: current.cursor, screenRow: selectedRow)
            settleCheapTotal()
        } catch {
            report(error, doing: "Reloading leads")
        }
    }

    /// After a reload of a window that showed the top of the list: leads that appeared above the
    /// selection (a refused delete coming back, a pulled lead) are shown rather than scrolled off,
    /// while the selection stays on its lead and on screen.
    mutating func keepTopInView(cursor: LeadCursor) throws {
        guard topIndex != 0, let first = rows.first else { return }
        let above = try store.leads(filter: filter, sort: sort, before: first.cursor, limit: visibleRows)
        guard !above.isEmpty, selectedRow + above.count < visibleRows else { return }
        try fill(around: cursor, screenRow: selectedRow + above.count)
        if rows.first?.id == above.first?.id { topIndex = 0 }
    }

    /// Moves the selection to a lead (keeping the screen row where possible); false when the lead
    /// does not pass the filter.
    @discardableResult
    public mutating func select(leadId: Int64) -> Bool {
        do {
            guard let cursor = try store.cursor(forLead: leadId, sort: sort) else { return false }
            let saved = (rows, selectedRow, topIndex)
            try fill(around: cursor, screenRow: selectedRow)
            if selectedId == leadId { return true }
            (rows, selectedRow, topIndex) = saved
            return false
        } catch {
            report(error, doing: "Finding the lead")
            return false
        }
    }

    /// Drops the current message.
    public mutating func clearMessage() { message = nil }

    // MARK: - Window building (internal)

    /// The first page, selection on the first row.
    mutating func loadTop() {
        do {
            rows = try store.leads(filter: filter, sort: sort, limit: visibleRows)
            selectedRow = 0
            topIndex = 0
            if rows.count < visibleRows { total = rows.count } else { settleCheapTotal() }
        } catch {
            rows = []
            selectedRow = 0
            report(error, doing: "Loading leads")
        }
    }

    /// Fills the window around `cursor`: the first row at or after it goes to `screenRow` (or as
    /// close as the list's ends allow); when no row is at or after it, the last row is selected.
    mutating func fill(around cursor: LeadCursor, screenRow: Int) throws {
        let height = visibleRows
        let after = try store.leads(filter: filter, sort: sort, after: cursor, including: true, limit: height)
        let wantBefore = max(min(screenRow, height - 1), height - after.count)
        let before = wantBefore > 0 ? try store.leads(filter: filter, sort: sort, before: cursor, limit: wantBefore) : []
        rows = Array((before + after).prefix(height))
        selectedRow = after.isEmpty ? max(0, rows.count - 1) : before.count
        topIndex = before.count < wantBefore ? 0 : nil
        if wantBefore == 0, !after.isEmpty,
           try store.leads(filter: filter, sort: sort, before: cursor, limit: 1).isEmpty { topIndex = 0 }
        if topIndex == 0 && rows.count < height { total = rows.count }
    }

    /// Counts when that is O(1) (no filter: the store keeps per-status counters).
    mutating func settleCheapTotal() {
        guard total == nil, filter == .all else { return }
        total = try? store.countLeads(filter: filter)
    }

    mutating func report(_ error: Error, doing action: String) {
        message = .error(ErrorText.describe(error, doing: action), now: now())
    }

    mutating func inform(_ text: String) {
        message = .info(text, now: now())
    }

    mutating func complain(_ text: String) {
        message = .error(text, now: now())
    }
}

/// The list as it was when a search began.
struct SearchSnapshot: Sendable {
    var filter: LeadFilter
    var selected: LeadListRow?
    var selectedRow: Int
    var topIndex: Int?
    var total: Int?
    var viewName: String?
    var marks: LeadMarks
}
