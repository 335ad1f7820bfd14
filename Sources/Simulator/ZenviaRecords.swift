/// An agent of the simulated Zenvia account (the seed's `agent` object); one per seed 001 user.
struct ZenviaAgent: Sendable {
    let id: String
    let username: String
    let firstName: String
    let lastName: String
    let email: String
    let phone: String
    let groupId: String
}

/// A group of the account's tree (the seed's group object).
struct ZenviaGroup: Sendable {
    let id: String
    let name: String
    let parent: String?
}

/// One entry of a prospect's `leads` (what `POST /lead` brought in).
struct ZenviaLeadEntry: Sendable {
    var priority: Int
    var created: Int64
    var source: String
    var utmSource: String
    var utmMedium: String?
    var utmCampaign: String?
    var comments: String?
    var company: String?
    var store: String?
    var agent: String?
    var provider: String?
    var providerLeadId: String?
    /// The `history` events as sent (serialized JSON array), kept but not turned into interactions.
    var history: [UInt8]?
}

/// A prospect (a contact) with its phones, e-mails, leads and agent.
struct ZenviaProspect: Sendable {
    let id: String
    let created: Int64
    var firstName: String
    var lastName: String
    var label: String?
    var category: String
    var status: String
    var phones: [String]
    var emails: [String]
    var leads: [ZenviaLeadEntry]
    var agentId: String?
    var groupId: String
    let initialGroupId: String
    var archivingReason: String?
    /// When an agent got it (`assigned`; the claimed… filters).
    var assigned: Int64?
    var transferred: Int64?
    var firstContactedAt: Int64?
    var deleted = false
}

/// `output.message` of an interaction.
struct ZenviaMessage: Sendable {
    var template: String?
    var body: String?
    var content: String?
    var delivered: Bool
    var sender: String
    var recipient: String
    var attachmentType: String?
    var attachmentURL: String?
    var via: String
}

/// An interaction: a call, a visit, a message... (`proactive` true = the agent started it).
struct ZenviaInteraction: Sendable {
    let id: String
    let prospectId: String
    let agentId: String?
    let createdAt: Int64
    let via: String
    let proactive: Bool
    let status: String
    var comment: String?
    var message: ZenviaMessage?
}

/// A messaging template of a channel.
struct ZenviaTemplate: Sendable {
    let key: String
    let name: String
    let body: String
    let template: String
}

/// A file sent with `send-file`, kept so its attachment URL can be fetched.
struct ZenviaFile: Sendable {
    let id: String
    let interactionId: String
    let filename: String
    let contentType: String
    /// Empty once evicted (see `ZenviaState.keptFiles`); `size` stays.
    let bytes: [UInt8]
    let size: Int
}

/// A refusal in Zenvia's error shape `{"message", "code"}`.
struct ZenviaError: Error {
    let status: Int
    let message: String
    let code: String

    static func invalid(_ message: String) -> ZenviaError { ZenviaError(status: 400, message: message, code: "INVALID_PARAMETER") }
    static func missing(_ message: String) -> ZenviaError { ZenviaError(status: 400, message: message, code: "MISSING_PARAMETER") }
    static let prospectNotFound = ZenviaError(status: 404, message: "Prospect not found.", code: "NOT_FOUND")
    static let notFound = ZenviaError(status: 404, message: "Not found.", code: "NOT_FOUND")
}

/// seed 004's vocabulary.
enum ZenviaVocabulary {
    /// Interaction `via` values, in the seed's order.
    static let vias = ["walkIn", "sms", "whatsApp", "email", "testDrive", "visit", "phoneCall", "outboundCall", "inboundCall", "facebook"]
    /// The vias that carry `output.message`.
    static let messageVias: Set<String> = ["sms", "whatsApp", "email", "facebook"]
    /// Conversational channels of the messaging endpoints, and the `via` their messages get.
    static let channels = ["whatsapp": "whatsApp", "facebook": "facebook"]
    /// seed 004 ids: `^[a-z0-9]{24}$` (README §2: 24-char lowercase hex).
    static func isId(_ text: String) -> Bool {
        text.utf8.count == 24 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 122) }
    }
    /// The conversational window (README §2, chosen): 24 h from the last `proactive: false` interaction.
    static let windowSeconds: Int64 = 24 * 3600
    /// "A range of dates is considered valid if the range between them is 31 days or less".
    static let maxRangeSeconds: Int64 = 31 * 86_400
}
