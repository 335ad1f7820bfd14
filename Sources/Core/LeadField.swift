/// The editable fields of a lead, named as seed 001 names them on the wire.
public enum LeadField: String, CaseIterable, Sendable, Codable, Hashable {
    case firstName = "first_name"
    case lastName = "last_name"
    case email
    case phone
    case company
    case jobTitle = "job_title"
    case location
    case message
    case status
    case source
    case owner = "assignee"
    case label

    /// The label a form or table shows for the field.
    public var title: String {
        switch self {
        case .firstName: return "First name"
        case .lastName: return "Last name"
        case .email: return "E-mail"
        case .phone: return "Phone"
        case .company: return "Company"
        case .jobTitle: return "Job title"
        case .location: return "Location"
        case .message: return "Message"
        case .status: return "Status"
        case .source: return "Source"
        case .owner: return "Owner"
        case .label: return "Label"
        }
    }

    /// Whether seed 001 itself stores this field (company, job title and label are local only).
    public var isSentToLeadsCRM: Bool {
        switch self {
        case .company, .jobTitle, .label: return false
        default: return true
        }
    }
}

extension Lead {
    /// The field's value as the wire (and forms, CSV) spell it.
    public func value(of field: LeadField) -> String {
        switch field {
        case .firstName: return firstName
        case .lastName: return lastName
        case .email: return email
        case .phone: return phone
        case .company: return company
        case .jobTitle: return jobTitle
        case .location: return location
        case .message: return message
        case .status: return status.rawValue
        case .source: return source?.rawValue ?? ""
        case .owner: return owner
        case .label: return label
        }
    }

    /// Sets a field from its wire spelling. Returns false (and changes nothing) for an invalid enum value.
    @discardableResult
    public mutating func set(_ field: LeadField, to text: String) -> Bool {
        switch field {
        case .firstName: firstName = text
        case .lastName: lastName = text
        case .email: email = text
        case .phone: phone = text
        case .company: company = text
        case .jobTitle: jobTitle = text
        case .location: location = text
        case .message: message = text
        case .status:
            guard let value = LeadStatus(rawValue: text) else { return false }
            status = value
        case .source:
            if text.isEmpty { source = nil; return true }
            guard let value = LeadSource(rawValue: text) else { return false }
            source = value
        case .owner: owner = text
        case .label: label = text
        }
        return true
    }

    /// Every field's wire value, for validation and for pushing.
    public var fieldValues: [LeadField: String] {
        Dictionary(uniqueKeysWithValues: LeadField.allCases.map { ($0, value(of: $0)) })
    }
}
