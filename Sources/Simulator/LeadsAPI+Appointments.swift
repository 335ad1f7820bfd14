import Core
import Foundation

extension LeadsAPI {
    /// POST /leads/create/leadnote/
    func createNote(_ call: Call) throws(SimFailure) -> HTTPResponse {
        try state.addNote(slug: call.form["slug"], text: call.form["note"], by: call.user.username)
        return Envelope.ok([String: Any]())
    }

    /// POST /leads/delete/leadnote/
    func deleteNote(_ call: Call) throws(SimFailure) -> HTTPResponse {
        try state.deleteNote(id: call.form["note_id"], by: call.user.username)
        return Envelope.ok([String: Any]())
    }

    /// POST /leads/create/appointment/ — an empty body is 401 "Body data not found." (seed 001).
    func createAppointment(_ call: Call) throws(SimFailure) -> HTTPResponse {
        guard !call.form.isEmpty else { throw .request(VendorMessages.bodyDataNotFound) }
        try state.createAppointment(call.form, by: call.user.username)
        return Envelope.ok([String: Any]())
    }

    /// POST /leads/update/appointment/
    func updateAppointment(_ call: Call) throws(SimFailure) -> HTTPResponse {
        guard !call.form.isEmpty else { throw .request(VendorMessages.bodyDataNotFound) }
        try state.updateAppointment(call.form, by: call.user.username)
        return Envelope.ok([String: Any]())
    }

    /// POST /leads/delete/appointment/
    func deleteAppointment(_ call: Call) throws(SimFailure) -> HTTPResponse {
        try state.deleteAppointment(id: call.form["appointment_id"], by: call.user.username)
        return Envelope.ok([String: Any]())
    }

    /// GET /leads/appointments/list/
    func listAppointments(_ call: Call) throws(SimFailure) -> HTTPResponse {
        let page = try pageRequest(call)
        var filter = AppointmentListFilter()
        var errors = ValidationErrors()
        let setting = call.form["datesetting"].flatMap { $0.isEmpty ? nil : $0 }
        let onDate = call.form["ondate"].flatMap { $0.isEmpty ? nil : $0 }
        if let setting {
            if let value = AppointmentListFilter.DateSetting(rawValue: setting) {
                filter.dateSetting = value
            } else {
                errors.add("datesetting", VendorMessages.invalidChoice(setting))
            }
            if onDate == nil { errors.add("ondate", VendorMessages.required) }
        }
        if let onDate {
            // Chosen: `ondate` without `datesetting` means "on".
            if filter.dateSetting == nil && setting == nil { filter.dateSetting = .on }
            if let day = WireDate.parseOnDate(onDate) { filter.onDate = day } else {
                errors.add("ondate", VendorMessages.invalidDateFormat)
            }
        }
        if let status = call.form["status"], !status.isEmpty {
            if let value = AppointmentStatus(rawValue: status) { filter.status = value } else {
                errors.add("status", VendorMessages.invalidAppointmentStatus)
            }
        }
        if let lead = call.form["lead"], !lead.isEmpty { filter.leadFirstName = lead }
        guard errors.isEmpty else { throw .validation(errors) }
        let result = state.listAppointments(filter, offset: page.offset, limit: page.limit)
        return pageResponse(result.items, count: result.count, page: page, call: call, row: Self.writeRow)
    }

    /// GET /leads/overview/?appointment= (absent: upcoming, chosen).
    func overview(_ call: Call) throws(SimFailure) -> HTTPResponse {
        let value = call.form["appointment"].flatMap { $0.isEmpty ? nil : $0 } ?? OverviewWindow.upcoming.rawValue
        guard let window = OverviewWindow(rawValue: value) else {
            throw .field("appointment", VendorMessages.invalidAppointmentFilter)
        }
        let numbers = state.overview(window)
        let statuses = numbers.statusCounts.map { status, count -> [String: Any] in
            ["status": status.rawValue, "count": count, "Description": status.summary, "Color": status.colorName]
        }
        let sources = numbers.sourceCounts.map { source, count -> [String: Any] in ["source": source.rawValue, "count": count] }
        let appointments = numbers.appointments.map { row -> [String: Any] in
            ["id": row.appointment.id, "leadslug": row.lead.slug,
             "appointment_note": row.appointment.note, "appointment_status": row.appointment.status.rawValue,
             "appointment_date": WireDate.formatAppointment(row.appointment.start),
             "appointment_to": WireDate.formatAppointment(row.appointment.end)]
        }
        return Envelope.ok([
            "LeadsData": ["status": statuses, "source": sources],
            "TotalLeads": numbers.totalLeads,
            "appointments": appointments,
        ])
    }

    /// An appointment as the list endpoint shows it.
    static func writeRow(_ row: SimAppointmentRow, into out: inout JSONWriter) {
        out.beginObject()
        out.field("id", row.appointment.id)
        out.field("lead_id", row.lead.id)
        out.field("lead", row.lead.name)
        out.field("leadslug", row.lead.slug)
        out.field("leadstatus", row.lead.status.rawValue)
        out.field("fromdate", WireDate.formatAppointment(row.appointment.start))
        out.field("appointment_note", row.appointment.note)
        out.field("appointment_status", row.appointment.status.rawValue)
        out.field("todate", WireDate.formatAppointment(row.appointment.end))
        out.endObject()
    }
}
