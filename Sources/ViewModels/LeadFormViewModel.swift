import Core
import Foundation
import Store

/// The lead edit / create form: fields in order, validated with seed 001's rules (Core's
/// `LeadRules`, the vendor's exact messages at the field) before anything is written.
public struct LeadFormViewModel: Sendable {
    /// Creating a new lead or editing an existing one.
    public enum Mode: Sendable, Equatable {
        case create
        case edit(leadId: Int64)
    }

    /// What `save()` did.
    public enum SaveOutcome: Sendable, Equatable {
        /// Written through the Store (record + outbox in one transaction).
        case saved(Lead)
        /// Not written: the fields carry the messages.
        case invalid(ValidationErrors)
        /// The Store refused or failed; nothing was written.
        case failed(String)
    }

    let store: LeadStore
    public let currentUser: String
    public let mode: Mode
    /// The clock for the new lead's creation time and message expiry.
    public var now: @Sendable () -> Date
    /// Fields in `LeadField.allCases` order.
    public internal(set) var fields: [LeadFormField]
    /// Index of the field with the focus.
    public internal(set) var focusedIndex = 0
    /// The latest message ("Saved" only after the Store returned).
    public internal(set) var message: StatusMessage?
    /// The stored lead after a successful save.
    public internal(set) var savedLead: Lead?
    private var original: [LeadField: String]
    private let usernames: [String]

    /// A form editing `lead`, optionally showing a rejected change's `serverMessages` (wire keys)
    /// and focusing `focus`.
    public init(store: LeadStore, currentUser: String, editing lead: Lead, serverMessages: [String: [String]] = [:],
                focus: LeadField? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.init(store: store, currentUser: currentUser, mode: .edit(leadId: lead.id), values: lead.fieldValues,
                  serverMessages: serverMessages, focus: focus, now: now)
    }

    /// An empty form for a new lead; the owner defaults to the current user, the status to prospect.
    public static func newLead(store: LeadStore, currentUser: String,
                               now: @escaping @Sendable () -> Date = { Date() }) -> LeadFormViewModel {
        var values = Dictionary(uniqueKeysWithValues: LeadField.allCases.map { ($0, "") })
        values[.owner] = currentUser
        values[.status] = LeadStatus.prospect.rawValue
        return LeadFormViewModel(store: store, currentUser: currentUser, mode: .create, values: values,
                                 serverMessages: [:], focus: nil, now: now)
    }

    init(store: LeadStore, currentUser: String, mode: Mode, values: [LeadField: String],
         serverMessages: [String: [String]], focus: LeadField?, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.currentUser = currentUser
        self.mode = mode
        self.now = now
        self.original = values
        let names = ((try? store.users()) ?? []).map(\.username)
        self.usernames = names
        self.fields = LeadField.allCases.map { field in
            LeadFormField(field: field, title: field.title, value: values[field] ?? "", errors: [],
                          serverMessages: serverMessages[field.rawValue] ?? [],
                          choices: Self.choices(for: field, usernames: names),
                          isRequired: Self.required.contains(field))
        }
        if let focus, let index = fields.firstIndex(where: { $0.field == focus }) { focusedIndex = index }
    }

    // MARK: - Reading

    /// "New lead" or "Edit lead".
    public var title: String { mode == .create ? "New lead" : "Edit lead" }

    /// The focused field.
    public var focusedField: LeadFormField { fields[focusedIndex] }

    /// The current value of `field`.
    public func value(of field: LeadField) -> String { fields.first { $0.field == field }?.value ?? "" }

    /// The form field for `field`.
    public func formField(_ field: LeadField) -> LeadFormField? { fields.first { $0.field == field } }

    /// Whether anything differs from the values the form opened with.
    public var isDirty: Bool { fields.contains { $0.value != (original[$0.field] ?? "") } }

    /// Whether any field shows a message.
    public var hasErrors: Bool { fields.contains { !$0.errors.isEmpty } }

    // MARK: - Editing

    /// next-field.
    public mutating func nextField() { focusedIndex = (focusedIndex + 1) % fields.count }

    /// previous-field.
    public mutating func previousField() { focusedIndex = (focusedIndex + fields.count - 1) % fields.count }

    /// Moves the focus to `field`.
    public mutating func focus(_ field: LeadField) {
        if let index = fields.firstIndex(where: { $0.field == field }) { focusedIndex = index }
    }

    /// Sets a field's value and re-validates that field (its messages update as you type).
    public mutating func setValue(_ text: String, for field: LeadField) {
        guard let index = fields.firstIndex(where: { $0.field == field }) else { return }
        fields[index].value = text
        fields[index].errors = validation()[field.rawValue]
    }

    /// Sets the focused field's value.
    public mutating func setFocusedValue(_ text: String) { setValue(text, for: fields[focusedIndex].field) }

    /// Validates every field, puts the messages at the fields; true when all are fine.
    @discardableResult
    public mutating func validate() -> Bool {
        let errors = validation()
        for index in fields.indices { fields[index].errors = errors[fields[index].field.rawValue] }
        return errors.isEmpty
    }

    /// save: validates first; an invalid form writes nothing (focus goes to the first bad field).
    /// A valid one is written through the Store, and only then does the message say "Saved".
    @discardableResult
    public mutating func save() -> SaveOutcome {
        let errors = validation()
        for index in fields.indices { fields[index].errors = errors[fields[index].field.rawValue] }
        guard errors.isEmpty else {
            if let first = fields.firstIndex(where: { !$0.errors.isEmpty }) { focusedIndex = first }
            let count = fields.filter { !$0.errors.isEmpty }.count
            message = .error(count == 1 ? "1 field needs fixing" : "\(count) fields need fixing", now: now())
            return .invalid(errors)
        }
        do {
            let stored: Lead
            switch mode {
            case .create:
                var lead = Lead(firstName: "", lastName: "", email: "", phone: "", owner: currentUser, createdAt: now())
                apply(to: &lead)
                stored = try store.createLead(lead)
            case .edit(let id):
                guard var lead = try store.lead(id: id) else { throw StoreError.notFound(kind: "lead", id: id) }
                apply(to: &lead)
                stored = try store.updateLead(lead)
            }
            savedLead = stored
            original = stored.fieldValues
            for index in fields.indices {
                fields[index].value = stored.value(of: fields[index].field)
                fields[index].serverMessages = []
            }
            message = .info("Saved", now: now())
            return .saved(stored)
        } catch {
            let text = ErrorText.describe(error, doing: "Saving")
            message = .error(text, now: now())
            return .failed(text)
        }
    }

    // MARK: - Internal

    /// seed 001 create/update rules over the whole form (the owner must be a known user when users are known).
    func validation() -> ValidationErrors {
        var form: [String: String] = [:]
        for field in fields { form[field.field.rawValue] = submitted(field) }
        let known = Set(usernames)
        return LeadRules.validateCreate(form, assigneeExists: known.isEmpty ? nil : { known.contains($0) })
    }

    /// Copies the submitted values into `lead`.
    func apply(to lead: inout Lead) {
        for field in fields { lead.set(field.field, to: submitted(field)) }
    }

    /// The value that is validated and saved: trimmed when the user changed it (seed 001 trims
    /// input); a changed phone also loses its spaces, brackets and dashes (`+49 151 1234567`).
    func submitted(_ field: LeadFormField) -> String {
        guard field.value != (original[field.field] ?? "") else { return field.value }
        if field.field == .phone { return PhoneInput.normalized(field.value) }
        return field.value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let required: Set<LeadField> = [.firstName, .lastName, .email, .phone, .owner]

    static func choices(for field: LeadField, usernames: [String]) -> [String] {
        switch field {
        case .status: return LeadStatus.allCases.map(\.rawValue)
        case .source: return [""] + LeadSource.allCases.map(\.rawValue)
        case .owner: return usernames
        default: return []
        }
    }
}
