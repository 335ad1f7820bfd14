import Core
import Foundation
import ViewModels

/// `A` on a lead's detail: a new appointment for that lead, validated with seed 001's rules and
/// queued through the outbox; the detail shows it when saved.
extension LeadsPane {
    func openAppointmentForm(leadId: Int64) {
        guard let model = session.appointmentForm(forLead: leadId) else { return host.inform("That lead is gone", error: true) }
        openAppointmentForm(model, saved: "Appointment saved; queued for sync")
    }

    /// `x` on a detail whose refused change is a note or an appointment: the note's text in a
    /// prompt, or the appointment's form, with the server's message; saving sends it again.
    /// Returns false when there is no such change (lead fields are fixed in the lead form).
    func fixRejectedRecord() -> Bool {
        guard let fix = detail?.rejectedRecordFix() else { return false }
        switch fix {
        case .note(let noteId, let text, let messages):
            var field = TextFieldState(text: text, maxLength: 499)
            field.moveEnd()
            host.prompt(PromptRequest(purpose: "fix-rejected", title: "Fix note — \(messages.joined(separator: " "))",
                                      mode: .input(field)) { [unowned self] answer in
                guard var current = detail else { return nil }
                let problems = current.fixRejectedNote(noteId: noteId, text: answer)
                detail = current
                flush()
                if problems.isEmpty { afterLocalEdit(); return nil }
                return problems.joined(separator: " ")
            })
        case .appointment(let model):
            openAppointmentForm(model, saved: "Appointment fixed; queued for sync")
        }
        return true
    }

    /// Opens the appointment form over the detail; a save queues it and says `saved`, a refusal
    /// keeps the form open with its first message.
    private func openAppointmentForm(_ model: AppointmentFormViewModel, saved: String) {
        host.openForm(AppointmentFormOverlay(model: model, onSave: { [unowned self] edited in
            var form = edited
            do {
                if try form.save() != nil {
                    afterLocalEdit()
                    detail?.reload()
                    host.inform(saved)
                    return nil
                }
                host.inform(form.firstError ?? "Check the form", error: true)
            } catch {
                host.inform("Saving the appointment failed: \(error)", error: true)
            }
            return form
        }, onCancel: { [unowned self] in host.inform("Not saved") }))
    }
}
