/// The name of something the user can do (`cursor-down`, `set-status`, ...). The same names are
/// used in keymap files, on the `:` command line and on the help screen; `ActionTable` lists them all.
public struct Action: Hashable, Sendable, RawRepresentable, ExpressibleByStringLiteral, CustomStringConvertible, Comparable {
    /// The action name as written in keymaps.
    public let rawValue: String
    /// Wraps a name (existence is checked against `ActionTable`, not here).
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a literal name.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The name.
    public var description: String { rawValue }
    /// Orders by name.
    public static func < (lhs: Action, rhs: Action) -> Bool { lhs.rawValue < rhs.rawValue }

    // Movement
    public static let cursorDown: Action = "cursor-down"
    public static let cursorUp: Action = "cursor-up"
    public static let pageDown: Action = "page-down"
    public static let pageUp: Action = "page-up"
    public static let halfPageDown: Action = "half-page-down"
    public static let halfPageUp: Action = "half-page-up"
    public static let cursorTop: Action = "cursor-top"
    public static let cursorBottom: Action = "cursor-bottom"
    public static let scrollDown: Action = "scroll-down"
    public static let scrollUp: Action = "scroll-up"
    // Search, filters, sort, views
    public static let search: Action = "search"
    public static let searchNext: Action = "search-next"
    public static let searchPrevious: Action = "search-previous"
    public static let filterStatus: Action = "filter-status"
    public static let filterSource: Action = "filter-source"
    public static let filterOwner: Action = "filter-owner"
    public static let filterPending: Action = "filter-pending"
    /// Conversation pane: only leads with unread conversation messages.
    public static let filterUnread: Action = "filter-unread"
    public static let filterRejected: Action = "filter-rejected"
    public static let clearFilters: Action = "clear-filters"
    public static let sortNext: Action = "sort-next"
    public static let sortReverse: Action = "sort-reverse"
    public static let viewSave: Action = "view-save"
    public static let viewLoad: Action = "view-load"
    public static let viewDelete: Action = "view-delete"
    public static let filter: Action = "filter"
    // Marks and bulk
    public static let toggleMark: Action = "toggle-mark"
    public static let markAll: Action = "mark-all"
    public static let clearMarks: Action = "clear-marks"
    public static let setStatus: Action = "set-status"
    public static let assign: Action = "assign"
    public static let delete: Action = "delete"
    // Detail and editing
    public static let openDetail: Action = "open-detail"
    public static let closeDetail: Action = "close-detail"
    public static let back: Action = "back"
    public static let editField: Action = "edit-field"
    public static let editLead: Action = "edit-lead"
    public static let newLead: Action = "new-lead"
    public static let addNote: Action = "add-note"
    public static let addNoteEditor: Action = "add-note-editor"
    public static let copyEmail: Action = "copy-email"
    public static let copyPhone: Action = "copy-phone"
    public static let fixRejected: Action = "fix-rejected"
    public static let discardRejected: Action = "discard-rejected"
    // Forms and prompts
    public static let nextField: Action = "next-field"
    public static let previousField: Action = "previous-field"
    public static let save: Action = "save"
    public static let cancel: Action = "cancel"
    // Forms: closing without asking (safety)
    public static let discardForm: Action = "discard-form"
    public static let submit: Action = "submit"
    public static let complete: Action = "complete"
    public static let pickChoice: Action = "pick-choice"
    // Global
    public static let focusNextPane: Action = "focus-next-pane"
    public static let commandLine: Action = "command-line"
    public static let help: Action = "help"
    public static let syncNow: Action = "sync-now"
    public static let redraw: Action = "redraw"
    public static let suspend: Action = "suspend"
    public static let quit: Action = "quit"
    public static let setTheme: Action = "set-theme"
    public static let setKeymap: Action = "set-keymap"
    // Remotes (issue 8): `:push NAME` queues leads for a destination remote
    public static let pushLeads: Action = "push-leads"
    // Panes (the pane shell): show a pane; `:leads`, `:calendar`… are aliases
    public static let openLeads: Action = "open-leads"
    public static let openCalendar: Action = "open-calendar"
    public static let openConversation: Action = "open-conversation"
    public static let openDashboard: Action = "open-dashboard"
    // Calendar
    public static let calendarNextView: Action = "calendar-next-view"
    public static let nextDay: Action = "next-day"
    public static let previousDay: Action = "previous-day"
    public static let nextPeriod: Action = "next-period"
    public static let previousPeriod: Action = "previous-period"
    public static let goToday: Action = "go-today"
    public static let goToDate: Action = "go-to-date"
    public static let newAppointment: Action = "new-appointment"
    public static let editAppointment: Action = "edit-appointment"
    // Dashboard
    public static let drillDown: Action = "drill-down"
    public static let cursorLeft: Action = "cursor-left"
    public static let cursorRight: Action = "cursor-right"
    public static let nextBlock: Action = "next-block"
    public static let previousBlock: Action = "previous-block"
    public static let cyclePeriod: Action = "cycle-period"

    // Conversation pane
    /// A text reply on the lead's last channel (inside the 24 h window).
    public static let reply: Action = "reply"
    /// A channel template with its parameters.
    public static let sendTemplate: Action = "send-template"
    /// A file (path prompt, size checked first).
    public static let sendFile: Action = "send-file"
    /// A follow-up e-mail through CleverApp (subject prompt, body in $VISUAL/$EDITOR).
    public static let sendEmail: Action = "send-email"
    /// Folds or unfolds the selected entry.
    public static let toggleFold: Action = "toggle-fold"
    /// Sends a failed send again (an unknown outcome asks first).
    public static let retrySend: Action = "retry-send"
    /// Discards a send that has not gone.
    public static let discardSend: Action = "discard-send"
    /// Transfers the prospect to a group or agent (`:transfer`).
    public static let transfer: Action = "transfer"
    /// Archives the prospect with a reason (`:archive REASON`).
    public static let archive: Action = "archive"
    /// Creates the lead's Zenvia prospect (`POST /lead`) when it has none (`:zenvia-create`).
    public static let zenviaCreate: Action = "zenvia-create"
}
