import Core
import Foundation
import ViewModels

/// Actions: the shared ones (quit, help, `:`, sync, theme, `open-…`, back along the stack) run
/// here; everything else goes to the visible pane. Keys and the `:` line take the same path.
extension CloserApp {
    /// Runs `action` (with `:` line `arguments`, if any).
    func perform(_ action: Action, arguments: [String]) -> AppResponse {
        let argument = arguments.joined(separator: " ")
        switch action {
        case .quit: return .quit
        case .redraw: return .redrawAll
        case .suspend: return .suspend
        case .help:
            overlay = .help(HelpOverlay(keymap: dispatcher.keymap, leading: helpContexts, omitting: absentPaneContexts), searching: nil)
        case .commandLine:
            if madeCommandLine == nil { _ = commandLine } else { commandLine.refresh() }  // made: just read
            var input = lastCommandHistory
            input.field = TextFieldState()
            overlay = .command(input)
        case .syncNow:
            if let sync { sync.syncNow(); inform("Syncing…") } else { inform("No remote configured: nothing to sync", error: true) }
        case .setTheme:
            guard !argument.isEmpty else { return openCommandLine("theme ") }
            switchTheme(argument)
        case .setKeymap:
            inform("Start Closer with --keymap \(argument.isEmpty ? "NAME" : TextSanitizer.line(argument)) to switch keymaps", error: true)
        default:
            if let id = paneOpened(by: action) {
                open(id)
                return .redraw
            }
            switch activePane.perform(action, argument: argument) {
            case .handled: break
            case .respond(let response): return response
            case .notHandled:
                if action == .back || action == .cancel || action == .closeDetail { back() }
                else { inform("'\(action.rawValue)' does nothing here", error: true) }
            }
        }
        return .redraw
    }

    /// The pane an `open-…` action shows (registered or one of the four built-in names).
    func paneOpened(by action: Action) -> PaneID? {
        registry.first { $0.openAction == action }?.id ?? PaneRegistry.openActions[action]
    }

    /// Help lists the visible pane's keys first, then its other context, then the rest.
    var helpContexts: [KeyContext] {
        var contexts = [activePane.keyContext]
        if let own = descriptor(activePaneID)?.keyContext, !contexts.contains(own) { contexts.append(own) }
        if activePaneID == .leads, !contexts.contains(.detail) { contexts.append(.detail) }
        return contexts
    }

    /// Key contexts of the built-in panes that are not registered (left out of help).
    var absentPaneContexts: Set<KeyContext> {
        Set<KeyContext>([.calendar, .conversation, .dashboard]).subtracting(registry.map(\.keyContext))
    }

    /// Opens the `:` line with `text` typed.
    func openCommandLine(_ text: String) -> AppResponse {
        var input = lastCommandHistory
        input.field = TextFieldState(text: text)
        input.field.moveEnd()
        overlay = .command(input)
        return .redraw
    }

    /// Runs a `:` line: the first word is an action of the table or an alias of one
    /// (`CommandAliases`), run by `perform` exactly as its key, with the rest as arguments.
    func runCommandLine(_ line: String, history: CommandLineInput) -> AppResponse {
        lastCommandHistory = history
        var words = CommandLineViewModel.tokens(line)
        guard let name = words.first else { return .redraw }
        if name == "view" {  // `:view save|load|delete NAME`
            guard words.count >= 3, let action = CommandAliases.viewActions[words[1]] else {
                inform("usage: :view save|load|delete NAME", error: true)
                return .redraw
            }
            return perform(action, arguments: [words.dropFirst(2).joined(separator: " ")])
        }
        words.removeFirst()
        let named = Action(rawValue: name)
        guard let action = CommandAliases.action(for: name) ?? (ActionTable.standard.contains(named) ? named : nil) else {
            inform("unknown command '\(TextSanitizer.line(name))'", error: true)
            return .redraw
        }
        if let info = ActionTable.standard.info(action), info.argument == nil, !words.isEmpty {
            inform(":\(TextSanitizer.line(name)) takes no argument", error: true)
            return .redraw
        }
        return perform(action, arguments: words)
    }

    /// `:theme NAME|PATH`: loads and applies a theme (its problems shown, the rest used); a name
    /// or file that does not exist keeps the current theme.
    func switchTheme(_ name: String) {
        guard setup.themeLoader.path(of: name) != nil else {
            let names = setup.themeLoader.availableThemes().joined(separator: ", ")
            inform("theme: \(VendorMessages.invalidChoice(TextSanitizer.line(name)))" + (names.isEmpty ? "" : " (\(names), or a file)"), error: true)
            return
        }
        let loaded = setup.themeLoader.load(name, noColor: setup.noColor)
        theme = loaded.theme
        if let problem = loaded.diagnostics.first { inform(problem.description, error: true) } else { inform("Theme \(name)") }
    }
}

/// Short `:` words for actions (`:calendar` = `:open-calendar`).
enum CommandAliases {
    /// Alias → action.
    static let table: [String: Action] = [
        "leads": .openLeads, "calendar": .openCalendar, "conversation": .openConversation, "dashboard": .openDashboard,
        "status": .setStatus, "search": .search, "note": .addNote, "sync": .syncNow, "theme": .setTheme,
        "quit": .quit, "q": .quit, "keymap": .setKeymap, "sort": .sortNext,
        "push": .pushLeads,
        "date": .goToDate,  // calendar
    ]

    /// `:view WORD NAME`.
    static let viewActions: [String: Action] = ["save": .viewSave, "load": .viewLoad, "delete": .viewDelete]

    /// The action `word` stands for.
    static func action(for word: String) -> Action? { table[word] }

    /// All alias words (for completion).
    static var names: [String] { table.keys.sorted() }
}
