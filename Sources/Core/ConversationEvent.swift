import Foundation

/// What kind of exchange a conversation event is (Closer's own terms, not a vendor's).
public enum ConversationEventKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// A text, template or file message (WhatsApp, Facebook, SMS…).
    case message
    /// A phone call, either way.
    case call
    /// A visit, walk-in or test drive.
    case visit
    /// An e-mail (seed 004 `via: email`, or a CleverApp follow-up e-mail).
    case email
    /// The prospect was transferred to a group or agent.
    case transfer
    /// The prospect was archived, with a reason.
    case archive
    /// Anything else the vendor reports.
    case other
}

/// Where a send of Closer's own stands (nil on an event that came from a remote).
public enum ConversationSendState: String, Sendable, Codable, Hashable, CaseIterable {
    /// Committed locally; the worker has not started it.
    case queued
    /// The request is (or was, when the process died) on its way.
    case sending
    /// The vendor accepted it.
    case sent
    /// The vendor refused it; `sendMessage` holds the server's message.
    case failed
    /// It may or may not have taken effect (lost response, killed process): never resent silently.
    case unknown
}

/// One entry of a lead's conversation: a Zenvia interaction (seed 004), a CleverApp follow-up
/// e-mail (seed 000), a transfer or archive, or one of Closer's own sends. Text fields are
/// untrusted: sanitise before drawing.
public struct ConversationEvent: Sendable, Equatable, Hashable {
    /// Local id (0 before it is stored).
    public var id: Int64
    public var leadId: Int64
    /// The role it belongs to or goes to (`ConversationRole` raw value; "" local only).
    public var provider: String
    /// The remote's id (seed 004 interaction `id`); nil until known.
    public var remoteId: String?
    public var kind: ConversationEventKind
    /// The channel as the vendor names it (seed 004 `via`: whatsApp, sms, email, phoneCall…).
    public var via: String
    /// Inbound = the prospect started it (seed 004 `proactive: false`).
    public var direction: MessageDirection
    /// The agent's display name, when known.
    public var agent: String
    /// The vendor's status of the interaction.
    public var status: String
    /// An e-mail subject (follow-ups) or archive reason heading.
    public var subject: String
    /// Message text (`output.message.content`), e-mail body, transfer target, archive reason.
    public var text: String
    /// The template key of a template message (`output.message.template`).
    public var template: String
    /// Whether the vendor reports the message delivered (nil: not said).
    public var delivered: Bool?
    /// The attachment's file name (from its URL) or the file Closer sends.
    public var attachment: String
    /// For Closer's own sends: where the send stands.
    public var sendState: ConversationSendState?
    /// The server's message for a failed send, or the vendor's success message.
    public var sendMessage: String
    /// A queued send's request in Closer's terms (JSON object), for the worker.
    public var payload: String
    public var createdAt: Date

    /// An event; only `leadId`, `kind` and `createdAt` are required.
    public init(
        id: Int64 = 0, leadId: Int64, provider: String = "", remoteId: String? = nil,
        kind: ConversationEventKind = .message, via: String = "", direction: MessageDirection = .inbound,
        agent: String = "", status: String = "", subject: String = "", text: String = "", template: String = "",
        delivered: Bool? = nil, attachment: String = "", sendState: ConversationSendState? = nil,
        sendMessage: String = "", payload: String = "", createdAt: Date
    ) {
        self.id = id
        self.leadId = leadId
        self.provider = provider
        self.remoteId = remoteId
        self.kind = kind
        self.via = via
        self.direction = direction
        self.agent = agent
        self.status = status
        self.subject = subject
        self.text = text
        self.template = template
        self.delivered = delivered
        self.attachment = attachment
        self.sendState = sendState
        self.sendMessage = sendMessage
        self.payload = payload
        self.createdAt = createdAt
    }

    /// The words the conversation search indexes (text, subject, template, attachment, agent).
    public var searchText: String {
        [subject, text, template, attachment, agent].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
