import Core
import Foundation
import Store

/// The calendar's view models, made from the session (TerminalUI never sees the Store).
extension AppSession {
    /// The calendar over this database for the session's user.
    public func calendar(rows: Int, columns: Int, settings: CalendarSettings = CalendarSettings(),
                         zone: CalendarZone = .current) -> CalendarViewModel {
        CalendarViewModel(store: store, currentUser: currentUser, zone: zone, rows: rows, columns: columns,
                          weekStartsOnSunday: settings.weekStartsOnSunday, remindMinutes: settings.remindMinutes, now: now)
    }

    /// A new-appointment form for lead `leadId` (`A` on a lead's detail), starting at the next
    /// full hour; nil when the lead is gone.
    public func appointmentForm(forLead leadId: Int64, zone: CalendarZone = .current) -> AppointmentFormViewModel? {
        guard let lead = try? store.lead(id: leadId) else { return nil }
        let next = (Int64(now().timeIntervalSince1970) / 3600 + 1) * 3600
        return AppointmentFormViewModel(store: store, creatingFor: lead, start: next, zone: zone, now: now)
    }
}
