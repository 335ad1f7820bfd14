import Core
import Foundation
import Store

/// `.pullLeads`: page through every lead and read one lead's detail.
public protocol LeadPullingProvider: RemoteProvider {
    /// Fields a lead carries only in its detail, not in its list row (seed 001: message, location).
    var detailOnlyLeadFields: [String] { get }
    /// One page of every lead, from `position` (nil: the start).
    func leads(from position: String?, limit: Int) async throws -> RemotePage<RemoteLead>
    /// A lead's detail, or nil when the lead is gone on the server.
    func leadDetail(remoteId: String) async throws -> RemoteLeadDetail?
}

/// `.editLeads`: replace the fields of a lead the remote holds.
public protocol LeadUpdatingProvider: RemoteProvider {
    /// Fields a lead carries only in its detail (kept out of the list hash); empty when the remote has no list.
    var detailOnlyLeadFields: [String] { get }
    /// Replaces a lead's fields (Closer's wire names: `first_name`, `assignee`, ...).
    func updateLead(remoteId: String, fields: [String: String]) async throws
}

/// `.createLeads` + `.deleteLeads`: a CRM the worker creates leads in and finds them again.
///
/// Creates return nothing (seed 001 returns no id); `findLeads` lists the candidates a create may
/// have made, so the worker can link the new record, and look before re-sending.
public protocol LeadEditingProvider: LeadUpdatingProvider {
    /// Creates a lead from wire fields.
    func createLead(_ fields: [String: String]) async throws
    /// Remote leads that a create with these fields may have made (seed 001: the list filtered by e-mail).
    func findLeads(matching fields: [String: String]) async throws -> [RemoteLead]
    /// Deletes a lead; deleting one already gone succeeds.
    func deleteLead(remoteId: String) async throws
}

/// `.notes`.
public protocol NoteProvider: RemoteProvider {
    /// Adds a note to a lead.
    func createNote(leadRemoteId: String, text: String) async throws
    /// The lead's notes (to find one just created); nil when the lead is gone.
    func notes(leadRemoteId: String) async throws -> [RemoteNote]?
    /// Deletes a note; one already gone succeeds.
    func deleteNote(remoteId: String) async throws
}

/// `.appointments`.
public protocol AppointmentProvider: RemoteProvider {
    /// One page of every appointment, from `position`.
    func appointments(from position: String?, limit: Int) async throws -> RemotePage<RemoteAppointmentRow>
    /// Adds an appointment to a lead (fields: appointment_date, appointment_to, appointment_note, appointment_status).
    func createAppointment(leadRemoteId: String, leadFirstName: String, fields: [String: String]) async throws
    /// The lead's appointments (to find one just created).
    func appointments(leadRemoteId: String, leadFirstName: String) async throws -> [RemoteAppointment]
    /// Changes an appointment's fields.
    func updateAppointment(remoteId: String, leadRemoteId: String, fields: [String: String]) async throws
    /// Deletes an appointment; one already gone succeeds.
    func deleteAppointment(remoteId: String) async throws
}

/// `.overview`.
public protocol OverviewProvider: RemoteProvider {
    /// The provider's overview, when it has one.
    func overview() async throws -> RemoteOverview?
}

/// A local lead as a destination receives it, in Closer's terms (the provider maps them to its wire).
public struct PushedLead: Sendable, Equatable {
    /// The local lead id (to match results and record the destination's id).
    public var localId: Int64
    /// Closer's lead fields (`LeadField.rawValue` → value), every field the lead has.
    public var fields: [String: String]
    /// The lead's metadata (free-form key → value).
    public var metadata: [String: String]

    /// A pushed lead.
    public init(localId: Int64, fields: [String: String], metadata: [String: String] = [:]) {
        self.localId = localId
        self.fields = fields
        self.metadata = metadata
    }

    /// "First Last" (or the e-mail when both names are empty).
    public var fullName: String {
        let name = [fields["first_name"] ?? "", fields["last_name"] ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? (fields["email"] ?? "") : name
    }
}

/// What a destination did with one pushed lead.
public enum PushResult: Sendable, Equatable {
    /// Taken; the destination's id for it, or nil when it returns none (ClosingDealz: recorded as "sent").
    case created(remoteId: String?)
    /// The destination had it already (chatbot `DUPLICATE_EMAIL`): linked to the existing record.
    case existing(remoteId: String)
    /// Refused for this lead only, with the vendor's messages.
    case rejected(ValidationErrors)
}

/// `.pushLeads` / `.bulkCreate` / `.createWithMetadata`: a destination that takes leads.
///
/// `push` sends at most `capabilities.bulkCreateLimit` leads in one request and returns one result
/// per lead, in order. A failure of the whole request throws: `.remoteRefused` (free plan: stop the
/// remote), `.credentialsRejected`, or a transient error (`SyncError.mayHaveReachedServer` says
/// whether the leads may have been taken).
public protocol LeadPushProvider: RemoteProvider {
    /// Sends the leads (≤ `bulkCreateLimit`).
    func push(_ leads: [PushedLead]) async throws -> [PushResult]
}

/// One message or call in a conversation, in Closer's terms.
public struct RemoteMessage: Sendable, Equatable {
    public var remoteId: String
    /// The channel (`whatsApp`, `sms`, `email`, `phoneCall`, ...).
    public var channel: String
    /// true when the lead started it (an inbound message or call).
    public var inbound: Bool
    /// The text (the content, or the template name for a template message).
    public var body: String
    /// The template key when the message was a template.
    public var template: String?
    public var delivered: Bool?
    public var createdAt: Date

    /// A message.
    public init(remoteId: String, channel: String, inbound: Bool, body: String, template: String? = nil,
                delivered: Bool? = nil, createdAt: Date) {
        self.remoteId = remoteId
        self.channel = channel
        self.inbound = inbound
        self.body = body
        self.template = template
        self.delivered = delivered
        self.createdAt = createdAt
    }
}

/// `.conversationRead`: the conversation with a lead, and finding the remote twin of a local lead.
public protocol ConversationProvider: RemoteProvider {
    /// The remote id of the person with this e-mail or phone, or nil.
    func findContact(email: String?, phone: String?) async throws -> String?
    /// The conversation with a contact, oldest first.
    func conversation(remoteId: String) async throws -> [RemoteMessage]
    /// The contact's interactions as the timeline stores them (for the local lead `leadId`),
    /// created at or after `after` (nil: all).
    func conversationEvents(contactId: String, leadId: Int64, after: Date?) async throws -> [ConversationEvent]
    /// Every contact's interactions created at or after `after`, in one request (at most `limit`).
    func recentConversationEvents(after: Date?, limit: Int) async throws -> [ContactEvent]
    /// The contacts the account holds with their e-mails (at most `limit`), to link local leads.
    func contacts(limit: Int) async throws -> [RemoteContact]
}

/// One interaction of some contact: the contact's remote id and the event (its `leadId` is 0
/// until the caller finds the local lead linked to the contact).
public struct ContactEvent: Sendable, Equatable {
    public var contactId: String
    public var event: ConversationEvent

    /// An interaction of `contactId`.
    public init(contactId: String, event: ConversationEvent) {
        self.contactId = contactId
        self.event = event
    }
}

/// A contact of a conversation remote: its remote id and e-mails.
public struct RemoteContact: Sendable, Equatable {
    public var id: String
    public var emails: [String]

    /// A contact.
    public init(id: String, emails: [String]) {
        self.id = id
        self.emails = emails
    }
}

/// A messaging channel and its templates.
public struct MessagingChannel: Sendable, Equatable {
    /// A template: key to send, name and body to show.
    public struct Template: Sendable, Equatable {
        public var key: String
        public var name: String
        public var body: String
        /// A template.
        public init(key: String, name: String, body: String) {
            self.key = key
            self.name = name
            self.body = body
        }
    }

    public var channel: String
    public var templates: [Template]

    /// A channel.
    public init(channel: String, templates: [Template]) {
        self.channel = channel
        self.templates = templates
    }
}

/// `.sendTemplate` / `.sendText` / `.sendFile`.
public protocol MessagingProvider: RemoteProvider {
    /// The channels open for a contact (nil: every channel of the account).
    func channels(remoteId: String?) async throws -> [MessagingChannel]
    /// Sends a template message.
    func sendTemplate(remoteId: String, channel: String, key: String, parameters: [String: String]) async throws
    /// Sends free text (Zenvia: only within 24 h of the contact's last inbound message).
    func sendText(remoteId: String, channel: String, text: String) async throws
    /// Sends a file.
    func sendFile(remoteId: String, channel: String, fileName: String, contentType: String, data: Data) async throws
}

/// `.followUpEmail`.
public protocol FollowUpProvider: RemoteProvider {
    /// Sends a follow-up e-mail; returns the vendor's confirmation.
    func sendFollowUp(remoteId: String, subject: String, body: String) async throws -> String
}

/// Where a lead can be transferred.
public struct TransferTarget: Sendable, Equatable {
    /// A group or an agent.
    public enum Kind: String, Sendable { case group, agent }
    public var kind: Kind
    public var id: String
    public var name: String

    /// A target.
    public init(kind: Kind, id: String, name: String) {
        self.kind = kind
        self.id = id
        self.name = name
    }
}

/// `.transfer`.
public protocol TransferProvider: RemoteProvider {
    /// The groups and agents the key may transfer to.
    func transferTargets() async throws -> [TransferTarget]
    /// Transfers a contact to a group and/or agent.
    func transfer(remoteId: String, group: String?, agent: String?) async throws
}

/// `.archive`.
public protocol ArchiveProvider: RemoteProvider {
    /// Archives a contact with a reason.
    func archive(remoteId: String, reason: String) async throws
}

/// One row of a lead list before it is decoded: its id, the hash the store compares
/// (`LIST/-`), and the decoding, run only for rows whose hash differs.
public struct RemoteLeadRow: Sendable {
    public var remoteId: String
    public var listHash: String
    public var decode: @Sendable () -> RemoteLead?

    /// A row.
    public init(remoteId: String, listHash: String, decode: @escaping @Sendable () -> RemoteLead?) {
        self.remoteId = remoteId
        self.listHash = listHash
        self.decode = decode
    }

    /// A row of an already decoded lead.
    public init(_ lead: RemoteLead) {
        self.init(remoteId: lead.remoteId, listHash: lead.contentHash, decode: { lead })
    }
}

/// A `.pullLeads` provider whose list rows can be compared by hash before they are decoded
/// (seed 001: an unchanged lead costs a hash of its bytes, not a dictionary).
public protocol HashedLeadPaging: LeadPullingProvider {
    /// One page of rows, from `position`.
    func leadRows(from position: String?, limit: Int) async throws -> RemotePage<RemoteLeadRow>
}
