import Foundation

/// A sales lead as Closer keeps it locally. `id` is the local row id (0 before it is stored).
public struct Lead: Sendable, Equatable, Hashable, Codable {
    public var id: Int64
    public var firstName: String
    public var lastName: String
    public var email: String
    public var phone: String
    public var company: String
    public var jobTitle: String
    public var location: String
    public var message: String
    public var source: LeadSource?
    public var status: LeadStatus
    /// Username of the owner / assignee (seed 001 `assignee` on write, `owner` on read).
    public var owner: String
    public var label: String
    public var createdAt: Date
    public var updatedAt: Date
    /// Free-form key/value data (seed 003 `metadata`, imported extra columns).
    public var metadata: [String: String]

    public init(
        id: Int64 = 0, firstName: String, lastName: String, email: String, phone: String,
        company: String = "", jobTitle: String = "", location: String = "", message: String = "",
        source: LeadSource? = nil, status: LeadStatus = .prospect, owner: String, label: String = "",
        createdAt: Date = Date(), updatedAt: Date? = nil, metadata: [String: String] = [:]
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.company = company
        self.jobTitle = jobTitle
        self.location = location
        self.message = message
        self.source = source
        self.status = status
        self.owner = owner
        self.label = label
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.metadata = metadata
    }

    /// "First Last", trimmed; falls back to the e-mail when both names are empty.
    public var displayName: String {
        let name = [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? email : name
    }
}
