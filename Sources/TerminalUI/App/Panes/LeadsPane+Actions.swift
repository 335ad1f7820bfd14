import Core
import Foundation
import ViewModels

/// The Leads pane's actions: movement, search, filters, marks, bulk edits, detail and notes.
extension LeadsPane {
    /// Runs a list or detail action; `.notHandled` for what the pane does not do.
    public func perform(_ action: Action, argument: String) -> PaneOutcome {
        defer { flush() }
        let inDetail = focus == .detail && detail != nil
        switch action {
        case .back, .closeDetail, .cancel:
            return back(action)
        case .focusNextPane:
            if isSplit { focus = focus == .list ? .detail : .list; if focus == .detail { openDetailForSelection(request: true) } }
            else if detail != nil { focus = focus == .list ? .detail : .list }
        case .openDetail:
            guard list.selectedId != nil else { return .handled }
            openDetailForSelection(request: true)
            focus = .detail
        case .searchNext, .searchPrevious:
            if inDetail { moveInDetail(action) } else { goToMatch(forward: action == .searchNext) }
        case .cursorDown, .cursorUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .cursorTop, .cursorBottom,
             .scrollDown, .scrollUp:
            if inDetail { moveInDetail(action) } else { moveInList(action) }
        case .search:
            if !argument.isEmpty {
                list.search(argument)
                if !list.filter.search.isEmpty { lastSearch = list.filter.search }
            } else { beginSearch() }
        case .filterStatus: choose(argument, "filter-status", "Filter by status", LeadStatus.allCases.map(\.rawValue), filterStatus)
        case .filterSource: choose(argument, "filter-source", "Filter by source", LeadSource.allCases.map(\.rawValue), filterSource)
        case .filterOwner: choose(argument, "filter-owner", "Filter by owner", session.usernames()) { [unowned self] in list.filterOwner($0) }
        case .filterPending: list.filterPending()
        case .filterUnread: list.filterUnread()  // conversation pane
        case .filterRejected: list.filterRejected()
        case .clearFilters: list.clearFilters()
        case .filter:
            choose(argument, "filter", "Filter: status=S source=S owner=U pending rejected conflict | clear", nil) { [unowned self] in
                list.filter(terms: CommandLineViewModel.tokens($0))
            }
        case .sortNext: list.sort(words: CommandLineViewModel.tokens(argument))
        case .sortReverse: list.sortReverse()
        case .viewSave: choose(argument, "view-save", "Save view as", nil) { [unowned self] in saveView($0) }
        case .viewLoad: choose(argument, "view-load", "Load view", list.savedViewNames) { [unowned self] in list.viewLoad($0) }
        case .viewDelete: choose(argument, "view-delete", "Delete view", list.savedViewNames) { [unowned self] in deleteView($0) }
        case .pushLeads:
            choose(argument, "push-leads", "Push to", list.pushDestinations()) { [unowned self] in pushLeads(to: $0) }
        case .toggleMark: list.toggleMark(); list.cursorDown()
        case .markAll: list.markAll()
        case .clearMarks: list.clearMarks()
        case .setStatus:
            var selected = 0
            let options = LeadStatus.allCases.map(\.rawValue)
            if let current = inDetail ? detail?.lead?.status : list.selectedLead?.status, let index = options.firstIndex(of: current.rawValue) {
                selected = index
            }
            choose(argument, "set-status", statusPromptTitle, options, selected: selected, setStatus)
        case .assign: choose(argument, "assign", "Assign to", session.usernames(), assign)
        case .delete:
            if inDetail { detail?.delete() } else { list.delete() }
        case .editField, .editLead, .fixRejected:
            openEditForm(action, focusField: inDetail ? detailScreen.selectedField(of: detail!) : nil)
        case .newLead:
            host.openForm(LeadFormOverlay(pane: self, model: session.newLeadForm()))
        case .addNote:
            guard ensureDetail() else { return .handled }
            if !argument.isEmpty { _ = addNote(argument); return .handled }
            host.prompt(PromptRequest(purpose: "add-note", title: "Note for \(detail?.title ?? "lead") (Enter saves)",
                                      mode: .input(TextFieldState(maxLength: 499))) { [unowned self] in addNote($0) })
        case .addNoteEditor: addNoteInEditor()
        case .copyEmail, .copyPhone:
            guard ensureDetail() else { return .handled }
            let request = action == .copyEmail ? detail?.copyEmail() : detail?.copyPhone()
            if let request { host.control?.copyToClipboard(request.text) }
        case .discardRejected:
            guard ensureDetail() else { return .handled }
            detail?.discardRejected()
        case .newAppointment:  // calendar: `A` on a lead's detail
            guard ensureDetail(), let leadId = detail?.leadId else { return .handled }
            openAppointmentForm(leadId: leadId)
        default:
            return .notHandled
        }
        return .handled
    }

    /// Esc / close-detail / cancel: unwinds the pane (detail → list, marks, search, drill-down);
    /// `.notHandled` when the app should go back along its stack.
    func back(_ action: Action) -> PaneOutcome {
        if focus == .detail {
            focus = .list
            if detailOpenedByHost { detailOpenedByHost = false; return .notHandled }
            return .handled
        }
        if action == .back && !list.marked.isEmpty { list.clearMarks(); host.inform("Marks cleared"); return .handled }
        if !list.filter.search.isEmpty { list.search(""); return .handled }
        if let drillDown {
            restore(drillDown.restore)
            self.drillDown = nil
            return .notHandled
        }
        return .notHandled
    }

    /// Shows the detail of lead `id` for another pane (`PaneHost.openLead`).
    func openLeadForHost(id: Int64) {
        if !list.select(leadId: id) { list.clearFilters(); list.select(leadId: id) }
        if detail?.leadId != id {
            detail = session.leadDetail(id: id)
            detailScreen.reset()
        }
        host.requestDetail(leadId: id)
        focus = .detail
        detailOpenedByHost = true
        flush()
    }

    /// Shows `filter` under `title` for another pane (`PaneHost.openLeads`), in `sort` order
    /// when given (the dashboard's: untouched oldest created first, stale oldest touch first);
    /// Esc puts the list back, its order included.
    func openDrillDown(filter: LeadFilter, sort: LeadSort?, title: String) {
        let saved = drillDown?.restore ?? LeadListState(filter: list.filter, sort: list.sort, selectedId: list.selectedId)
        focus = .list
        list.setFilter(filter)
        if let sort { list.setSort(sort) }
        list.cursorTop()
        drillDown = (title, saved)
        if isSplit { openDetailForSelection(request: false) }
        flush()
    }

    private func restore(_ state: LeadListState) {
        list.setFilter(state.filter)
        list.setSort(state.sort)
        if let id = state.selectedId { list.select(leadId: id) }
        if isSplit { openDetailForSelection(request: false) }
    }

    var statusPromptTitle: String {
        if focus == .list && !list.marked.isEmpty { return "Set status of \(list.marked.count) marked leads" }
        return "Set status of \(focus == .detail ? detail?.title ?? "lead" : list.displayRows.first { $0.isSelected }?.name ?? "lead")"
    }

    /// Uses `argument` when the `:` line gave one, else asks (a choice list, or free text when `options` is nil).
    func choose(_ argument: String, _ purpose: String, _ title: String, _ options: [String]?, selected: Int = 0,
                _ apply: @escaping @MainActor (String) -> Void) {
        let run: @MainActor (String) -> String? = { [unowned self] answer in
            let value = answer.trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { apply(value) }
            if isSplit || focus == .detail { openDetailForSelection(request: false) }
            flush()
            return nil
        }
        if !argument.isEmpty { _ = run(argument); return }
        if let options {
            guard !options.isEmpty else { host.inform("Nothing to choose from", error: true); return }
            host.prompt(PromptRequest(purpose: purpose, title: title, mode: .choice(options: options, selected: selected), onSubmit: run))
        } else {
            host.prompt(PromptRequest(purpose: purpose, title: title, mode: .input(TextFieldState()), onSubmit: run))
        }
    }

    /// push-leads REMOTE: queues the marked leads (or the lead) for a destination and nudges sync.
    func pushLeads(to remote: String) {
        if list.push(to: remote) { afterLocalEdit() }
    }

    /// view-save NAME: asks before replacing a saved view of that name.
    func saveView(_ name: String) {
        let clean = name.trimmingCharacters(in: .whitespaces)
        guard list.savedViewNames.contains(clean) else { return list.viewSave(clean) }
        host.confirm("Replace the saved view '\(TextSanitizer.line(clean))' with the current filter and sort?") { [unowned self] yes in
            if yes { list.viewSave(clean) } else { host.inform("View '\(TextSanitizer.line(clean))' kept") }
            flush()
        }
    }

    /// view-delete NAME: after a confirmation.
    func deleteView(_ name: String) {
        let clean = name.trimmingCharacters(in: .whitespaces)
        guard list.savedViewNames.contains(clean) else { return host.inform("view: no saved view named '\(TextSanitizer.line(clean))'", error: true) }
        host.confirm("Delete the saved view '\(TextSanitizer.line(clean))'?") { [unowned self] yes in
            if yes { list.viewDelete(clean) }
            flush()
        }
    }

    func filterStatus(_ value: String) {
        guard let status = LeadStatus(rawValue: value) else { return host.inform("status: \(VendorMessages.invalidChoice(value))", error: true) }
        list.filterStatus(status)
    }

    func filterSource(_ value: String) {
        guard let source = LeadSource(rawValue: value) else { return host.inform("source: \(VendorMessages.invalidChoice(value))", error: true) }
        list.filterSource(source)
    }

    func setStatus(_ value: String) {
        guard let status = LeadStatus(rawValue: value) else { return host.inform("status: \(VendorMessages.invalidChoice(value))", error: true) }
        if focus == .detail, detail != nil { detail?.setStatus(status) } else { list.setStatus(status) }
        afterLocalEdit()
    }

    func assign(_ value: String) {
        if focus == .detail, detail != nil { detail?.assign(value) } else { list.assign(value) }
        afterLocalEdit()
    }

    /// Saves a note on the open lead; returns the problem (the prompt stays open) or nil.
    func addNote(_ text: String) -> String? {
        guard detail != nil else { return nil }
        let problems = detail?.addNote(text) ?? []
        if problems.isEmpty { afterLocalEdit(); flush(); return nil }
        return problems.joined(separator: " ")
    }

    /// Makes sure the selected lead's detail is loaded (actions from the list that need it).
    @discardableResult
    func ensureDetail() -> Bool {
        if focus == .list || detail == nil { openDetailForSelection(request: false) }
        if detail == nil { host.inform("No lead selected", error: true) }
        return detail != nil
    }

    func openEditForm(_ action: Action, focusField: LeadField?) {
        guard ensureDetail(), var current = detail else { return }
        if action == .fixRejected, fixRejectedRecord() { return }  // a refused note or appointment
        if action == .fixRejected { current.fixRejected() } else { current.editLead(focus: action == .editField ? focusField : nil) }
        detail = current
        if let model = current.form { host.openForm(LeadFormOverlay(pane: self, model: model)) }
    }

    func addNoteInEditor() {
        guard ensureDetail(), let control = host.control else { return }
        do {
            let text = try ExternalEditor(environment: host.environment).edit("", runner: { try control.runExternal($0) })
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { host.inform("Empty note: nothing saved"); return }
            if detail?.addNote(text).isEmpty == true { afterLocalEdit() }
        } catch {
            host.inform("\(error)", error: true)
        }
    }

    func moveInList(_ action: Action) {
        switch action {
        case .cursorDown: list.cursorDown()
        case .cursorUp: list.cursorUp()
        case .pageDown: list.pageDown()
        case .pageUp: list.pageUp()
        case .halfPageDown: list.halfPageDown()
        case .halfPageUp: list.halfPageUp()
        case .cursorTop: list.cursorTop()
        case .cursorBottom: list.cursorBottom()
        case .scrollDown: list.scrollDown()
        case .scrollUp: list.scrollUp()
        default: break
        }
        if isSplit { openDetailForSelection(request: false) }
    }

    func moveInDetail(_ action: Action) {
        guard let detail else { return }
        let page = max(1, body.height - 1)
        switch action {
        case .cursorDown, .scrollDown, .searchNext: detailScreen.move(by: 1, detail: detail)
        case .cursorUp, .scrollUp, .searchPrevious: detailScreen.move(by: -1, detail: detail)
        case .pageDown: detailScreen.move(by: page, detail: detail)
        case .pageUp: detailScreen.move(by: -page, detail: detail)
        case .halfPageDown: detailScreen.move(by: page / 2, detail: detail)
        case .halfPageUp: detailScreen.move(by: -page / 2, detail: detail)
        case .cursorTop: detailScreen.jump(top: true, detail: detail)
        case .cursorBottom: detailScreen.jump(top: false, detail: detail)
        default: break
        }
    }

    /// `/`: search as you type in the status bar row.
    func beginSearch() {
        list.beginSearch()
        host.beginSearch(SearchRequest(
            initialText: list.filter.search,
            onChange: { [unowned self] text in list.updateSearch(text); followSelection() },
            onCommit: { [unowned self] in
                list.commitSearch()
                if !list.filter.search.isEmpty { lastSearch = list.filter.search }
                followSelection()
            },
            onCancel: { [unowned self] in list.cancelSearch(); followSelection() },
            onMove: { [unowned self] delta in delta > 0 ? list.cursorDown() : list.cursorUp(); followSelection() },
            resultText: { [unowned self] in "\(list.totalText) found" }))
    }

    /// `n` / `N`: while a search narrows the list every row matches, so the next row (wrapping);
    /// otherwise the next lead matching the last search in the list as it is.
    func goToMatch(forward: Bool) {
        if !list.filter.search.isEmpty {
            let before = list.selectedId
            forward ? list.cursorDown() : list.cursorUp()
            if list.selectedId == before, list.rows.count > 1 {
                forward ? list.cursorTop() : list.cursorBottom()
                host.inform(forward ? "Search hit the bottom, continuing at the top" : "Search hit the top, continuing at the bottom")
            }
        } else {
            list.selectMatch(of: lastSearch, forward: forward)
        }
        if isSplit { openDetailForSelection(request: false) }
    }

    private func followSelection() {
        if isSplit { openDetailForSelection(request: false) }
        flush()
    }
}
