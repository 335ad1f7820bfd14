/// One thing a provider can do. The worker, the outbox router and the UI ask these, never a
/// vendor's name (model: meli's `MailBackendCapabilities`).
public struct ProviderFeatures: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    /// A feature set from its bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Page through every lead and read a lead's detail (`LeadPullingProvider`).
    public static let pullLeads = ProviderFeatures(rawValue: 1 << 0)
    /// Create leads that can be found again afterwards (`LeadEditingProvider`).
    public static let createLeads = ProviderFeatures(rawValue: 1 << 1)
    /// Change a lead the remote holds (`LeadUpdatingProvider`).
    public static let editLeads = ProviderFeatures(rawValue: 1 << 2)
    /// Delete a lead the remote holds (`LeadEditingProvider`).
    public static let deleteLeads = ProviderFeatures(rawValue: 1 << 3)
    /// Notes on leads (`NoteProvider`).
    public static let notes = ProviderFeatures(rawValue: 1 << 4)
    /// Appointments (`AppointmentProvider`).
    public static let appointments = ProviderFeatures(rawValue: 1 << 5)
    /// Summary counts (`OverviewProvider`).
    public static let overview = ProviderFeatures(rawValue: 1 << 6)
    /// Send several leads in one request (with `.pushLeads`, up to `bulkCreateLimit`).
    public static let bulkCreate = ProviderFeatures(rawValue: 1 << 7)
    /// Send a lead with free-form metadata (with `.pushLeads`).
    public static let createWithMetadata = ProviderFeatures(rawValue: 1 << 8)
    /// Read the conversation with a lead (`ConversationProvider`).
    public static let conversationRead = ProviderFeatures(rawValue: 1 << 9)
    /// Send a template message (`MessagingProvider`).
    public static let sendTemplate = ProviderFeatures(rawValue: 1 << 10)
    /// Send a free text message (`MessagingProvider`).
    public static let sendText = ProviderFeatures(rawValue: 1 << 11)
    /// Send a file (`MessagingProvider`).
    public static let sendFile = ProviderFeatures(rawValue: 1 << 12)
    /// Send a follow-up e-mail (`FollowUpProvider`).
    public static let followUpEmail = ProviderFeatures(rawValue: 1 << 13)
    /// Hand a lead to another agent or group (`TransferProvider`).
    public static let transfer = ProviderFeatures(rawValue: 1 << 14)
    /// Archive a lead (`ArchiveProvider`).
    public static let archive = ProviderFeatures(rawValue: 1 << 15)
    /// Take leads pushed to it (`LeadPushProvider`): every destination has it.
    public static let pushLeads = ProviderFeatures(rawValue: 1 << 16)

    /// Every feature with its user-facing name, in display order.
    public static let named: [(ProviderFeatures, String)] = [
        (.pullLeads, "pull leads"), (.createLeads, "create leads"), (.editLeads, "edit leads"),
        (.deleteLeads, "delete leads"), (.notes, "notes"), (.appointments, "appointments"), (.overview, "overview"),
        (.pushLeads, "push leads"), (.bulkCreate, "bulk create"), (.createWithMetadata, "create with metadata"),
        (.conversationRead, "conversation read"), (.sendTemplate, "send template"), (.sendText, "send text"),
        (.sendFile, "send file"), (.followUpEmail, "follow-up e-mail"), (.transfer, "transfer"), (.archive, "archive"),
    ]

    /// The names of the features in the set ("pull leads, edit leads, ...").
    public var names: [String] { Self.named.filter { contains($0.0) }.map(\.1) }
}

/// What a provider can do, plus the limits and guarantees the worker plans with.
public struct ProviderCapabilities: Sendable, Equatable {
    /// How the client learns whether a create took effect when its answer is lost.
    public enum CreateRecovery: Sendable, Equatable {
        /// The created record can be found again (seed 001: the list filtered by e-mail): look, then resend.
        case lookUp
        /// Resending is harmless: the server answers a repeat with the existing record
        /// (chatbot `DUPLICATE_EMAIL` + `existingLeadId`, Zenvia `POST /lead` → the matching prospect).
        case idempotent
        /// Nothing tells: a create whose outcome is unknown is never resent on its own, it is
        /// marked "outcome unknown" for the user (ClosingDealz, CleverApp).
        case none
    }

    public var features: ProviderFeatures
    /// Leads per request for `bulkCreate` (1 without it).
    public var bulkCreateLimit: Int
    public var createRecovery: CreateRecovery

    /// Capabilities.
    public init(features: ProviderFeatures, bulkCreateLimit: Int = 1, createRecovery: CreateRecovery) {
        self.features = features
        self.bulkCreateLimit = max(1, bulkCreateLimit)
        self.createRecovery = createRecovery
    }

    /// Whether every feature of `features` is there.
    public func can(_ features: ProviderFeatures) -> Bool { self.features.isSuperset(of: features) }

    /// Whether the remote takes leads pushed to it (one at a time or in bulk) but is not a CRM
    /// the worker creates-and-finds leads in.
    public var isDestination: Bool {
        !features.contains(.createLeads) && features.contains(.pushLeads)
    }
}
