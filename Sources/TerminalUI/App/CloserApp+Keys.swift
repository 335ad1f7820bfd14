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
        case .search(let request, let field): return handleSearchKey(key, request: request, field: field)
        case .command(let input): return handleCommandKey(key, input: input)
        case .prompt(let request, let dialog): return handlePromptKey(key, request: request, dialog: dialog)
        case .confirm(let request, _): return handleConfirmKey(key, request: request)
        case .help(let help, let searching): return handleHelpKey(key, help: help, searching: searching)
        case .form(let form): return handleFormKey(key, form: form)
        }
        switch dispatcher.dispatch(key, in: activePane.keyContext) {
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

    func handleSearchKey(_ key: Key, request: SearchRequest, field: TextFieldState) -> AppResponse {
        var field = field
        switch dispatcher.dispatch(key, in: .prompt, textInput: true) {
        case .action(.submit):
            overlay = .none
            request.onCommit()
        case .action(.cancel), .action(.back):
            overlay = .none
            request.onCancel()
        case .action(.cursorDown):
            request.onMove(1)
        case .action(.cursorUp):
            request.onMove(-1)
        default:
            guard field.handle(key) else { return .none }
            overlay = .search(request, field)
            request.onChange(field.text)
        }
        return .redraw
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

    func handlePromptKey(_ key: Key, request: PromptRequest, dialog: PromptDialog) -> AppResponse {
        var dialog = dialog
        switch dispatcher.dispatch(key, in: .prompt, textInput: true) {
        case .action(.submit):
            overlay = .none
            if let problem = request.onSubmit(dialog.answer) {
                dialog.error = problem
                overlay = .prompt(request, dialog)
            }
            return .redraw
        case .action(.cancel), .action(.back):
            overlay = .none
            return .redraw
        case .action(.cursorUp):
            dialog.move(by: -1)
        case .action(.cursorDown):
            dialog.move(by: 1)
        case .action(.complete) where request.complete != nil:  // Tab completes (the F prompt's paths)
            guard case .input(var field) = dialog.mode, let complete = request.complete else { return .none }
            let completed = complete(field.text)
            field.setText(completed.text)
            dialog.mode = .input(field)
            dialog.hint = completed.hint
        default:
            guard dialog.handle(key) else { return .none }
            if case .input = dialog.mode { dialog.hint = nil }
        }
        overlay = .prompt(request, dialog)
        return .redraw
    }

    func handleConfirmKey(_ key: Key, request: ConfirmRequest) -> AppResponse {
        guard let yes = ConfirmDialog.answer(for: key) else { return .none }
        overlay = .none
        request.onAnswer(yes)
        return .redraw
    }

    func handleHelpKey(_ key: Key, help: HelpOverlay, searching: TextFieldState?) -> AppResponse {
        var help = help
        let height = max(1, layout.body.height - 2)
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

    func handleFormKey(_ key: Key, form: any PaneForm) -> AppResponse {
        if form.capturesKeys { return form.handle(key) ? .redraw : .none }  // e.g. its choice list is open
        let outcome = dispatcher.dispatch(key, in: .form, textInput: true)
        if form.discardQuestion != nil {  // "Discard N changes? y/n": only y, n, Esc and C-g answer it
            switch (key, outcome) {
            case (.char("y"), _), (.char("Y"), _), (_, .action(.cancel)), (_, .action(.back)), (_, .action(.discardForm)):
                return closeForm(form)
            case (.char("n"), _), (.char("N"), _):
                form.keepEditing()
                return .redraw
            default:
                return .none
            }
        }
        if case .action(let action) = outcome, form.perform(action) { return .redraw }
        switch outcome {
        case .action(.nextField): form.moveFocus(1)
        case .action(.previousField): form.moveFocus(-1)
        case .action(.save):
            if form.save(), case .form(let open) = overlay, open === form { overlay = .none }
        case .action(.cancel), .action(.back):
            if form.requestCancel() { return closeForm(form) }
        case .action(.discardForm): return closeForm(form)
        case .pending: return .redraw
        default:
            guard form.handle(key) else { return .none }
        }
        return .redraw
    }

    /// Closes `form` without saving (it says what was thrown away).
    func closeForm(_ form: any PaneForm) -> AppResponse {
        overlay = .none
        form.cancel()
        return .redraw
    }

    func handlePaste(_ text: String) -> AppResponse {
        switch overlay {
        case .search(let request, var field):
            field.insert(text)
            overlay = .search(request, field)
            request.onChange(field.text)
        case .command(var input):
            input.paste(text)
            overlay = .command(input)
        case .prompt(let request, var dialog):
            dialog.paste(text)
            overlay = .prompt(request, dialog)
        case .form(let form):
            form.paste(text)
        default:
            return .none
        }
        return .redraw
    }

    func handleMouse(_ mouse: MouseEvent) -> AppResponse {
        guard case .none = overlay else { return .none }
        let layout = self.layout
        if case .tooSmall = layout.panes { return .none }
        if mouse.kind == .click(button: 1), layout.tabBar.contains(mouse.position), let id = tabAt(column: mouse.position.column) {
            open(id)
            return .redraw
        }
        return activePane.handleMouse(mouse, in: layout.body) ? .redraw : .none
    }
}
