import Core
import ViewModels

/// The calendar's theme styles, looked up once per frame: the week and month views draw hundreds
/// of appointments, and a theme lookup hashes the element's name each time.
struct CalendarStyles {
    let base: Style
    let weekend: Style
    let header: Style
    let today: Style
    let now: Style
    let dim: Style
    let collision: Style
    /// The selection (dimmed when the pane does not have the keyboard).
    let selected: Style
    /// Per `AppointmentStatus.allCases` index (`calendar.<status>`).
    private let statuses: [Style]
    /// Per `SyncMark` (`LeadListScreen.syncElement`).
    private let syncNone: Style
    private let syncPending: Style
    private let syncRejected: Style
    private let syncConflict: Style

    /// `theme`'s calendar styles; `focused` is whether the pane has the keyboard.
    init(theme: Theme, focused: Bool) {
        base = theme.style("calendar")
        weekend = theme.style("calendar.weekend")
        header = theme.style("calendar.header")
        today = theme.style("calendar.today")
        now = theme.style("calendar.now")
        dim = theme.style("dim")
        collision = theme.style("calendar.collision")
        selected = focused ? theme.style("calendar.selected") : theme.style("calendar.selected").adding(.dim)
        statuses = AppointmentStatus.allCases.map { theme.style(ThemeElement.appointment($0)) }
        syncNone = theme.style(LeadListScreen.syncElement(.none))
        syncPending = theme.style(LeadListScreen.syncElement(.pending))
        syncRejected = theme.style(LeadListScreen.syncElement(.rejected))
        syncConflict = theme.style(LeadListScreen.syncElement(.conflict))
    }

    /// The style of an appointment status.
    func status(_ status: AppointmentStatus) -> Style {
        switch status {
        case .pending: return statuses[0]
        case .rescheduled: return statuses[1]
        case .cancelled: return statuses[2]
        case .fullfilled: return statuses[3]
        case .confirmed: return statuses[4]
        }
    }

    /// The style of a sync mark (`LeadListScreen.syncElement`).
    func sync(_ mark: SyncMark) -> Style {
        switch mark {
        case .none: return syncNone
        case .pending: return syncPending
        case .rejected, .deletedRemotely: return syncRejected
        case .conflict: return syncConflict
        }
    }

    /// A day's header: today highlighted, weekends dimmed.
    func day(_ day: Int, today todayNumber: Int) -> Style {
        if day == todayNumber { return today }
        return CalendarScreen.isWeekend(day) ? weekend : header
    }
}
