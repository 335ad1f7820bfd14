import Core
import Foundation

extension SimulatorState {
    /// seed 001 create appointment. With `actor` set, the caller must own the lead (400 slug "You
    /// can't take appointment under this lead.") and the 401 rules apply: end not before start, start
    /// in the future, no overlap with another non-cancelled appointment of the lead owner.
    /// `actor` nil (control endpoints) skips ownership, the future rule and the overlap rule.
    @discardableResult
    public func createAppointment(_ form: [String: String], by actor: String?) throws(SimFailure) -> SimAppointment {
        try locked { () throws(SimFailure) -> SimAppointment in
            var errors = ValidationErrors()
            let index = slugIndex(form["slug"], required: true, actor: actor, into: &errors)
            errors.merge(LeadRules.validateAppointment(form, isCreate: true))
            guard errors.isEmpty, let index,
                  let start = form["appointment_date"].flatMap(WireDate.parseAppointment),
                  let end = form["appointment_to"].flatMap(WireDate.parseAppointment) else { throw .validation(errors) }
            let status = AppointmentStatus(rawValue: form["appointment_status"] ?? "") ?? .pending
            let leadId = leads[index].id
            try checkTimes(start: start, end: end, checkFuture: actor != nil, leadId: leadId, status: status,
                           excluding: nil, checkOverlap: actor != nil)
            let note = form["appointment_note"].flatMap { $0.isEmpty ? nil : $0 } ?? Appointment.defaultNote
            let appointment = SimAppointment(
                id: nextAppointmentId, leadId: leadId, start: start, end: end, note: note, status: status,
                createdBy: actor ?? leads[index].owner)
            nextAppointmentId += 1
            appointments.append(appointment)
            addActivity(leadId: leadId, type: "appointment",
                        text: "Appointment set for \(WireDate.formatAppointment(start))", at: clock())
            return appointment
        }
    }

    /// seed 001 update appointment: only the fields sent change. Rules as for create; the future
    /// rule applies only when `appointment_date` moves.
    @discardableResult
    public func updateAppointment(_ form: [String: String], by actor: String?) throws(SimFailure) -> SimAppointment {
        try locked { () throws(SimFailure) -> SimAppointment in
            let position = try existingAppointment(form["appointment_id"])
            var appointment = appointments[position]
            if let actor, let owner = leadIndex(id: appointment.leadId).map({ leads[$0].owner }), owner != actor {
                throw .request(VendorMessages.cannotUpdateAppointment)
            }
            var errors = ValidationErrors()
            let newLead = form["slug"] == nil ? nil : slugIndex(form["slug"], required: false, actor: actor, into: &errors)
            errors.merge(LeadRules.validateAppointment(form, isCreate: false))
            guard errors.isEmpty else { throw .validation(errors) }
            let before = appointment
            if let newLead { appointment.leadId = leads[newLead].id }
            if let start = form["appointment_date"].flatMap(WireDate.parseAppointment) { appointment.start = start }
            if let end = form["appointment_to"].flatMap(WireDate.parseAppointment) { appointment.end = end }
            if let note = form["appointment_note"] { appointment.note = note.isEmpty ? Appointment.defaultNote : note }
            if let status = form["appointment_status"].flatMap(AppointmentStatus.init(rawValue:)) { appointment.status = status }
            let moved = appointment.start != before.start || appointment.end != before.end
                || appointment.leadId != before.leadId || (before.status == .cancelled && appointment.status != .cancelled)
            try checkTimes(start: appointment.start, end: appointment.end,
                           checkFuture: actor != nil && appointment.start != before.start,
                           leadId: appointment.leadId, status: appointment.status,
                           excluding: appointment.id, checkOverlap: actor != nil && moved)
            appointments[position] = appointment
            return appointment
        }
    }

    /// seed 001 delete appointment: id checks (400), lead owner only (401 "You can't delete this appointment.").
    public func deleteAppointment(id text: String?, by actor: String?) throws(SimFailure) {
        try locked { () throws(SimFailure) in
            let position = try existingAppointment(text)
            if let actor, let owner = leadIndex(id: appointments[position].leadId).map({ leads[$0].owner }), owner != actor {
                throw .request(VendorMessages.cannotDeleteAppointment)
            }
            appointments.remove(at: position)
        }
    }

    /// The 400 checks of `appointment_id` (seed 001 spells blank "This field is may not be blank.").
    private func existingAppointment(_ text: String?) throws(SimFailure) -> Int {
        guard let text else { throw .field("appointment_id", VendorMessages.required) }
        guard !trimmed(text).isEmpty else { throw .field("appointment_id", VendorMessages.appointmentBlank) }
        guard let id = Int64(trimmed(text)), id > 0 else { throw .field("appointment_id", VendorMessages.invalidAppointmentId) }
        guard let position = appointmentIndex(id: id),
              let lead = leadIndex(id: appointments[position].leadId), !leads[lead].deleted else {
            throw .field("appointment_id", VendorMessages.appointmentNotFound)
        }
        return position
    }

    /// The 400 checks of an appointment's `slug`; adds to `errors` and returns the lead index when fine.
    private func slugIndex(_ slug: String?, required: Bool, actor: String?, into errors: inout ValidationErrors) -> Int? {
        guard let slug else {
            if required { errors.add("slug", VendorMessages.required) }
            return nil
        }
        guard !trimmed(slug).isEmpty else {
            errors.add("slug", VendorMessages.appointmentBlank)
            return nil
        }
        guard let index = leadIndex(slug: slug), !leads[index].deleted else {
            errors.add("slug", VendorMessages.invalidSlug)
            return nil
        }
        if let actor, leads[index].owner != actor {
            errors.add("slug", VendorMessages.cannotTakeAppointment)
            return nil
        }
        return index
    }

    /// The 401 rules: end not before start, start in the future, no overlap for the lead's owner.
    private func checkTimes(
        start: Int64, end: Int64, checkFuture: Bool, leadId: Int64, status: AppointmentStatus,
        excluding: Int64?, checkOverlap: Bool
    ) throws(SimFailure) {
        if end < start { throw .request(VendorMessages.endBeforeStart) }
        if checkFuture, let problem = LeadRules.appointmentDateProblem(start: start, end: end, now: clock()) {
            throw .request(problem)
        }
        guard checkOverlap, status != .cancelled, let index = leadIndex(id: leadId) else { return }
        let owner = leads[index].owner
        for other in appointments where other.id != excluding && other.status != .cancelled {
            guard other.start < end, start < other.end,
                  let otherLead = leadIndex(id: other.leadId), !leads[otherLead].deleted,
                  leads[otherLead].owner == owner else { continue }
            throw .request(VendorMessages.appointmentExists)
        }
    }
}
