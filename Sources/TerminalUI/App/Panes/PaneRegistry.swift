/// Every pane of the app, one line each, in tab order. Registering a pane is one line here plus
/// the pane's own files (see `Pane` and DECISIONS.md "Panes"); the tab bar, the digits, the
/// `open-…` actions and `:name` all follow from this table.
@MainActor
public enum PaneRegistry {
    /// The registered panes.
    public static let all: [PaneDescriptor] = [
        LeadsPane.descriptor,
        CalendarPane.descriptor,
        ConversationPane.descriptor,
        DashboardPane.descriptor,
    ]

    /// The descriptor of `id`, nil when that pane is not registered.
    public static func descriptor(_ id: PaneID) -> PaneDescriptor? { all.first { $0.id == id } }

    /// The pane a built-in `open-…` action shows (registered or not), for "no calendar pane yet".
    public static let openActions: [Action: PaneID] = [
        .openLeads: .leads, .openCalendar: .calendar, .openConversation: .conversation, .openDashboard: .dashboard,
    ]
}
