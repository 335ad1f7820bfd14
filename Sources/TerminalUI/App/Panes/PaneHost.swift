import Core
import ViewModels

/// What panes ask of the app that holds them: navigation, the status bar, and the shared modal
/// overlays (confirmation, prompt, form, incremental search). `CloserApp` implements it.
@MainActor
public protocol PaneHost: AnyObject {
    /// The data session (make view models from it).
    var session: AppSession { get }
    /// Clipboard, external editor, bell (nil in tests).
    var control: TerminalControl? { get }
    /// The process environment (`$VISUAL`/`$EDITOR`).
    var environment: [String: String] { get }
    /// Whether a key is waiting unread (from the front end; always false in tests): long idle
    /// reads ask it and give way.
    var inputWaiting: @Sendable () -> Bool { get }

    // Navigation
    /// Shows pane `id` (made on first use), pushing the current one on the back stack.
    /// Says "no calendar pane yet" for a pane that is not registered.
    func open(_ id: PaneID)
    /// Goes back along the stack (what Esc does when the pane has nothing to unwind).
    func back()
    /// Leads pane: opens the detail of lead `id`; Esc returns to the pane that asked.
    func openLead(id: Int64)
    /// Leads pane: shows the list with `filter` under `title` (a dashboard drill-down), in
    /// `sort` order when given; Esc restores the list as it was (filter, order, selection) and
    /// returns to the pane that asked.
    func openLeads(filter: LeadFilter, sort: LeadSort?, title: String)

    // Status bar
    /// Shows `text` in the status bar (newest message wins).
    func inform(_ text: String, error: Bool)
    /// Shows a view model's message.
    func post(_ message: StatusMessage)

    // Overlays (one at a time; each replaces whatever was open)
    /// Asks `question` (y/n); `onAnswer` gets the answer.
    func confirm(_ question: String, onAnswer: @escaping @MainActor (Bool) -> Void)
    /// Opens a prompt (free text or a choice list).
    func prompt(_ request: PromptRequest)
    /// Opens a form over the pane.
    func openForm(_ form: any PaneForm)
    /// Starts an as-you-type search in the status bar row.
    func beginSearch(_ request: SearchRequest)

    // Data
    /// After a local edit: outbox counts re-read and the sync worker nudged to push.
    func didEditLocally()
    /// Asks the sync worker to fetch the full detail of a lead now (no-op offline).
    func requestDetail(leadId: Int64)
    /// The lead selected in the Leads pane (conversation pane; default nil).
    var selectedLeadId: Int64? { get }
}

extension PaneHost {
    /// The lead selected in the Leads pane (its open detail, else the list's selection); nil when none.
    /// Panes about one lead (the conversation) follow it. Hosts without a Leads pane say nil.
    public var selectedLeadId: Int64? { nil }

    /// `openLeads(filter:sort:title:)` keeping the list's order.
    public func openLeads(filter: LeadFilter, title: String) { openLeads(filter: filter, sort: nil, title: title) }

    /// Shows an info message.
    public func inform(_ text: String) { inform(text, error: false) }
}

/// A question for `PaneHost.prompt`: its title, free text or choices, and what to do with the answer.
public struct PromptRequest {
    /// What the answer is for (tests and help look at it: "set-status", "add-note", …).
    public var purpose: String
    /// The question, e.g. "Set status of 3 leads".
    public var title: String
    /// Free text or a choice list.
    public var mode: PromptDialog.Mode
    /// Gets the answer; returns nil to close the prompt, or a message to keep it open showing it.
    public var onSubmit: @MainActor (String) -> String?
    /// Tab in an input prompt: the completed text and a hint to show under it (e.g. the
    /// candidates); nil: Tab does nothing here.
    public var complete: (@MainActor (String) -> (text: String, hint: String?))? = nil

    /// A prompt request.
    public init(purpose: String, title: String, mode: PromptDialog.Mode, onSubmit: @escaping @MainActor (String) -> String?) {
        self.purpose = purpose
        self.title = title
        self.mode = mode
        self.onSubmit = onSubmit
    }
}

/// An as-you-type search in the status bar row (`/`): the pane filters on every change.
public struct SearchRequest {
    /// The text to start from.
    public var initialText: String
    /// The text changed.
    public var onChange: @MainActor (String) -> Void
    /// Enter: keep the result.
    public var onCommit: @MainActor () -> Void
    /// Esc: back to what was shown before.
    public var onCancel: @MainActor () -> Void
    /// Up/Down while typing: move the pane's selection by the delta.
    public var onMove: @MainActor (Int) -> Void
    /// What the hint says after the text ("12 found").
    public var resultText: @MainActor () -> String

    /// A search request.
    public init(initialText: String, onChange: @escaping @MainActor (String) -> Void, onCommit: @escaping @MainActor () -> Void,
                onCancel: @escaping @MainActor () -> Void, onMove: @escaping @MainActor (Int) -> Void,
                resultText: @escaping @MainActor () -> String) {
        self.initialText = initialText
        self.onChange = onChange
        self.onCommit = onCommit
        self.onCancel = onCancel
        self.onMove = onMove
        self.resultText = resultText
    }
}

/// A form a pane opens over itself (`PaneHost.openForm`): the app routes the form context's keys
/// to it (next/previous field, save, cancel) and typing to the focused field.
@MainActor
public protocol PaneForm: AnyObject {
    /// Moves the focus by `delta` fields.
    func moveFocus(_ delta: Int)
    /// An editing key for the focused field; returns whether it was used.
    func handle(_ key: Key) -> Bool
    /// Pasted text into the focused field.
    func paste(_ text: String)
    /// Draws the form into `rect`; returns where the cursor goes.
    func draw(in rect: Rect, canvas: Canvas, theme: Theme) -> Position?
    /// Validates and saves; returns true when saved (the form closes) and false when it stays
    /// open showing its messages.
    func save() -> Bool
    /// The form was closed without saving.
    func cancel()
    /// A form action of its own (`pick-choice`); true when used (default: none).
    func perform(_ action: Action) -> Bool
    /// While true (a choice list inside the form is open) keys go to `handle` unmapped.
    var capturesKeys: Bool { get }
    /// Extra status bar hints for the focused field (default: none).
    var extraHints: [FooterHint] { get }
    /// Esc/cancel: true when the form may close now; false when it asks first (unsaved changes).
    func requestCancel() -> Bool
    /// The question being asked before closing ("Discard 3 changes? y/n"), if any.
    var discardQuestion: String? { get }
    /// "n" to the discard question: back to editing.
    func keepEditing()
}

extension PaneForm {
    /// No actions of its own by default.
    public func perform(_ action: Action) -> Bool { false }
    /// Keys are mapped by the keymap by default.
    public var capturesKeys: Bool { false }
    /// No extra hints by default.
    public var extraHints: [FooterHint] { [] }
    /// Closes at once by default.
    public func requestCancel() -> Bool { true }
    /// Asks nothing by default.
    public var discardQuestion: String? { nil }
    /// Nothing to go back to by default.
    public func keepEditing() {}
}
