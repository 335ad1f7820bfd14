/// The exact messages of seed 001 ("Leads & CRM"), spelling mistakes included, shared by forms,
/// CSV import and the simulator so they cannot drift.
public enum VendorMessages {
    public static let required = "This field is required."
    public static let blank = "This field may not be blank."
    /// seed 001 appointment endpoints say "is may not" (sic).
    public static let appointmentBlank = "This field is may not be blank."
    public static func tooLong(_ limit: Int) -> String { "Ensure this field has no more than \(limit) characters." }
    public static let invalidEmail = "Invalid email."
    public static let invalidPhone = "Phone number must be entered in the format: '999999999'. Up to 15 digits allowed."
    public static func invalidChoice(_ value: String) -> String { "\(value) is not a valid choice." }
    public static let assigneeNotFound = "Assignee not found."
    public static let invalidAppointmentFilter = "Invalid appointment filter value."
    public static let invalidDateFormat = "Invalid date format."
    public static let invalidAppointmentStatus = "Invalid appointment status."
    public static let invalidSlug = "Requested slug is invalid."
    public static let leadNotFound = "Requested lead not found."
    public static let leadAlreadyDeleted = "Requested lead already has a deleted status."
    public static let noteNotFound = "Requested note not found."
    public static let invalidNoteId = "Invalid note id."
    public static let invalidAppointmentId = "Invalid appointment id."
    public static let appointmentNotFound = "Requested appointment not found."
    public static let cannotTakeAppointment = "You can't take appointment under this lead."

    // 401 "Request Failed" business rejections (errors key "request").
    public static let bodyDataNotFound = "Body data not found."
    public static let appointmentExists = "Appointment schedule exists for this time."
    public static let endBeforeStart = "End Date Can't be prior to Start Date."
    public static let dateInPast = "Please Specify a date in the future."
    public static let cannotUpdateAppointment = "You can't update this appointment."
    public static let cannotDeleteAppointment = "You can't delete this appointment."
    public static let leadDoesNotExist = "Requested lead does not esixt."
    public static let notOwner = "You are not owner of this lead."
    public static let cannotDeleteLead = "You can't delete this lead."
    public static let cannotAddNote = "You can't add note on this lead."
    public static let cannotDeleteNote = "You can't delete this note."

    // Chosen in ../shared/api/README.md.
    public static let invalidCredentials = "Invalid apikey or access token."
}
