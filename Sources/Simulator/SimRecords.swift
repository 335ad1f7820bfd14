import Core
import Foundation

/// A user of the simulated CRM: their username and the credentials that identify them.
public struct SimUser: Sendable, Equatable {
    public var username: String
    public var displayName: String
    /// The `apikey` header value.
    public var apiKey: String
    /// The `Authorization: Bearer` token.
    public var token: String

    public init(username: String, displayName: String, apiKey: String, token: String) {
        self.username = username
        self.displayName = displayName
        self.apiKey = apiKey
        self.token = token
    }
}

/// A lead as the simulated vendor stores it: only seed 001's own fields, times in Unix seconds.
public struct SimLead: Sendable, Equatable {
    public var id: Int64
    /// Unique, fixed at creation: an ASCII form of the name plus `-<id>`.
    public var slug: String
    public var firstName: String
    public var lastName: String
    public var email: String
    public var phone: String
    public var location: String
    public var message: String
    public var status: LeadStatus
    public var source: LeadSource?
    /// Username of the owner (`assignee` on write, `owner` on read).
    public var owner: String
    public var createdAt: Int64
    public var updatedAt: Int64
    /// Soft delete: kept in the state dump, hidden from lists and detail.
    public var deleted: Bool

    /// "First Last" as the `name` field spells it.
    public var name: String { [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ") }

    /// seed 001 `conversion` (a percentage). Chosen: fixed per status.
    public var conversion: Int {
        switch status {
        case .prospect: return 10
        case .contact: return 25
        case .tentative: return 40
        case .potential: return 60
        case .customer: return 100
        case .closed: return 0
        }
    }

    /// An ASCII slug for a name and id: "zoe-muller-12", or "lead-12" when nothing ASCII is left.
    public static func makeSlug(firstName: String, lastName: String, id: Int64) -> String {
        let folded = (firstName + " " + lastName).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var slug = ""
        var dash = false
        for scalar in folded.unicodeScalars {
            let v = scalar.value
            if (v >= 97 && v <= 122) || (v >= 48 && v <= 57) {
                if dash && !slug.isEmpty { slug.append("-") }
                dash = false
                slug.unicodeScalars.append(scalar)
            } else if v >= 65 && v <= 90 {
                if dash && !slug.isEmpty { slug.append("-") }
                dash = false
                slug.unicodeScalars.append(Unicode.Scalar(v + 32) ?? scalar)
            } else {
                dash = true
            }
            if slug.utf8.count >= 60 { break }
        }
        return (slug.isEmpty ? "lead" : slug) + "-\(id)"
    }
}

/// An appointment as the simulated vendor stores it; times in Unix seconds.
public struct SimAppointment: Sendable, Equatable {
    public var id: Int64
    public var leadId: Int64
    public var start: Int64
    public var end: Int64
    public var note: String
    public var status: AppointmentStatus
    /// Username of the user who created it.
    public var createdBy: String
}

/// Why a seed 001 operation was refused: a 400 "Validation Error" or a 401 "Request Failed".
public enum SimFailure: Error, Equatable {
    /// 400 with `errors` = field → messages.
    case validation(ValidationErrors)
    /// 401 with `errors` = {"request": [message]}.
    case request(String)

    /// A one-field validation failure.
    static func field(_ name: String, _ message: String) -> SimFailure {
        var errors = ValidationErrors()
        errors.add(name, message)
        return .validation(errors)
    }
}
