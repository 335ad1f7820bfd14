import Core
import Foundation
import ViewModels

/// Which half of the Leads pane has the keyboard.
public enum AppPane: Sendable, Hashable {
    case list, detail
}

/// The Leads tab: the lead list and the detail of the selected lead (side by side from 120
/// columns, one at a time below). Key contexts `leads` (list) and `detail`.
@MainActor
public final class LeadsPane: Pane {
    /// The registry entry.
    public static let descriptor = PaneDescriptor(id: .leads, tabTitle: "Leads", number: 1, keyContext: .leads,
                                                  openAction: .openLeads) { LeadsPane(environment: $0) }

    /// The data.
    let session: AppSession
    /// The app.
    unowned let host: any PaneHost
    /// The lead list.
    public internal(set) var list: LeadListViewModel
    /// The detail of the selected lead, when shown.
    public internal(set) var detail: LeadDetailViewModel?
    /// Detail scroll and selection.
    var detailScreen = LeadDetailScreen()
    /// Which half has the keys.
    public internal(set) var focus: AppPane = .list
    /// The body the pane was last laid out in.
    var body: Rect
    /// Set when another pane opened a lead's detail (Esc on the detail returns there).
    var detailOpenedByHost = false
    /// Set while a drill-down list from another pane is shown: its title, and how to restore the list.
    var drillDown: (title: String, restore: LeadListState)?
    /// Split view: the lead the cursor moved to whose detail loads once the cursor rests (`idle`).
    var pendingDetail: (id: Int64, since: Date)?
    /// How long the cursor rests on a lead before the split view loads its detail.
    static let detailRestDelay: TimeInterval = 0.04
    var lastPositionResolve = Date.distantPast
    /// The last search kept with Enter or `:search` (for `n` / `N` after it was cleared).
    var lastSearch = ""
    /// The list's company/owner columns, kept steady while scrolling.
    var listColumns = LeadListColumns()

    /// A Leads pane over `environment`'s session.
    public init(environment: PaneEnvironment) {
        session = environment.session
        host = environment.host
        body = environment.body
        list = session.leadList(visibleRows: LeadsPane.listHeight(body: environment.body))
        if isSplit { openDetailForSelection(request: false) }
    }

    /// This pane's id (`leads`).
    public var id: PaneID { .leads }

    /// `detail` while the detail has the keys, else `leads`.
    public var keyContext: KeyContext { focus == .detail && detail != nil ? .detail : .leads }

    /// Whether list and detail are side by side.
    var isSplit: Bool { ScreenLayout.panes(of: body).isSplit }

    /// Rows the list shows in `body` (header excluded).
    static func listHeight(body: Rect) -> Int {
        switch ScreenLayout.panes(of: body) {
        case .tooSmall: return 1
        case .single(let rect): return LeadListScreen.visibleRows(height: rect.height)
        case .split(let list, _, _): return LeadListScreen.visibleRows(height: list.height)
        }
    }

    /// The list's title, or the detail's name and position in one-pane mode.
    public var title: String {
        if focus == .detail, let detail, !isSplit { return detail.title + " │ " + list.positionText + " · Esc back" }
        let title = LeadListScreen.title(of: list)
        if let drillDown {  // dashboard: the count first, so it survives 80 columns (the filter is in the drill-down's title)
            return TextSanitizer.line(drillDown.title) + " · " + list.positionText + " · sort " + list.sortText + " · Esc back"
        }
        return title
    }

    /// The title in `width` columns: sort, view, filter give way first; the count stays.
    public func title(fitting width: Int) -> String {
        if focus == .detail, let detail, !isSplit {
            let tail = " │ " + list.positionText + " · Esc back"
            let room = width - DisplayWidth.of(tail)
            return (room >= 6 ? DisplayWidth.clip(detail.title, to: room) : "") + tail
        }
        guard let drillDown else { return LeadListScreen.title(of: list, width: width) }
        // A drill-down's title names its filter; the count follows it at once, so both survive 80 columns.
        let tail = " · " + list.positionText + " · Esc back"
        return DisplayWidth.clip(TextSanitizer.line(drillDown.title), to: max(8, width - DisplayWidth.of(tail))) + tail
    }

    /// The list's or the detail's most useful keys.
    public var footerHints: [FooterHint] {
        if focus == .detail && detail != nil {
            return [FooterHint(.back, "back"), FooterHint(.editLead, "edit"), FooterHint(.setStatus, "status"), FooterHint(.addNote, "note")]
        }
        return [FooterHint(.search, "search"), FooterHint(.openDetail, "open"), FooterHint(.commandLine, "command"), FooterHint(.quit, "quit")]
    }

    /// Re-lays out list and detail for the new body.
    public func resize(to body: Rect) {
        self.body = body
        list.resize(visibleRows: Self.listHeight(body: body))
        if isSplit, detail == nil { openDetailForSelection(request: false) }
    }

    /// The detail follows the selection again when split.
    public func didBecomeActive() {
        if isSplit { openDetailForSelection(request: false) }
    }

    /// The worker wrote to the database: reload list (same lead stays selected) and detail.
    public func reload() {
        let atTop = list.selectedIndex == 0 && !list.isSearching
        list.reload()
        if atTop { list.cursorTop() }
        detail?.reload()
        // Split view: the detail follows the selection, also when a first pull filled an empty list.
        if isSplit, focus == .list, detail?.leadId != list.selectedId { openDetailForSelection(request: false) }
        flush()
    }

    /// Loads the detail the cursor rests on (split view), and resolves an unknown position ("n of N") at most twice a second.
    public func idle(now: Date) -> Bool {
        if let pending = pendingDetail, now.timeIntervalSince(pending.since) >= Self.detailRestDelay {
            pendingDetail = nil
            if list.selectedId == pending.id { openDetailForSelection(request: false, deferrable: false) }
            return true
        }
        guard (list.total == nil || list.topIndex == nil) && !list.rows.isEmpty, now.timeIntervalSince(lastPositionResolve) >= 0.5 else {
            return false
        }
        lastPositionResolve = now
        list.resolvePosition(stopWhen: host.inputWaiting)
        return true
    }

    /// Draws the list, or the detail, or both side by side.
    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme, focused: Bool) {
        if rect != body { resize(to: rect) }
        switch ScreenLayout.panes(of: rect) {
        case .tooSmall:
            break
        case .single(let body):
            if focus == .detail, let detail {
                canvas.fill(Rect(row: body.row, column: body.column, height: body.height, width: 1), style: theme.style("detail"))
                detailScreen.draw(detail, in: Rect(row: body.row, column: body.column + 1, height: body.height, width: body.width - 1),
                                  canvas: canvas, theme: theme, focused: focused)
            } else {
                LeadListScreen.draw(list, in: body, canvas: canvas, theme: theme, focused: focused, columns: &listColumns)
            }
        case .split(let listRect, let separator, let detailRect):
            LeadListScreen.draw(list, in: listRect, canvas: canvas, theme: theme, focused: focused && focus == .list,
                                columns: &listColumns)
            Box.verticalLine(separator, canvas: canvas, style: theme.style("border"))
            if let detail {
                let padding = theme.style("detail")
                for row in detailRect.row..<detailRect.bottom {
                    canvas.putPaddedRetained("", at: Position(row: row, column: detailRect.column), width: 1, style: padding)
                }
                detailScreen.draw(detail, in: Rect(row: detailRect.row, column: detailRect.column + 1, height: detailRect.height,
                                                   width: detailRect.width - 1), canvas: canvas, theme: theme, focused: focused && focus == .detail)
            } else {
                canvas.fill(detailRect, style: theme.style("detail"))
                canvas.put("No lead selected", at: Position(row: detailRect.row, column: detailRect.column + 1),
                           style: theme.style("dim"), maxColumns: detailRect.width - 1)
            }
        }
    }

    /// Where a form over this pane goes: the detail half when split, else the whole body.
    func formRect(in body: Rect) -> Rect {
        if case .split(_, _, let detailRect) = ScreenLayout.panes(of: body) { return detailRect }
        return body
    }

    /// Clicks select rows (double click opens), the wheel scrolls the pane under it.
    public func handleMouse(_ mouse: MouseEvent, in body: Rect) -> Bool {
        let listRect: Rect?
        switch ScreenLayout.panes(of: body) {
        case .tooSmall: return false
        case .single(let rect): listRect = focus == .list ? rect : nil
        case .split(let rect, _, _): listRect = rect
        }
        switch mouse.kind {
        case .wheelDown:
            if let listRect, listRect.contains(mouse.position) || !isSplit { list.scrollDown() } else { detailScreen.move(by: 3, detail: detail) }
        case .wheelUp:
            if let listRect, listRect.contains(mouse.position) || !isSplit { list.scrollUp() } else { detailScreen.move(by: -3, detail: detail) }
        case .click(button: 1), .doubleClick(button: 1):
            guard let listRect, let index = LeadListScreen.table.rowIndex(at: mouse.position, in: listRect, rowCount: list.rows.count) else {
                if case .split(_, _, let detailRect) = ScreenLayout.panes(of: body), detailRect.contains(mouse.position) { focus = .detail }
                return true
            }
            let delta = index - list.selectedRow
            for _ in 0..<abs(delta) { delta > 0 ? list.cursorDown() : list.cursorUp() }
            focus = .list
            if isSplit { openDetailForSelection(request: false) }
            if case .doubleClick = mouse.kind { _ = perform(.openDetail, argument: "") }
        default:
            return false
        }
        if isSplit { openDetailForSelection(request: false) }
        return true
    }

    /// Loads the detail of the selected lead (split view follows the selection; Enter opens it).
    /// In the split view, a lead the cursor is only passing over (list focused, a detail already
    /// shown) loads from `idle` once the cursor rests, so moving never waits on the detail query.
    func openDetailForSelection(request: Bool, deferrable: Bool = true) {
        guard let id = list.selectedId else { detail = nil; pendingDetail = nil; return }
        if deferrable, !request, isSplit, focus == .list, let shown = detail?.leadId, shown != id {
            pendingDetail = (id, session.now())
            return
        }
        pendingDetail = nil
        if detail?.leadId != id {
            detail = session.leadDetail(id: id)
            detailScreen.reset()
        }
        if request { host.requestDetail(leadId: id) }
    }

    /// Moves view model messages to the status bar and their pending confirmations to a dialog.
    func flush() {
        if let message = list.message { host.post(message); list.clearMessage() }
        if let message = detail?.message { host.post(message); detail?.clearMessage() }
        if let pending = list.pendingConfirmation {
            host.confirm(pending.prompt) { [unowned self] yes in
                if yes { list.confirm() } else { list.cancelConfirmation() }
                if yes { afterConfirmation() }
                flush()
            }
        } else if let pending = detail?.pendingConfirmation {
            host.confirm(pending.prompt) { [unowned self] yes in
                if yes { detail?.confirm() } else { detail?.cancelConfirmation() }
                if yes { afterConfirmation() }
                flush()
            }
        }
    }

    private func afterConfirmation() {
        afterLocalEdit()
        if detail?.isMissing == true || detail?.isDeleted == true {
            focus = .list
            openDetailForSelection(request: false)
        }
    }

    /// After a `:` list command changed the list: the detail follows.
    func afterListCommand() {
        if isSplit { openDetailForSelection(request: false) } else { detail?.reload() }
        flush()
    }

    /// After a local edit: list and detail re-read, counts and the worker told.
    func afterLocalEdit() {
        list.reload()
        detail?.reload()
        host.didEditLocally()
    }
}

/// What a drill-down replaced, to put back on Esc.
struct LeadListState {
    var filter: LeadFilter
    var sort: LeadSort
    var selectedId: Int64?
}

extension LeadDetailScreen {
    /// Moves by `delta` when a detail is shown.
    mutating func move(by delta: Int, detail: LeadDetailViewModel?) {
        guard let detail else { return }
        move(by: delta, detail: detail)
    }
}

extension ScreenLayout.Panes {
    /// Whether list and detail are side by side.
    var isSplit: Bool {
        if case .split = self { return true }
        return false
    }
}
