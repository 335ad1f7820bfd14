import Core
import ViewModels

/// `PaneHost`: what panes ask of the app — navigation along the back stack, the status bar and
/// the shared overlays.
extension CloserApp: PaneHost {
    /// At most this many panes are remembered for Esc.
    static let backStackLimit = 20

    /// Shows pane `id`, pushing the current one on the back stack.
    public func open(_ id: PaneID) {
        guard id != activePaneID else { return }
        guard descriptor(id) != nil else {
            inform("no \(id.rawValue) pane yet", error: true)
            return
        }
        backStack.removeAll { $0 == id }
        backStack.append(activePaneID)
        if backStack.count > Self.backStackLimit { backStack.removeFirst(backStack.count - Self.backStackLimit) }
        show(id)
    }

    /// Goes back to the previous pane of the stack.
    public func back() {
        guard let previous = backStack.popLast() else { return }
        show(previous)
    }

    /// Makes `id` the visible pane (no stack change).
    func show(_ id: PaneID) {
        guard let shown = pane(id) else { return }
        dispatcher.cancel()
        activePaneID = id
        shown.resize(to: layout.body)
        if stalePanes.remove(id) != nil { shown.reload() }
        shown.didBecomeActive()
    }

    /// The Leads pane (made if needed).
    var leadsPane: LeadsPane? { pane(.leads) as? LeadsPane }

    /// The Leads pane's lead: its open detail, else the list's selection (the conversation follows it).
    public var selectedLeadId: Int64? {
        guard let leads = leadsPane else { return nil }
        return leads.focus == .detail ? leads.detail?.leadId ?? leads.list.selectedId : leads.list.selectedId
    }

    /// Shows pane `id`, pushing the current one on the back stack.
    public func openLead(id: Int64) {
        guard let leads = leadsPane else { return inform("no leads pane", error: true) }
        if activePaneID != .leads { open(.leads) }
        leads.openLeadForHost(id: id)
    }

    /// Shows pane `id`, pushing the current one on the back stack.
    public func openLeads(filter: LeadFilter, sort: LeadSort?, title: String) {
        guard let leads = leadsPane else { return inform("no leads pane", error: true) }
        if activePaneID != .leads { open(.leads) }
        leads.openDrillDown(filter: filter, sort: sort, title: title)
    }

    /// Shows `text` in the status bar.
    public func inform(_ text: String, error: Bool) {
        statusBar.post(error ? .error(text, now: now()) : .info(text, now: now()))
    }

    /// Shows a view model's message.
    public func post(_ message: StatusMessage) { statusBar.post(message) }

    /// The process environment from the setup.
    public var environment: [String: String] { setup.environment }

    /// Keeps the front end's "a key is waiting" check for the panes' long idle reads.
    public func connectInput(waiting: @escaping @Sendable () -> Bool) {
        inputWaiting = waiting
    }

    /// Asks `question` (y/n).
    public func confirm(_ question: String, onAnswer: @escaping @MainActor (Bool) -> Void) {
        overlay = .confirm(ConfirmRequest(onAnswer: onAnswer), ConfirmDialog(question: question))
    }

    /// Opens a prompt.
    public func prompt(_ request: PromptRequest) {
        overlay = .prompt(request, PromptDialog(title: request.title, mode: request.mode))
    }

    /// Shows pane `id`, pushing the current one on the back stack.
    public func openForm(_ form: any PaneForm) { overlay = .form(form) }

    /// Starts an as-you-type search in the status bar row.
    public func beginSearch(_ request: SearchRequest) {
        overlay = .search(request, TextFieldState(text: request.initialText))
    }

    /// Re-reads the outbox counts and nudges the worker.
    public func didEditLocally() {
        session.refreshCounts(&statusBar)
        sync?.syncNow()
    }

    /// Asks the worker for a lead's full detail.
    public func requestDetail(leadId: Int64) { sync?.requestDetail(leadId: leadId) }
}

/// Conveniences over the Leads pane for tests, the bench and the executable.
extension CloserApp {
    /// The lead list (of the Leads pane).
    public var list: LeadListViewModel { leadsPane!.list }
    /// The open lead detail, if any.
    public var detail: LeadDetailViewModel? { leadsPane?.detail }
    /// Which half of the Leads pane has the keys.
    public var focus: AppPane { activePaneID == .leads ? leadsPane?.focus ?? .list : .list }
    /// Whether list and detail are side by side at the current size.
    public var isSplit: Bool { ScreenLayout.panes(of: layout.body).isSplit }

    /// Moves the list selection to a lead (as a jump would); false when the lead is not in the list.
    @discardableResult
    public func selectLead(id: Int64) -> Bool {
        guard let leads = leadsPane else { return false }
        let found = leads.list.select(leadId: id)
        if leads.isSplit { leads.openDetailForSelection(request: false) }
        return found
    }
}
