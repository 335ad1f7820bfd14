import Core
import ViewModels

/// The status bar's hint when no message shows: what the keys do in whatever has the keyboard
/// (the visible pane, a form, a picker, a prompt, help, a confirmation), with the keys the
/// active keymap binds there — never keys that would be typed into a field.
extension CloserApp {
    /// The hint for the current overlay or the visible pane.
    var idleHint: String {
        switch overlay {
        case .none:
            let context = activePane.keyContext
            return hintText([FooterHint(.help, "help")] + activePane.footerHints, in: context, typing: false)
        case .form(let form):
            if form.capturesKeys { return "<Enter> choose · <Esc> back to the form · <Down>/<Up> move · a letter jumps" }
            return hintText([FooterHint(.save, "save"), FooterHint(.cancel, "cancel")] + form.extraHints
                            + [FooterHint(.nextField, "next"), FooterHint(.previousField, "prev")], in: .form, typing: true)
        case .prompt(let request, let dialog):
            if case .filter(let list) = dialog.mode {  // the :transfer picker
                let moving = list.lettersMove ? "j/k move · type to filter (/ for j or k)" : "<Up>/<Down> move · <BS> edits"
                return hintText([FooterHint(.submit, "choose"), FooterHint(.cancel, "cancel")], in: .prompt, typing: true)
                    + " · " + moving
            }
            if case .input = dialog.mode, request.complete != nil {  // the F prompt
                return hintText([FooterHint(.submit, "send"), FooterHint(.complete, "complete"), FooterHint(.cancel, "cancel")],
                                in: .prompt, typing: true)
            }
            if case .choice = dialog.mode {
                return hintText([FooterHint(.submit, "choose"), FooterHint(.cancel, "cancel"), FooterHint(.cursorDown, "down"),
                                 FooterHint(.cursorUp, "up")], in: .prompt, typing: true) + " · a letter jumps"
            }
            return hintText([FooterHint(.submit, "save"), FooterHint(.cancel, "cancel")], in: .prompt, typing: true)
        case .confirm:
            return "y yes · n no"
        case .help:
            return hintText([FooterHint(.search, "search"), FooterHint(.cursorDown, "down"), FooterHint(.cursorUp, "up"),
                             FooterHint(.cancel, "close")], in: .help, typing: false)
        case .diagnostics:
            return "any key closes"
        case .search, .command:
            return ""
        }
    }

    /// "key label · key label" for the hints that have a key in `context` (`typing`: printable
    /// keys are typed there, so only non-printable ones count).
    func hintText(_ hints: [FooterHint], in context: KeyContext, typing: Bool) -> String {
        hints.compactMap { hint in keyHint(hint.action, in: context, typing: typing).map { "\($0) \(hint.label)" } }
            .joined(separator: " · ")
    }

    /// The key bound to `action` in `context` (or global, unless `typing`) that a hint shows, in
    /// key notation: Enter, Esc, Tab first, function keys last, else the shortest.
    func keyHint(_ action: Action, in context: KeyContext, typing: Bool = false) -> String? {
        // Every frame's status bar asks for several of these; the keymap is fixed for the app's life.
        let cacheKey = KeyHintKey(action: action, context: context, typing: typing)
        if let known = keyHints[cacheKey] { return known }
        let hint = uncachedKeyHint(action, in: context, typing: typing)
        keyHints[cacheKey] = hint
        return hint
    }

    private func uncachedKeyHint(_ action: Action, in context: KeyContext, typing: Bool) -> String? {
        let keymap = dispatcher.keymap
        var sequences = keymap.keys(for: action, in: context, includingGlobal: !typing)
        if typing { sequences.removeAll { $0.count == 1 && $0[0].printable != nil } }
        return sequences.map { KeyNotation.format($0) }.min { Self.hintRank($0) < Self.hintRank($1) }
    }

    /// Sort key of a key's notation for hints.
    static func hintRank(_ notation: String) -> (Int, Int, String) {
        let preferred = ["<Enter>", "<Esc>", "<Tab>", "<BackTab>"]
        if let index = preferred.firstIndex(of: notation) { return (0, index, notation) }
        let isFunctionKey = notation.hasPrefix("<F") && notation.dropFirst(2).first?.isNumber == true
        return (isFunctionKey ? 2 : 1, notation.count, notation)
    }
}

/// What a status-bar key hint depends on (the keymap itself never changes while the app runs).
struct KeyHintKey: Hashable {
    let action: Action
    let context: KeyContext
    let typing: Bool
}
