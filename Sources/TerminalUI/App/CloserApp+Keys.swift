import Core
import ViewModels

/// Input: keys go to the open overlay first, else through the keymap (pane first, then global)
/// to an action; mouse clicks select rows and the wheel scrolls.
extension CloserApp {
    func handleKey(_ key: Key) -> AppResponse {
        switch overlay {
        case .none: break
        case .diagnostics:
            overlay = .none
            return .redraw
        case .search(let field): return handleSearchKey(key, field: field)
        case .command(let input): return handleCommandKey(key, input: input)
        case .prompt(let purpose, let dialog): return handlePromptKey(key, purpose: purpose, dialog: dialog)
        case .confirm(let target, _): return handleConfirmKey(key, target: target)
        case .help(let help, let searching): return handleHelpKey(key, help: help, searching: searching)
        case .form(let form): return handleFormKey(key, form: form)
        }
        let context: KeyContext = focus == .detail ? .detail : .leads
        switch dispatcher.dispatch(key, in: context) {
        case .action(let action):
            statusBar.pendingKeys = ""
            return perform(action, arguments: [])
        case .pending:
            return .redraw
        case .unbound(let keys):
            if keys.count > 1 || key.printable != nil { control?.bell() }
            return .redraw
        }
    }

    func handleSearchKey(_ key: Key, field: TextFieldState) -> AppResponse {
        var field = field
        switch dispatcher.dispatch(key, in: .prompt, textInput: true) {
        case .action(.submit):
            overlay = .none
            list.commitSearch()
            if isSplit { openDetailForSelection(request: false) }
            return .redraw
        case .action(.cancel), .action(.back):
            overlay = .none
            list.cancelSearch()
            if isSplit { openDetailForSelection(request: false) }
            return .redraw
        case .action(.cursorDown):
            list.cursorDown()
            return .redraw
        case .action(.cursorUp):
            list.cursorUp()
            return .redraw
        default:
            guard field.handle(key) else { return .none }
            overlay = .search(field)
            list.updateSearch(field.text)
            if isSplit { openDetailForSelection(request: false) }
            return .redraw
        }
    }

    func handleCommandKey(_ key: Key, input: CommandLineInput) -> AppResponse {
        var input = input
        switch dispatcher.dispatch(key, in: .prompt, textInput: true) {
        case .action(.submit):
            let line = input.submit()
            overlay = .none
            return runCommandLine(line, history: input)
        case .action(.cancel), .action(.back):
            lastCommandHistory = input
            overlay = .none
            return .redraw
        case .action(.complete):
            input.complete(using: commandLine)
        case .action(.cursorUp):
            input.recall(-1)
        case .action(.cursorDown):
            input.recall(1)
        default:
            if key == .backspace && input.field.text.isEmpty {
                overlay = .none
                return .redraw
            }
            guard input.handle(key) else { return .none }
        }
        overlay = .command(input)
        return .redraw
    }

    func handlePromptKey(_ key: Key, purpose: PromptPurpose, dialog: PromptDialog) -> AppResponse {
        var dialog = dialog
        switch dispatcher.dispatch(key, in: .prompt, textInput: true) {
        case .action(.submit):
            overlay = .none
            return answerPrompt(purpose, answer: dialog.answer, dialog: dialog)
        case .action(.cancel), .action(.back):
            overlay = .none
            return .redraw
        case .action(.cursorUp):
            dialog.move(by: -1)
        case .action(.cursorDown):
            dialog.move(by: 1)
        default:
            guard dialog.handle(key) else { return .none }
        }
        overlay = .prompt(purpose, dialog)
        return .redraw
    }

    func handleConfirmKey(_ key: Key, target: ConfirmTarget) -> AppResponse {
        guard let yes = ConfirmDialog.answer(for: key) else { return .none }
        overlay = .none
        switch (target, yes) {
        case (.list, true): list.confirm()
        case (.list, false): list.cancelConfirmation()
        case (.detail, true): detail?.confirm()
        case (.detail, false): detail?.cancelConfirmation()
        }
        if yes {
            afterLocalEdit()
            if detail?.isMissing == true || detail?.isDeleted == true {
                focus = .list
                openDetailForSelection(request: false)
            }
        }
        return .redraw
    }

    func handleHelpKey(_ key: Key, help: HelpOverlay, searching: TextFieldState?) -> AppResponse {
        var help = help
        let height = max(1, ScreenLayout(size: size).statusBar.row - 3)
        if var field = searching {
            switch dispatcher.dispatch(key, in: .prompt, textInput: true) {
            case .action(.submit): overlay = .help(help, searching: nil)
            case .action(.cancel), .action(.back):
                help.query = ""
                overlay = .help(help, searching: nil)
            default:
                guard field.handle(key) else { return .none }
                help.query = field.text
                overlay = .help(help, searching: field)
            }
            return .redraw
        }
        switch dispatcher.dispatch(key, in: .help) {
        case .action(.cursorDown), .action(.scrollDown): help.scroll(by: 1, height: height)
        case .action(.cursorUp), .action(.scrollUp): help.scroll(by: -1, height: height)
        case .action(.pageDown), .action(.halfPageDown): help.scroll(by: height / 2, height: height)
        case .action(.pageUp), .action(.halfPageUp): help.scroll(by: -height / 2, height: height)
        case .action(.cursorTop): help.scroll = 0
        case .action(.cursorBottom): help.scroll(by: help.lines.count, height: height)
        case .action(.search):
            overlay = .help(help, searching: TextFieldState(text: help.query))
            return .redraw
        case .action(.cancel), .action(.back), .action(.help):
            if !help.query.isEmpty {
                help.query = ""
                overlay = .help(help, searching: nil)
            } else {
                overlay = .none
            }
            return .redraw
        case .action(.quit):
            return .quit
        case .pending: return .redraw
        default: return .none
        }
        overlay = .help(help, searching: nil)
        return .redraw
    }

    func handleFormKey(_ key: Key, form: LeadFormScreen) -> AppResponse {
        var form = form
        let changes = form.model.changedFields.count
        func close() -> AppResponse {
            overlay = .none
            inform(changes == 0 ? "Not saved" : "Discarded \(changes == 1 ? "1 change" : "\(changes) changes")")
            return .redraw
        }
        if form.discardQuestion != nil {
            switch (key, dispatcher.dispatch(key, in: .form, textInput: true)) {
            case (.char("y"), _), (.char("Y"), _), (_, .action(.cancel)), (_, .action(.back)), (_, .action(.discardForm)):
                return close()
            case (.char("n"), _), (.char("N"), _): form.keepEditing()
            default: return .none
            }
            overlay = .form(form)
            return .redraw
        }
        switch dispatcher.dispatch(key, in: .form, textInput: true) {
        case .action(.nextField): form.moveFocus(1)
        case .action(.previousField): form.moveFocus(-1)
        case .action(.save): return saveForm(form)
        case .action(.cancel), .action(.back):
            if form.requestCancel() { return close() }
        case .action(.discardForm): return close()
        case .pending: return .redraw
        default:
            guard form.handle(key) else { return .none }
        }
        overlay = .form(form)
        return .redraw
    }

    func handlePaste(_ text: String) -> AppResponse {
        switch overlay {
        case .search(var field):
            field.insert(text)
            overlay = .search(field)
            list.updateSearch(field.text)
        case .command(var input):
            input.paste(text)
            overlay = .command(input)
        case .prompt(let purpose, var dialog):
            dialog.paste(text)
            overlay = .prompt(purpose, dialog)
        case .form(var form):
            form.paste(text)
            overlay = .form(form)
        default:
            return .none
        }
        return .redraw
    }

    func handleMouse(_ mouse: MouseEvent) -> AppResponse {
        guard case .none = overlay else { return .none }
        let layout = ScreenLayout(size: size)
        let listRect: Rect?
        switch layout.panes {
        case .tooSmall: return .none
        case .single(let body): listRect = focus == .list ? body : nil
        case .split(let rect, _, _): listRect = rect
        }
        switch mouse.kind {
        case .wheelDown:
            if let listRect, listRect.contains(mouse.position) || !isSplit { list.scrollDown() } else { detailScreen.move(by: 3, detail: detail) }
        case .wheelUp:
            if let listRect, listRect.contains(mouse.position) || !isSplit { list.scrollUp() } else { detailScreen.move(by: -3, detail: detail) }
        case .click(button: 1), .doubleClick(button: 1):
            guard let listRect, let index = LeadListScreen.table.rowIndex(at: mouse.position, in: listRect, rowCount: list.rows.count) else {
                if isSplit, case .split(_, _, let detailRect) = layout.panes, detailRect.contains(mouse.position) { focus = .detail }
                return .redraw
            }
            let delta = index - list.selectedRow
            for _ in 0..<abs(delta) { delta > 0 ? list.cursorDown() : list.cursorUp() }
            focus = .list
            if isSplit { openDetailForSelection(request: false) }
            if case .doubleClick = mouse.kind { return perform(.openDetail, arguments: []) }
        default:
            return .none
        }
        if isSplit { openDetailForSelection(request: false) }
        return .redraw
    }
}

extension LeadDetailScreen {
    /// Moves by `delta` when a detail is shown.
    mutating func move(by delta: Int, detail: LeadDetailViewModel?) {
        guard let detail else { return }
        move(by: delta, detail: detail)
    }
}
