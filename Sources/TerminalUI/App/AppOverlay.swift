import ViewModels

/// What has the keyboard above the panes: nothing, or one modal thing at a time. Panes open
/// these through `PaneHost`; the app draws them and routes keys to them.
public enum AppOverlay {
    /// The panes have the keyboard.
    case none
    /// `/` search being typed in the status bar row (results as you type).
    case search(SearchRequest, TextFieldState)
    /// The `:` command line.
    case command(CommandLineInput)
    /// A question (set status, assign, add note, save view...).
    case prompt(PromptRequest, PromptDialog)
    /// A yes/no confirmation.
    case confirm(ConfirmRequest, ConfirmDialog)
    /// The `?` help overlay; `searching` holds the search text while it is typed.
    case help(HelpOverlay, searching: TextFieldState?)
    /// A pane's form (new lead, edit lead, …).
    case form(any PaneForm)
    /// Start-up problems (keymap/theme `FILE:LINE: message`), dismissed with any key.
    case diagnostics([String])
}

/// What a confirmation's answer does.
public struct ConfirmRequest {
    /// Gets true for yes, false for no.
    public var onAnswer: @MainActor (Bool) -> Void
}
