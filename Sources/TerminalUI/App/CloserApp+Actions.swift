import Core
import Foundation
import Store
import ViewModels

/// Actions: what each name of the action table does, for keys and the `:` line alike.
extension CloserApp {
    /// Runs `action` (with `:` line `arguments`, if any) in the focused pane.
    func perform(_ action: Action, arguments: [String]) -> AppResponse {
        let inDetail = focus == .detail && detail != nil
        let argument = arguments.joined(separator: " ")
        switch action {
        case .quit: return .quit
        case .redraw: return .redrawAll
        case .suspend: return .suspend
        case .help:
            overlay = .help(HelpOverlay(keymap: dispatcher.keymap), searching: nil)
        case .commandLine:
            commandLine.refresh()
            var input = lastCommandHistory
            input.field = TextFieldState()
            overlay = .command(input)
        case .syncNow:
            if let sync { sync.syncNow(); inform("Syncing…") } else { inform("No remote configured: nothing to sync", error: true) }
        case .setTheme:
            guard !argument.isEmpty else { return openCommandLine("theme ") }
            switchTheme(argument)
        case .back, .closeDetail, .cancel:
            if action == .back && !list.marked.isEmpty && focus == .list { list.clearMarks(); inform("Marks cleared") }
            else if focus == .detail { focus = .list } else if !list.filter.search.isEmpty { list.search("") }
        case .focusNextPane:
            if isSplit { focus = focus == .list ? .detail : .list; if focus == .detail { openDetailForSelection(request: true) } }
            else if detail != nil { focus = focus == .list ? .detail : .list }
        case .openDetail:
            guard list.selectedId != nil else { return .redraw }
            openDetailForSelection(request: true)
            focus = .detail
        case .cursorDown, .cursorUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .cursorTop, .cursorBottom,
             .scrollDown, .scrollUp, .searchNext, .searchPrevious:
            if inDetail { moveInDetail(action) } else { moveInList(action) }
        case .search:
            if !argument.isEmpty { list.search(argument) } else {
                list.beginSearch()
                overlay = .search(TextFieldState(text: list.filter.search))
            }
        case .filterStatus: return argumentOrPrompt(argument, .filterStatus, "Filter by status", LeadStatus.allCases.map(\.rawValue))
        case .filterSource: return argumentOrPrompt(argument, .filterSource, "Filter by source", LeadSource.allCases.map(\.rawValue))
        case .filterOwner: return argumentOrPrompt(argument, .filterOwner, "Filter by owner", owners)
        case .filterPending: list.filterPending()
        case .filterUnread: list.filterUnread()
        case .filterRejected: list.filterRejected()
        case .clearFilters: list.clearFilters()
        case .sortNext:
            if let key = LeadSort.Key(rawValue: argument) { list.setSort(LeadSort(key, ascending: list.sort.ascending)) } else { list.sortNext() }
        case .sortReverse: list.sortReverse()
        case .viewSave: return argumentOrPrompt(argument, .viewSave, "Save view as", nil)
        case .viewLoad: return argumentOrPrompt(argument, .viewLoad, "Load view", list.savedViewNames)
        case .toggleMark: list.toggleMark(); list.cursorDown()
        case .markAll: list.markAll()
        case .clearMarks: list.clearMarks()
        case .setStatus: return argumentOrPrompt(argument, .setStatus, statusPromptTitle, LeadStatus.allCases.map(\.rawValue))
        case .assign: return argumentOrPrompt(argument, .assign, "Assign to", owners)
        case .delete:
            if inDetail { detail?.delete() } else { list.delete() }
        case .editField, .editLead, .fixRejected:
            return openEditForm(action, focusField: inDetail ? detailScreen.selectedField(of: detail!) : nil)
        case .newLead:
            overlay = .form(LeadFormScreen(model: .newLead(store: store, currentUser: setup.currentUser, now: now)))
        case .addNote:
            guard ensureDetail() else { return .redraw }
            if !argument.isEmpty { return answerPrompt(.addNote, answer: argument, dialog: nil) }
            overlay = .prompt(.addNote, PromptDialog(title: "Note for \(detail?.title ?? "lead") (Enter saves)", mode: .input(TextFieldState(maxLength: 499))))
        case .addNoteEditor: addNoteInEditor()
        case .copyEmail, .copyPhone:
            guard ensureDetail() else { return .redraw }
            let request = action == .copyEmail ? detail?.copyEmail() : detail?.copyPhone()
            if let request { control?.copyToClipboard(request.text) }
        case .discardRejected:
            guard ensureDetail() else { return .redraw }
            detail?.discardRejected()
        default:
            inform("'\(action.rawValue)' does nothing here", error: true)
        }
        return .redraw
    }

    var owners: [String] { ((try? store.users()) ?? []).map(\.username) }

    var statusPromptTitle: String {
        if focus == .list && !list.marked.isEmpty { return "Set status of \(list.marked.count) marked leads" }
        return "Set status of \(focus == .detail ? detail?.title ?? "lead" : list.displayRows.first { $0.isSelected }?.name ?? "lead")"
    }

    /// Opens the `:` line with `text` typed.
    func openCommandLine(_ text: String) -> AppResponse {
        var input = lastCommandHistory
        input.field = TextFieldState(text: text)
        input.field.moveEnd()
        overlay = .command(input)
        return .redraw
    }

    /// Uses `argument` when the `:` line gave one, else asks (a choice list, or free text when `options` is nil).
    func argumentOrPrompt(_ argument: String, _ purpose: PromptPurpose, _ title: String, _ options: [String]?) -> AppResponse {
        if !argument.isEmpty { return answerPrompt(purpose, answer: argument, dialog: nil) }
        if let options {
            guard !options.isEmpty else { inform("Nothing to choose from", error: true); return .redraw }
            var selected = 0
            if purpose == .setStatus, let current = (focus == .detail ? detail?.lead?.status : list.selectedLead?.status),
               let index = options.firstIndex(of: current.rawValue) { selected = index }
            overlay = .prompt(purpose, PromptDialog(title: title, mode: .choice(options: options, selected: selected)))
        } else {
            overlay = .prompt(purpose, PromptDialog(title: title, mode: .input(TextFieldState())))
        }
        return .redraw
    }

    /// Applies the answer of a prompt.
    func answerPrompt(_ purpose: PromptPurpose, answer: String, dialog: PromptDialog?) -> AppResponse {
        let value = answer.trimmingCharacters(in: .whitespaces)
        switch purpose {
        case .setStatus:
            guard let status = LeadStatus(rawValue: value) else { inform("status: \(VendorMessages.invalidChoice(value))", error: true); break }
            if focus == .detail, let _ = detail { detail?.setStatus(status) } else { list.setStatus(status) }
            afterLocalEdit()
        case .assign:
            guard !value.isEmpty else { break }
            if focus == .detail, let id = detail?.leadId, list.marked.isEmpty || focus == .detail {
                do { _ = try store.assign(value, toLeads: [id]); inform("Assigned to \(value)") } catch { inform("\(error)", error: true) }
            } else {
                list.assign(value)
            }
            afterLocalEdit()
        case .addNote:
            guard var current = detail else { break }
            let problems = current.addNote(answer)
            detail = current
            if !problems.isEmpty, var dialog {
                dialog.error = problems.joined(separator: " ")
                overlay = .prompt(.addNote, dialog)
            } else if problems.isEmpty {
                afterLocalEdit()
            }
        case .filterStatus:
            guard let status = LeadStatus(rawValue: value) else { inform("status: \(VendorMessages.invalidChoice(value))", error: true); break }
            list.filterStatus(status)
        case .filterSource:
            guard let source = LeadSource(rawValue: value) else { inform("source: \(VendorMessages.invalidChoice(value))", error: true); break }
            list.filterSource(source)
        case .filterOwner: if !value.isEmpty { list.filterOwner(value) }
        case .viewSave: if !value.isEmpty { list.viewSave(value) }
        case .viewLoad: if !value.isEmpty { list.viewLoad(value) }
        }
        if isSplit || focus == .detail { openDetailForSelection(request: false) }
        return .redraw
    }

    /// Runs a `:` line through the command line view model.
    func runCommandLine(_ line: String, history: CommandLineInput) -> AppResponse {
        lastCommandHistory = history
        guard !line.isEmpty else { return .redraw }
        let outcome = commandLine.execute(line, list: &list)
        switch outcome {
        case .handled:
            if line.hasPrefix("status") { afterLocalEdit() }
            if isSplit { openDetailForSelection(request: false) } else { detail?.reload() }
        case .failed(let text):
            inform(text, error: true)
        case .command(let command):
            switch command {
            case .quit: return .quit
            case .sync: return perform(.syncNow, arguments: [])
            case .theme(let name): switchTheme(name)
            case .keymap(let name): inform("Start Closer with --keymap \(name) to switch keymaps", error: true)
            case .runAction(let name, let arguments):
                let action = Action(rawValue: name)
                guard ActionTable.standard.contains(action) else { inform("unknown command '\(name)'", error: true); break }
                return perform(action, arguments: arguments)
            }
        }
        return .redraw
    }

    /// `:theme NAME`: loads and applies a theme (its problems shown, the rest used).
    func switchTheme(_ name: String) {
        let loaded = setup.themeLoader.load(name, noColor: setup.noColor)
        theme = loaded.theme
        if let problem = loaded.diagnostics.first { inform(problem.description, error: true) } else { inform("Theme \(name)") }
    }

    /// Makes sure the selected lead's detail is loaded (actions from the list that need it).
    @discardableResult
    func ensureDetail() -> Bool {
        if focus == .list || detail == nil { openDetailForSelection(request: false) }
        if detail == nil { inform("No lead selected", error: true) }
        return detail != nil
    }

    func openEditForm(_ action: Action, focusField: LeadField?) -> AppResponse {
        guard ensureDetail(), var current = detail else { return .redraw }
        if action == .fixRejected { current.fixRejected() } else { current.editLead(focus: action == .editField ? focusField : nil) }
        detail = current
        if let model = current.form { overlay = .form(LeadFormScreen(model: model)) }
        return .redraw
    }

    func saveForm(_ form: LeadFormScreen) -> AppResponse {
        var form = form
        if form.model.mode == .create {
            var model = form.model
            let outcome = model.save()
            form.replaceModel(model)
            if case .saved(let lead) = outcome {
                overlay = .none
                afterLocalEdit()
                list.select(leadId: lead.id)
                openDetailForSelection(request: false)
                inform("Lead created")
            } else {
                form.showValidation()
                if let message = model.message { statusBar.post(message) }
                overlay = .form(form)
            }
            return .redraw
        }
        guard var current = detail else { overlay = .none; return .redraw }
        current.form = form.model
        let outcome = current.saveForm()
        detail = current
        if case .saved = outcome {
            overlay = .none
            afterLocalEdit()
        } else {
            if let model = current.form { form.replaceModel(model) }
            form.showValidation()
            overlay = .form(form)
        }
        return .redraw
    }

    func addNoteInEditor() {
        guard ensureDetail(), let control else { return }
        do {
            let text = try ExternalEditor(environment: setup.environment).edit("", runner: { try control.runExternal($0) })
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { inform("Empty note: nothing saved"); return }
            if detail?.addNote(text).isEmpty == true { afterLocalEdit() }
        } catch {
            inform("\(error)", error: true)
        }
    }

    func moveInList(_ action: Action) {
        switch action {
        case .cursorDown, .searchNext: list.cursorDown()
        case .cursorUp, .searchPrevious: list.cursorUp()
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
        let page = max(1, ScreenLayout(size: size).statusBar.row - 2)
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
}
