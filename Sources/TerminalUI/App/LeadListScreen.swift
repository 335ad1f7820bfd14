import Core
import ViewModels

/// Draws the lead list view model: a table of the visible rows (sync mark, name, company,
/// coloured status, source, owner, last activity) with header, selection and marks, plus the
/// title text (view, filter, sort, "n of N").
public enum LeadListScreen {
    /// The list's columns; widths follow the display width available, lower priorities hide first.
    public static let table = makeTable(withCompany: true)

    /// The table; without the company column when no visible lead has one (seed 001 has no companies).
    public static func makeTable(withCompany: Bool, ownerWidth: Int = 8) -> TableView {
        TableView(columns: columns(withCompany: withCompany, ownerWidth: ownerWidth), selectionSpan: 2)  // gutter, sync mark, name
    }

    static func columns(withCompany: Bool, ownerWidth: Int) -> [TableColumn] {
        [
        TableColumn("", width: .fixed(1), priority: 9),
        TableColumn("Name", width: .flexible(min: 12, weight: 5), priority: 10),
        TableColumn("Company", width: withCompany ? .flexible(min: 8, weight: 4) : .fixed(0), priority: withCompany ? 6 : -1),
        TableColumn("Status", width: .fixed(LeadStatus.allCases.map { $0.rawValue.count }.max() ?? 9), priority: 8),
        TableColumn("Source", width: .fixed(LeadSource.allCases.map { $0.rawValue.count }.max() ?? 9), priority: 3),
        TableColumn("Owner", width: .fixed(ownerWidth), priority: 5),
        TableColumn("Activity", width: .fixed(10), alignRight: true, priority: 4),
        ]
    }

    /// Rows of data that fit in a pane `height` rows tall.
    public static func visibleRows(height: Int) -> Int { max(1, table.visibleRowCount(height: height)) }

    /// The table rows of the list's visible window.
    public static func rows(of list: LeadListViewModel) -> [TableRow] {
        list.displayRows.map { row in
            TableRow([
                row.syncMark == .none && row.hasUnread
                    ? TableCell("●", element: "list.marked")  // unread conversation (a sync problem shows first)
                    : TableCell(row.syncSymbol, element: syncElement(row.syncMark)),
                TableCell(row.name),
                TableCell(row.company),
                TableCell(row.statusText, element: ThemeElement.status(row.status)),
                TableCell(row.sourceText, element: "list.secondary"),
                TableCell(row.owner),
                TableCell(row.lastActivityText, element: "list.secondary"),
            ], isMarked: row.isMarked)
        }
    }

    /// The theme element of a sync mark.
    public static func syncElement(_ mark: SyncMark) -> String {
        switch mark {
        case .none: return "sync"
        case .pending: return "sync.pending"
        case .rejected, .deletedRemotely: return "sync.rejected"
        case .conflict: return "sync.conflict"
        }
    }

    /// "All leads · /zoe · sort name asc · 12 of 2000" (view name, filter, sort, position).
    public static func title(of list: LeadListViewModel) -> String {
        title(of: list, width: Int.max)
    }

    /// The title in at most `width` columns, giving up the least important part first: the sort,
    /// then the view name's tail, then the filter's tail — never the marked count or "n of N".
    public static func title(of list: LeadListViewModel, width: Int) -> String {
        var view = list.currentViewName.map { TextSanitizer.line($0) } ?? "All leads"
        var filter = list.filterSummary
        var sort: String? = "sort " + list.sortText
        let tail = (list.marked.isEmpty ? [] : ["\(list.marked.count) marked"]) + [list.positionText]
        func joined() -> String { ([view] + (filter.isEmpty ? [] : [filter]) + (sort.map { [$0] } ?? []) + tail).joined(separator: " · ") }
        if DisplayWidth.of(joined()) <= width { return joined() }
        sort = nil
        if DisplayWidth.of(joined()) <= width { return joined() }
        let fixed = DisplayWidth.of(tail.joined(separator: " · "))
        if DisplayWidth.of(view) > 12 { view = DisplayWidth.clip(view, to: 12) }
        if DisplayWidth.of(joined()) <= width { return joined() }
        if !filter.isEmpty {
            let room = width - fixed - DisplayWidth.of(view) - 6
            filter = room >= 4 ? DisplayWidth.clip(filter, to: room) : "…"
            if DisplayWidth.of(joined()) <= width { return joined() }
        }
        return tail.joined(separator: " · ")
    }

    /// Draws the table into `rect`, its columns chosen from the visible rows alone.
    public static func draw(_ list: LeadListViewModel, in rect: Rect, canvas: Canvas, theme: Theme, focused: Bool) {
        var columns = LeadListColumns()
        draw(list, in: rect, canvas: canvas, theme: theme, focused: focused, columns: &columns)
    }

    /// Draws the table into `rect`; `columns` only widens while the same filter and sort show.
    public static func draw(_ list: LeadListViewModel, in rect: Rect, canvas: Canvas, theme: Theme, focused: Bool,
                            columns: inout LeadListColumns) {
        let empty: String
        if !list.filter.search.isEmpty { empty = "No leads match /\(list.filter.search)" }
        else if list.filter != .all { empty = "No leads match the filter (F clears it)" }
        else { empty = "No leads yet" }
        columns.widen(for: list)
        makeTable(withCompany: columns.showsCompany, ownerWidth: columns.ownerWidth).draw(rows: rows(of: list), selected: list.rows.isEmpty ? nil : list.selectedRow, in: rect, canvas: canvas,
                   theme: theme, focused: focused, emptyText: empty)
    }
}

/// The list's data-dependent columns (company shown or not, owner width). They follow the visible
/// rows but never narrow while the same filter and sort show: scrolling past the first company or
/// a long owner name would otherwise move every column, and repaint every row on the wire.
public struct LeadListColumns {
    /// Whether the company column shows.
    public private(set) var showsCompany = false
    /// The owner column's width (5–12).
    public private(set) var ownerWidth = 5
    private var scope: Scope?

    /// The filter and sort the columns were chosen for (a typed pair: an `AnyHashable` of them
    /// cost a runtime conformance lookup per type on the first frame, and boxing on every frame).
    private struct Scope: Equatable {
        var filter: LeadFilter
        var sort: LeadSort
    }

    /// Columns chosen by the first rows they see.
    public init() {}

    /// Widens for `list`'s visible rows (starting afresh when its filter or sort changed).
    mutating func widen(for list: LeadListViewModel) {
        let scope = Scope(filter: list.filter, sort: list.sort)
        if scope != self.scope { self = LeadListColumns(); self.scope = scope }
        showsCompany = showsCompany || list.rows.contains { !$0.company.isEmpty }
        let owners = list.rows.map { DisplayWidth.of(TextSanitizer.line($0.owner)) }.max() ?? 5
        ownerWidth = max(ownerWidth, min(12, max(5, owners)))
    }
}
