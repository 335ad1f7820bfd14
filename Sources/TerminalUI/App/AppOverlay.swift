import ViewModels

/// What has the keyboard above the panes: nothing, or one modal thing at a time.
public enum AppOverlay: Sendable {
    /// The panes have the keyboard.
    case none
    /// `/` search being typed in the status bar row (results as you type).
    case search(TextFieldState)
    /// The `:` command line.
    case command(CommandLineInput)
    /// A question (set status, assign, add note, save view...).
    case prompt(PromptPurpose, PromptDialog)
    /// A yes/no confirmation of the list's or the detail's pending action.
    case confirm(ConfirmTarget, ConfirmDialog)
    /// The `?` help overlay; `searching` holds the search text while it is typed.
    case help(HelpOverlay, searching: TextFieldState?)
    /// The edit-lead / new-lead form.
    case form(LeadFormScreen)
    /// Start-up problems (keymap/theme `FILE:LINE: message`), dismissed with any key.
    case diagnostics([String])
}

/// What a prompt's answer is for.
public enum PromptPurpose: Sendable, Hashable {
    case setStatus, assign, addNote, filterStatus, filterSource, filterOwner, viewSave, viewLoad
}

/// Whose pending confirmation a dialog answers.
public enum ConfirmTarget: Sendable, Hashable {
    case list, detail
}

/// Which pane has the keyboard.
public enum AppPane: Sendable, Hashable {
    case list, detail
}
