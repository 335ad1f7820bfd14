/// The seed 001 validation rules for leads, notes and appointments, over raw form fields
/// (wire names). Forms, CSV import and the simulator all call these.
public enum LeadRules {
    /// seed 001: names, e-mail, location, message ≤ 255.
    public static let maxFieldLength = 255
    /// seed 001 update lead: "Ensure this field has no more than 258 characters." for slug.
    public static let maxSlugLength = 258
    /// seed 001: note ≤ 499.
    public static let maxNoteLength = 499
    /// seed 001: appointment_note ≤ 200.
    public static let maxAppointmentNoteLength = 200

    /// Validates a create-lead form. `assigneeExists` answers whether a username is known (nil: skip).
    public static func validateCreate(
        _ form: [String: String], assigneeExists: ((String) -> Bool)? = nil
    ) -> ValidationErrors {
        var errors = ValidationErrors()
        for field in ["first_name", "last_name"] {
            checkRequiredText(form[field], field: field, into: &errors)
        }
        if checkRequiredText(form["email"], field: "email", into: &errors), let email = form["email"],
           !isValidEmail(email) {
            errors.add("email", VendorMessages.invalidEmail)
        }
        if checkRequired(form["phone"], field: "phone", into: &errors), let phone = form["phone"],
           !isValidPhone(phone) {
            errors.add("phone", VendorMessages.invalidPhone)
        }
        for field in ["location", "message", "company", "job_title", "label"] {
            if let value = form[field], value.count > maxFieldLength {
                errors.add(field, VendorMessages.tooLong(maxFieldLength))
            }
        }
        if let status = form["status"], !status.isEmpty, LeadStatus(rawValue: status) == nil {
            errors.add("status", VendorMessages.invalidChoice(status))
        }
        if let source = form["source"], !source.isEmpty, LeadSource(rawValue: source) == nil {
            errors.add("source", VendorMessages.invalidChoice(source))
        }
        if checkRequired(form["assignee"], field: "assignee", into: &errors), let assignee = form["assignee"],
           let exists = assigneeExists, !exists(trimmed(assignee)) {
            errors.add("assignee", VendorMessages.assigneeNotFound)
        }
        return errors
    }

    /// Validates an update-lead form: the create rules plus the slug.
    public static func validateUpdate(
        _ form: [String: String], assigneeExists: ((String) -> Bool)? = nil
    ) -> ValidationErrors {
        var errors = ValidationErrors()
        if checkRequired(form["slug"], field: "slug", into: &errors), let slug = form["slug"],
           slug.count > maxSlugLength {
            errors.add("slug", VendorMessages.tooLong(maxSlugLength))
        }
        errors.merge(validateCreate(form, assigneeExists: assigneeExists))
        return errors
    }

    /// Validates a local lead as a form would send it (every field present).
    public static func validate(_ lead: Lead, assigneeExists: ((String) -> Bool)? = nil) -> ValidationErrors {
        var form: [String: String] = [:]
        for (field, value) in lead.fieldValues { form[field.rawValue] = value }
        return validateCreate(form, assigneeExists: assigneeExists)
    }

    /// Messages for a note's text (seed 001 create leadnote: required, not blank, ≤ 499).
    public static func validateNote(_ note: String?) -> [String] {
        var errors = ValidationErrors()
        checkRequiredText(note, field: "note", limit: maxNoteLength, into: &errors)
        return errors["note"]
    }

    /// Validates an appointment form (seed 001 create appointment); `isCreate` makes the dates required.
    public static func validateAppointment(_ form: [String: String], isCreate: Bool) -> ValidationErrors {
        var errors = ValidationErrors()
        for field in ["appointment_date", "appointment_to"] {
            guard let value = form[field] else {
                if isCreate { errors.add(field, VendorMessages.required) }
                continue
            }
            if trimmed(value).isEmpty {
                errors.add(field, VendorMessages.appointmentBlank)
            } else if WireDate.parseAppointment(value) == nil {
                errors.add(field, VendorMessages.invalidDateFormat)
            }
        }
        if let note = form["appointment_note"], note.count > maxAppointmentNoteLength {
            errors.add("appointment_note", VendorMessages.tooLong(maxAppointmentNoteLength))
        }
        if let status = form["appointment_status"], !status.isEmpty, AppointmentStatus(rawValue: status) == nil {
            errors.add("appointment_status", VendorMessages.invalidAppointmentStatus)
        }
        return errors
    }

    /// The 401 "Request Failed" date rules of seed 001 appointments, or nil when the dates are fine.
    public static func appointmentDateProblem(start: Int64, end: Int64, now: Int64) -> String? {
        if end < start { return VendorMessages.endBeforeStart }
        if start <= now { return VendorMessages.dateInPast }
        return nil
    }

    /// seed 001: "Invalid email." A pragmatic check: one `@`, no spaces, a dotted domain.
    public static func isValidEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        guard !email.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) else {
            return false
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") })
        else { return false }
        guard let tld = labels.last, tld.count >= 2, tld.allSatisfy({ $0.isLetter }) else { return false }
        return parts[0].first != "." && parts[0].last != "." && !parts[0].contains("..")
    }

    /// seed 001: "Phone number must be entered in the format: '999999999'. Up to 15 digits allowed."
    /// Read as the message says: an optional `+`, then 9 to 15 ASCII digits, nothing else.
    public static func isValidPhone(_ phone: String) -> Bool {
        var digits = Substring(phone)
        if digits.first == "+" { digits = digits.dropFirst() }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return (9...15).contains(digits.count)
    }

    // MARK: - Helpers

    /// Required and not blank (after trimming), within `limit`. Returns true when a value is there to check further.
    @discardableResult
    static func checkRequiredText(
        _ value: String?, field: String, limit: Int = maxFieldLength, into errors: inout ValidationErrors
    ) -> Bool {
        guard checkRequired(value, field: field, into: &errors), let value else { return false }
        if value.count > limit {
            errors.add(field, VendorMessages.tooLong(limit))
            return false
        }
        return true
    }

    /// Present and not blank. Returns true when both hold.
    @discardableResult
    static func checkRequired(_ value: String?, field: String, into errors: inout ValidationErrors) -> Bool {
        guard let value else {
            errors.add(field, VendorMessages.required)
            return false
        }
        if trimmed(value).isEmpty {
            errors.add(field, VendorMessages.blank)
            return false
        }
        return true
    }

    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
