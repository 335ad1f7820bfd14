import Core
import Foundation
import Store

/// The new / edit appointment form: local-time fields validated with seed 001's rules and exact
/// messages before anything is saved, then written through the outbox.
public struct AppointmentFormViewModel: Sendable {
    /// What saving does.
    public enum Mode: Sendable, Equatable {
        /// A new appointment for this lead.
        case create(leadId: Int64)
        /// Changes to this appointment (also the "fix" of a rejected one).
        case edit(appointmentId: Int64)
    }

    /// The form's fields, in order, with their seed 001 wire names.
    public enum Field: String, CaseIterable, Sendable {
        case start = "appointment_date", end = "appointment_to", note = "appointment_note", status = "appointment_status"

        /// The label on screen.
        public var title: String {
            switch self {
            case .start: return "Start"
            case .end: return "End"
            case .note: return "Note"
            case .status: return "Status"
            }
        }
    }

    let store: LeadStore
    public let mode: Mode
    public let zone: CalendarZone
    public var now: @Sendable () -> Date
    /// The lead (sanitised name) and its owner, whose schedule must not overlap.
    public let leadName: String
    public let owner: String
    /// Field texts (times as local `yyyy-mm-dd hh:mm`).
    public internal(set) var values: [Field: String]
    /// Messages per field after `validate()`; server messages of a rejection at first.
    public internal(set) var errors: [Field: [String]] = [:]
    /// The start the appointment had (the future rule applies only when it moves).
    let originalStart: Int64?

    /// A form for a new appointment of `lead` starting at `start` (UTC), 30 minutes long.
    public init(store: LeadStore, creatingFor lead: Lead, start: Int64, zone: CalendarZone,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        mode = .create(leadId: lead.id)
        self.zone = zone
        self.now = now
        leadName = TextSanitizerBridge.line(lead.displayName)
        owner = lead.owner
        values = [.start: zone.format(start), .end: zone.format(start + 1800), .note: Appointment.defaultNote,
                  .status: AppointmentStatus.pending.rawValue]
        originalStart = nil
    }

    /// A form editing `entry`; `serverMessages` (a rejection's, by wire name) are shown at their fields.
    public init(store: LeadStore, editing entry: CalendarEntry, serverMessages: [String: [String]] = [:],
                zone: CalendarZone, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        mode = .edit(appointmentId: entry.appointment.id)
        self.zone = zone
        self.now = now
        leadName = TextSanitizerBridge.line(entry.leadName)
        owner = entry.owner
        values = [.start: zone.format(entry.start), .end: zone.format(entry.end), .note: entry.appointment.note,
                  .status: entry.appointment.status.rawValue]
        originalStart = entry.start
        for (key, messages) in serverMessages {
            let field = Field(rawValue: key) ?? (key == "note" ? .note : .start)
            errors[field, default: []] += messages.map(TextSanitizerBridge.line)
        }
    }

    /// "New appointment · Zoë Ölander" / "Edit appointment · …".
    public var title: String {
        if case .create = mode { return "New appointment · \(leadName)" }
        return "Edit appointment · \(leadName)"
    }

    /// Sets a field's text (errors stay until the next `validate()`).
    public mutating func set(_ field: Field, _ text: String) { values[field] = text }

    /// Checks every seed 001 rule with the vendor's messages: format (`yyyy-mm-dd hh:mm`, "Invalid
    /// date format."), blank ("This field is may not be blank."), note ≤ 200, a valid status, then
    /// end not before start ("End Date Can't be prior to Start Date."), a start in the future
    /// ("Please Specify a date in the future.") and no overlap with another live appointment of the
    /// same owner ("Appointment schedule exists for this time."). Returns true when all pass.
    @discardableResult
    public mutating func validate() -> Bool {
        errors = [:]
        var form: [String: String] = [:]
        for field in Field.allCases { form[field.rawValue] = values[field] ?? "" }
        let statusText = form[Field.status.rawValue].map { $0 == "fulfilled" ? "fullfilled" : $0 } ?? ""
        form[Field.status.rawValue] = statusText
        let fieldErrors = LeadRules.validateAppointment(form, isCreate: true)
        for field in Field.allCases where !fieldErrors[field.rawValue].isEmpty {
            errors[field] = fieldErrors[field.rawValue]
        }
        guard errors.isEmpty, let start = zone.parse(values[.start] ?? ""), let end = zone.parse(values[.end] ?? "")
        else { return false }
        let nowSeconds = Int64(now().timeIntervalSince1970.rounded(.down))
        if end < start {
            errors[.end] = [VendorMessages.endBeforeStart]
        } else if start != originalStart, let problem = LeadRules.appointmentDateProblem(start: start, end: end, now: nowSeconds) {
            errors[.start] = [problem]
        } else if AppointmentStatus(rawValue: statusText) != .cancelled {
            let excluding: Int64? = if case .edit(let id) = mode { id } else { nil }
            if (try? store.collidingAppointment(owner: owner, start: start, end: end, excluding: excluding)) != nil {
                errors[.start] = [VendorMessages.appointmentExists]
            }
        }
        return errors.isEmpty
    }

    /// The first message of the form, for the status bar.
    public var firstError: String? {
        Field.allCases.lazy.compactMap { field in self.errors[field]?.first.map { "\(field.title): \($0)" } }.first
    }

    /// Validates, then saves through the outbox. Returns the stored appointment, or nil when a
    /// rule failed (`errors` say which) or the store refused (thrown).
    public mutating func save() throws -> Appointment? {
        guard validate(), let start = zone.parse(values[.start] ?? ""), let end = zone.parse(values[.end] ?? "")
        else { return nil }
        let statusText = (values[.status] ?? "") == "fulfilled" ? "fullfilled" : (values[.status] ?? "")
        let status = AppointmentStatus(rawValue: statusText) ?? .pending
        let note = (values[.note] ?? "").isEmpty ? Appointment.defaultNote : (values[.note] ?? "")
        let startDate = Date(timeIntervalSince1970: TimeInterval(start))
        let endDate = Date(timeIntervalSince1970: TimeInterval(end))
        switch mode {
        case .create(let leadId):
            return try store.createAppointment(Appointment(leadId: leadId, start: startDate, end: endDate, note: note, status: status))
        case .edit(let id):
            guard var appointment = try store.appointment(id: id) else {
                throw StoreError.notFound(kind: "appointment", id: id)
            }
            appointment.start = startDate
            appointment.end = endDate
            appointment.note = note
            appointment.status = status
            return try store.updateAppointment(appointment)
        }
    }
}
