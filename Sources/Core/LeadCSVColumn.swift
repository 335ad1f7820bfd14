/// A column of Closer's lead CSV. The raw values are the export header, in export order; the
/// import accepts them and common aliases, case-insensitively and ignoring spaces, `_`, `-` and `.`
/// ("First Name", "first_name", "firstname" and "FIRST-NAME" are all `firstName`).
public enum LeadCSVColumn: String, CaseIterable, Sendable, Hashable {
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
    case owner
    case label
    case createdAt = "created_at"
    case updatedAt = "updated_at"
    /// Free-form key/value data as one JSON object of strings (`{"crm_id":"42"}`).
    case metadata

    /// Columns an import file must have (seed 001 requires these fields on create).
    public static let required: [LeadCSVColumn] = [.firstName, .lastName, .email, .phone, .owner]

    /// The lead field a column fills; nil for times and metadata.
    public var field: LeadField? {
        switch self {
        case .firstName: return .firstName
        case .lastName: return .lastName
        case .email: return .email
        case .phone: return .phone
        case .company: return .company
        case .jobTitle: return .jobTitle
        case .location: return .location
        case .message: return .message
        case .status: return .status
        case .source: return .source
        case .owner: return .owner
        case .label: return .label
        case .createdAt, .updatedAt, .metadata: return nil
        }
    }

    /// The column a header names, or nil for an unknown header (which becomes a metadata key).
    public init?(header: String) {
        guard let column = Self.aliases[Self.compact(header)] else { return nil }
        self = column
    }

    /// Header spellings accepted on import, compacted (lowercase letters and digits only).
    static let aliases: [String: LeadCSVColumn] = {
        var table: [String: LeadCSVColumn] = [:]
        let extra: [LeadCSVColumn: [String]] = [
            .firstName: ["firstname", "first", "givenname", "forename"],
            .lastName: ["lastname", "last", "surname", "familyname"],
            .email: ["email", "emailaddress", "mail"],
            .phone: ["phone", "phonenumber", "telephone", "tel", "mobile"],
            .company: ["company", "companyname", "organization", "organisation"],
            .jobTitle: ["jobtitle", "title", "position"],
            .location: ["location", "city"],
            .message: ["message"],
            .status: ["status", "leadstatus"],
            .source: ["source", "leadsource"],
            .owner: ["owner", "assignee", "assignedto"],
            .label: ["label", "tag"],
            .createdAt: ["createdat", "created", "createdon", "addedon"],
            .updatedAt: ["updatedat", "updated", "updatedon", "modifiedat"],
            .metadata: ["metadata"],
        ]
        for (column, names) in extra {
            for name in names { table[name] = column }
        }
        return table
    }()

    /// Lowercase letters and digits of a header, everything else dropped ("E-mail" → "email").
    static func compact(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map(Character.init))
    }
}
