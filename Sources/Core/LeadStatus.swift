/// A lead's stage, with the seed 001 wire values ("prospect", "tentative", ...).
public enum LeadStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case prospect, tentative, potential, closed, contact, customer

    /// The short description the overview endpoint reports for each status.
    public var summary: String {
        switch self {
        case .prospect: return "New prospect, not yet contacted"
        case .tentative: return "First contact made"
        case .potential: return "Qualified, likely to buy"
        case .closed: return "Lost or closed without a sale"
        case .contact: return "In active conversation"
        case .customer: return "Won: a paying customer"
        }
    }

    /// The colour name the overview endpoint reports for each status.
    public var colorName: String {
        switch self {
        case .prospect: return "blue"
        case .tentative: return "yellow"
        case .potential: return "cyan"
        case .closed: return "red"
        case .contact: return "magenta"
        case .customer: return "green"
        }
    }
}

/// Where a lead came from, with the seed 001 wire values.
public enum LeadSource: String, CaseIterable, Sendable, Codable, Hashable {
    case direct, website, facebook, twitter, instagram, search, pinterest, reddit, other
}

/// An appointment's state. "fullfilled" is the vendor's spelling and is kept on the wire.
public enum AppointmentStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case pending, rescheduled, cancelled, fullfilled, confirmed
}
