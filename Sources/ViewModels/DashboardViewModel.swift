import Core
import Foundation
import Store

/// The manager dashboard pane: the numbers of one `DashboardSummary` (read from SQL in one
/// snapshot), the period and owner scope, and a cursor over the selectable numbers.
///
/// The cursor moves over rows of cells: the pipeline (one cell per status, then the total), the
/// speed/stale line, the owner table, the source table. Which table columns exist depends on the
/// width the screen has (`setColumns`), so the cursor never rests on a number that is not drawn.
public struct DashboardViewModel: Sendable {
    /// The database the numbers come from.
    let store: LeadStore
    /// The clock ("today", "this week").
    public var now: @Sendable () -> Date
    /// The zone "today" and "this week" are counted in.
    public var timeZone: TimeZone
    /// An open lead with no touch for this many days is stale.
    public var staleDays: Int
    /// The period of "new" and speed to lead (`p` cycles it).
    public internal(set) var period: DashboardPeriod
    /// Only this owner's leads (nil: the whole team; `f o` cycles it).
    public internal(set) var owner: String?
    /// The numbers on screen (nil before the first load or after an error).
    public internal(set) var summary: DashboardSummary?
    /// The latest message for the status bar (errors of a load).
    public internal(set) var message: StatusMessage?
    /// The selected number.
    public internal(set) var selection: DashboardCell = .status(.prospect)
    /// Columns of the by-owner / by-source tables the screen draws.
    public internal(set) var ownerColumns: [DashboardCell.Column] = DashboardCell.Column.allCases
    public internal(set) var sourceColumns: [DashboardCell.Column] = [.leads, .new, .customers]
    /// Milliseconds the last load took (shown in the wide layout, used by benchmarks).
    public internal(set) var lastLoadMilliseconds = 0.0

    /// A dashboard over `store`, loaded at once.
    public init(store: LeadStore, period: DashboardPeriod = .week, owner: String? = nil, staleDays: Int = 14,
                timeZone: TimeZone = .current, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.period = period
        self.owner = owner
        self.staleDays = staleDays
        self.timeZone = timeZone
        self.now = now
        reload()
    }

    // MARK: - Actions

    /// Reads every number again (after a sync, a period or scope change).
    public mutating func reload() {
        let started = Date()
        do {
            summary = try store.dashboard(DashboardQuery(period: period, owner: owner, now: now(), timeZone: timeZone,
                                                         staleDays: staleDays))
        } catch {
            summary = nil
            message = .error(ErrorText.describe(error, doing: "Reading the dashboard"), now: now())
        }
        lastLoadMilliseconds = Date().timeIntervalSince(started) * 1000
        keepSelectionVisible()
    }

    /// `p`: today → this week → this month → last 90 days → all → today.
    public mutating func cyclePeriod() {
        period = period.next
        reload()
        message = .info("Period: \(period.title)", now: now())
    }

    /// Sets the period.
    public mutating func setPeriod(_ period: DashboardPeriod) {
        self.period = period
        reload()
        message = .info("Period: \(period.title)", now: now())
    }

    /// `f o`: the whole team → each owner in turn → the whole team.
    public mutating func cycleOwner() {
        let owners = ownerChoices
        if let owner, let index = owners.firstIndex(of: owner) {
            self.owner = index + 1 < owners.count ? owners[index + 1] : nil
        } else {
            owner = owners.first
        }
        reload()
        message = .info("Scope: \(scopeTitle)", now: now())
    }

    /// Limits to `owner` (nil: the whole team).
    public mutating func setOwner(_ owner: String?) {
        self.owner = owner
        reload()
    }

    /// The owners `cycleOwner` steps through (users, plus owners seen on leads).
    public var ownerChoices: [String] {
        var names = Set((try? store.users().map(\.username)) ?? [])
        if owner == nil { names.formUnion(summary?.byOwner.map(\.owner) ?? []) }
        return names.filter { !$0.isEmpty }.sorted()
    }

    /// Sets which table columns the screen can draw (the cursor moves only over drawn numbers).
    public mutating func setColumns(owner: [DashboardCell.Column], source: [DashboardCell.Column]) {
        ownerColumns = owner
        sourceColumns = source
        keepSelectionVisible()
    }

    /// Moves the cursor one row down / up (keeping the column), or one cell right / left.
    public mutating func moveDown() { moveRow(by: 1) }
    public mutating func moveUp() { moveRow(by: -1) }
    public mutating func moveRight() { moveColumn(by: 1) }
    public mutating func moveLeft() { moveColumn(by: -1) }

    /// Jumps to the first number of the next block (pipeline → speed/stale → owners → sources).
    public mutating func nextBlock() {
        let rows = cellRows
        guard let (row, _) = locate(selection, in: rows) else { return }
        let blocks = blockStarts(rows)
        let next = blocks.first { $0 > row } ?? 0
        selection = rows[next][0]
    }

    /// The lead under the cursor when it is on the untouched list (Enter opens its detail).
    public var selectedLeadId: Int64? {
        if case .untouchedLead(let id) = selection { return id }
        return nil
    }

    /// What Enter opens: the lead list of exactly the leads the selected number counts.
    public func drillDown() -> DashboardDrillDown? {
        guard let summary else { return nil }
        return selection.drillDown(in: summary)
    }

    // MARK: - What the screen reads

    /// "this week · whole team" (the header).
    public var headerTitle: String { "Dashboard · \(period.title) · \(scopeTitle)" }

    /// "whole team" or "owner ben".
    public var scopeTitle: String { owner.map { "owner " + TextSanitizerBridge.line($0) } ?? "whole team" }

    /// The server check: nil when never synced; otherwise the server total, the difference from
    /// the local total (0: they agree) and the last sync time.
    public var serverCheck: (total: Int, difference: Int, syncedAt: Date)? {
        guard let summary, let server = summary.server else { return nil }
        return (server.total, summary.total - server.total, server.syncedAt)
    }

    /// Moves to the first / last number.
    public mutating func moveToFirst() { if let first = cellRows.first?.first { selection = first } }
    public mutating func moveToLast() { if let last = cellRows.last?.first { selection = last } }

    /// Jumps to the first number of the previous block (or of this one when inside it).
    public mutating func previousBlock() {
        let rows = cellRows
        guard let (row, _) = locate(selection, in: rows) else { return }
        let blocks = blockStarts(rows)
        let current = blocks.last { $0 <= row } ?? 0
        let target = current < row ? current : (blocks.last { $0 < current } ?? current)
        selection = rows[target][0]
    }

    /// The selectable numbers, row by row, in screen order.
    public var cellRows: [[DashboardCell]] {
        guard let summary else { return [] }
        var rows: [[DashboardCell]] = LeadStatus.allCases.map { [.status($0)] }
        rows.append([.total])
        rows.append([.untouched, .stale])
        for row in summary.byOwner where !ownerColumns.isEmpty {
            rows.append(ownerColumns.map { .owner(row.owner, $0) })
        }
        for row in summary.bySource where !sourceColumns.isEmpty {
            if let source = row.source { rows.append(sourceColumns.map { .source(source, $0) }) }
        }
        for lead in summary.untouchedOldest { rows.append([.untouchedLead(lead.id)]) }
        return rows
    }

    // MARK: - Internal

    private func locate(_ cell: DashboardCell, in rows: [[DashboardCell]]) -> (Int, Int)? {
        for (r, row) in rows.enumerated() { if let c = row.firstIndex(of: cell) { return (r, c) } }
        return nil
    }

    /// Row indexes where each block starts.
    private func blockStarts(_ rows: [[DashboardCell]]) -> [Int] {
        var starts: [Int] = []
        var last = ""
        for (index, row) in rows.enumerated() {
            let kind: String
            switch row.first {
            case .status?, .total?: kind = "pipeline"
            case .untouched?, .stale?: kind = "speed"
            case .owner?: kind = "owner"
            case .source?: kind = "source"
            case .untouchedLead?: kind = "untouched list"
            case nil: kind = ""
            }
            if kind != last { starts.append(index) }
            last = kind
        }
        return starts
    }

    private mutating func moveRow(by delta: Int) {
        let rows = cellRows
        guard let (row, column) = locate(selection, in: rows) else { return keepSelectionVisible() }
        let target = min(max(0, row + delta), rows.count - 1)
        guard target != row else { return }
        let cells = rows[target]
        // Keep the same table column where the target row has it.
        if case .owner(_, let c) = selection, let same = cells.first(where: { if case .owner(_, c) = $0 { return true }; return false }) {
            selection = same
        } else if case .source(_, let c) = selection, let same = cells.first(where: { if case .source(_, c) = $0 { return true }; return false }) {
            selection = same
        } else {
            selection = cells[min(column, cells.count - 1)]
        }
    }

    private mutating func moveColumn(by delta: Int) {
        let rows = cellRows
        guard let (row, column) = locate(selection, in: rows) else { return keepSelectionVisible() }
        let cells = rows[row]
        selection = cells[min(max(0, column + delta), cells.count - 1)]
    }

    /// Puts the cursor on a drawn number when the one selected is gone (owner scope, columns).
    private mutating func keepSelectionVisible() {
        let rows = cellRows
        guard !rows.isEmpty, locate(selection, in: rows) == nil else { return }
        if case .owner(_, let c) = selection, let first = rows.first(where: { if case .owner? = $0.first { return true }; return false }) {
            selection = first.first { if case .owner(_, c) = $0 { return true }; return false } ?? first[0]
            return
        }
        selection = rows[0][0]
    }
}
