import Core
import Foundation
import ViewModels

/// The Calendar tab (2): agenda, day, week and month views of the appointments, editing through
/// the outbox, reminders. Key context `calendar`; drawn by `CalendarScreen`.
@MainActor
public final class CalendarPane: Pane {
    /// The registry entry.
    public static let descriptor = PaneDescriptor(id: .calendar, tabTitle: "Calendar", number: 2, keyContext: .calendar,
                                                  openAction: .openCalendar) { CalendarPane(environment: $0) }

    /// The data.
    let session: AppSession
    /// The app.
    unowned let host: any PaneHost
    /// The calendar's state.
    public internal(set) var calendar: CalendarViewModel
    /// `[calendar]` settings read at start.
    let settings: CalendarSettings
    /// The minute of the last reminder check (once a minute, no other periodic work).
    var lastTickMinute: Int64 = -1

    /// A calendar pane over `environment`'s session; `[calendar]` settings come from the config file.
    public init(environment: PaneEnvironment) {
        session = environment.session
        host = environment.host
        let path = ConfigPaths.userFile(named: "config", environment: environment.host.environment)
        settings = path.map(CalendarSettings.load(path:)) ?? CalendarSettings()
        calendar = session.calendar(rows: environment.body.height, columns: environment.body.width, settings: settings)
        if let problem = settings.problems.first { host.inform(problem, error: true) }
    }

    public var id: PaneID { .calendar }
    public var keyContext: KeyContext { .calendar }
    public var title: String { calendar.title }

    public var footerHints: [FooterHint] {
        [FooterHint(.calendarNextView, "view"), FooterHint(.newAppointment, "new"), FooterHint(.openDetail, "open"),
         FooterHint(.filterOwner, "whose"), FooterHint(.goToday, "today")]
    }

    public func resize(to body: Rect) {
        let size = CalendarScreen.viewport(for: body)
        calendar.resize(rows: size.rows, columns: size.columns)
    }

    public func reload() {
        calendar.reload()
        flush()
    }

    public func didBecomeActive() { calendar.reload() }

    /// One read-ahead step (a day column or a month grid of the neighbouring periods), and once a
    /// minute: the clock moves ("now" marker) and a reminder may show (bell if configured).
    public func idle(now: Date) -> Bool {
        calendar.readAheadStep()  // one read; the run loop looks for a key before the next
        let minute = Int64(now.timeIntervalSince1970) / 60
        guard minute != lastTickMinute else { return false }
        lastTickMinute = minute
        if calendar.checkReminder() != nil, settings.remindBell { host.control?.bell() }
        flush()
        return true
    }

    /// Read-ahead steps are left for the period shown.
    public var hasIdleWork: Bool { calendar.hasReadAheadWork }

    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme, focused: Bool) {
        let size = CalendarScreen.viewport(for: rect)
        if size.rows != calendar.rows || size.columns != calendar.columns { calendar.resize(rows: size.rows, columns: size.columns) }
        CalendarScreen.draw(calendar, in: rect, canvas: canvas, theme: theme, focused: focused)
    }

    /// Hands the view model's message to the status bar.
    func flush() {
        if let message = calendar.message {
            host.post(message)
            calendar.clearMessage()
        }
    }
}
