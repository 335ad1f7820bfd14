import Core
import Foundation
import ViewModels

/// `A` on a lead's detail: a new appointment for that lead, validated with seed 001's rules and
/// queued through the outbox; the detail shows it when saved.
extension LeadsPane {
    func openAppointmentForm(leadId: Int64) {
        guard let model = session.appointmentForm(forLead: leadId) else { return host.inform("That lead is gone", error: true) }
        host.openForm(AppointmentFormOverlay(model: model, onSave: { [unowned self] edited in
            var form = edited
            do {
                if try form.save() != nil {
                    afterLocalEdit()
                    detail?.reload()
                    host.inform("Appointment saved; queued for sync")
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
