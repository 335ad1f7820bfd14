import Core
import Foundation
import Store

/// A reminder for the status bar: an appointment of the current user starting soon.
public struct CalendarReminder: Sendable, Equatable {
    /// "in 12 min: Pricing call — Zoë Ölander" (sanitised).
    public let text: String
    /// Ring the terminal bell too (`remind_bell = yes`).
    public let appointmentId: Int64
}

/// Editing from the calendar: new, edit/reschedule, status, delete with confirmation, fix and
/// discard of a rejected change, opening the lead, reminders.
extension CalendarViewModel {
    /// `a` / `A`: opens the form for a new appointment of `leadId` (default: the selected
    /// appointment's lead) at the selected hour (day/week) or the next full hour.
    public mutating func newAppointment(forLead leadId: Int64? = nil) {
        guard let leadId = leadId ?? selectedEntry?.appointment.leadId else {
            return complain("Select an appointment, or press A on a lead's detail, to choose the lead")
        }
        do {
            guard let lead = try store.lead(id: leadId) else { return complain("That lead is gone") }
            form = AppointmentFormViewModel(store: store, creatingFor: lead, start: suggestedStart(), zone: zone, now: now)
        } catch {
            complain(ErrorText.describe(error, doing: "Opening the lead"))
        }
    }

    /// Where a new appointment starts: the selected hour (day/week views) or, on today, the next
    /// full hour; on another day 09:00.
    func suggestedStart() -> Int64 {
        let dayStart = Int64(selectedDay) * 86_400
        if view == .day || view == .week { return zone.utc(fromLocal: dayStart + Int64(selectedHour) * 3600) }
        if selectedDay == today { return (nowSeconds / 3600 + 1) * 3600 }
        return zone.utc(fromLocal: dayStart + 9 * 3600)
    }

    /// `e`: opens the form on the selected appointment (reschedule, note, status).
    public mutating func editSelected() {
        guard let entry = selectedEntry else { return complain("No appointment selected") }
        form = AppointmentFormViewModel(store: store, editing: entry, zone: zone, now: now)
    }

    /// Types into the open form.
    public mutating func setFormValue(_ field: AppointmentFormViewModel.Field, _ text: String) {
        form?.set(field, text)
    }

    /// Saves the open form (validated first). Returns true when saved and the form closed.
    @discardableResult
    public mutating func saveForm() -> Bool {
        guard var current = form else { return false }
        do {
            guard let saved = try current.save() else {
                form = current
                complain(current.firstError ?? "Check the form")
                return false
            }
            form = nil
            say("Appointment saved; queued for sync")
            selectedDay = zone.day(of: Int64(saved.start.timeIntervalSince1970))
            selectedHour = Int(zone.local(Int64(saved.start.timeIntervalSince1970)) % 86_400 / 3600)
            selectedAppointmentId = saved.id  // the day and week views find its place in the hour
            keepHourVisible()
            if view == .agenda { agendaAnchorDay = min(agendaAnchorDay, selectedDay) }
            reload()
            if view == .agenda, let index = agenda.firstIndex(where: { $0.appointment.id == saved.id }) { agendaSelected = index }
            return true
        } catch {
            form = current
            complain(ErrorText.describe(error, doing: "Saving the appointment"))
            return false
        }
    }

    /// Replaces the open form with the screen's edited copy (before `saveForm()`).
    public mutating func replaceForm(_ edited: AppointmentFormViewModel) { form = edited }

    /// Closes the form without saving.
    public mutating func cancelForm() { form = nil }

    /// `s`: sets the selected appointment's status (a cancelled one coming back is checked for overlap).
    public mutating func setStatusOfSelected(_ status: AppointmentStatus) {
        guard let entry = selectedEntry else { return complain("No appointment selected") }
        var appointment = entry.appointment
        if appointment.status == .cancelled, status != .cancelled,
           (try? store.collidingAppointment(owner: entry.owner, start: entry.start, end: entry.end,
                                            excluding: appointment.id)) != nil {
            return complain(VendorMessages.appointmentExists)
        }
        appointment.status = status
        do {
            try store.updateAppointment(appointment)
            say("Status set to \(Self.statusTitle(status)); queued for sync")
            reload()
        } catch {
            complain(ErrorText.describe(error, doing: "Setting the status"))
        }
    }

    /// `d`: asks "Delete …? (y/n)" for the selected appointment.
    public mutating func requestDelete() {
        guard let entry = selectedEntry else { return complain("No appointment selected") }
        pendingDeleteId = entry.appointment.id
    }

    /// The question to show while a delete waits.
    public var deletePrompt: String? {
        guard let id = pendingDeleteId else { return nil }
        let entry = try? store.calendarEntry(id: id)
        let name = entry.map { TextSanitizerBridge.line($0.leadName) } ?? "appointment"
        let when = entry.map { zone.format($0.start) } ?? ""
        return "Delete the appointment with \(name) at \(when)? (y/n)"
    }

    /// "y": deletes (queued for sync).
    public mutating func confirmDelete() {
        guard let id = pendingDeleteId else { return }
        pendingDeleteId = nil
        do {
            try store.deleteAppointment(id: id)
            say("Appointment deleted; queued for sync")
            reload()
        } catch {
            complain(ErrorText.describe(error, doing: "Deleting the appointment"))
        }
    }

    /// "n": keeps it.
    public mutating func cancelDelete() { pendingDeleteId = nil }

    /// The selected appointment's rejected change, with the server's messages.
    public var selectedRejection: RejectedChange? {
        guard let entry = selectedEntry, entry.sync == .rejected,
              let rejected = try? store.outboxEntries(forAppointment: entry.appointment.id).last(where: { $0.state == .rejected })
        else { return nil }
        return RejectedChange(rejected)
    }

    /// `x`: opens the form on the rejected appointment with the server's messages at their fields;
    /// saving sends it again.
    public mutating func fixSelected() {
        guard let entry = selectedEntry, let rejection = selectedRejection,
              let outbox = try? store.outboxEntry(id: rejection.entryId) else {
            return complain("No rejected change to fix here")
        }
        var messages = outbox.serverMessages
        if let request = messages.removeValue(forKey: "request") { messages["appointment_date", default: []] += request }
        form = AppointmentFormViewModel(store: store, editing: entry, serverMessages: messages, zone: zone, now: now)
    }

    /// `X`: throws the rejected change away and restores the appointment as it was.
    public mutating func discardSelected() {
        guard let rejection = selectedRejection else { return complain("No rejected change to discard here") }
        do {
            try store.discardOutboxEntry(rejection.entryId)
            say("Change discarded")
            reload()
        } catch {
            complain(ErrorText.describe(error, doing: "Discarding"))
        }
    }

    /// Enter: the lead to open (the calendar stays where it is for the way back).
    public func leadToOpen() -> Int64? { selectedEntry?.appointment.leadId }

    /// Once a minute: the first appointment of the current user starting within `remindMinutes`
    /// that was not reminded of yet (each one once).
    public mutating func checkReminder() -> CalendarReminder? {
        guard remindMinutes > 0 else { return nil }
        let from = nowSeconds
        let mine = CalendarFilter(owner: currentUser, statuses: [])
        guard let upcoming = try? store.calendarEntries(from: from, to: from + Int64(remindMinutes) * 60 + 1,
                                                        filter: mine, limit: 20),
              let entry = upcoming.first(where: { !remindedIds.contains($0.appointment.id) && $0.appointment.status != .cancelled })
        else { return nil }
        remindedIds.insert(entry.appointment.id)
        let minutes = max(0, (entry.start - from + 59) / 60)
        let text = "in \(minutes) min: \(TextSanitizerBridge.line(entry.appointment.note)) — \(TextSanitizerBridge.line(entry.leadName))"
        message = StatusMessage(text, level: .info, expiresAt: now().addingTimeInterval(60))
        return CalendarReminder(text: message?.text ?? text, appointmentId: entry.appointment.id)
    }
}
