import Foundation

/// The kinds of local record that sync to a provider (and get remote ids).
public enum RecordKind: String, Sendable, CaseIterable, Codable {
    case lead, note, appointment
}

/// What an outbox entry asks the server to do.
public enum OutboxOp: String, Sendable, CaseIterable, Codable {
    case create, update, delete
    /// Send the lead to a destination remote (ClosingDealz, chatbot, ...): it gets no edits afterwards.
    case push
}

/// Where an outbox entry is in its life. Done entries are deleted.
public enum OutboxState: String, Sendable, CaseIterable, Codable {
    /// Waiting to be sent (possibly after `notBefore`).
    case pending
    /// Handed to the sync worker; back to pending by `resetInflightOutbox()` after a crash.
    case inflight
    /// The server said no; `serverMessages` says why. The local value stays until fixed or discarded.
    case rejected
    /// The request was sent but its answer was lost, and the remote offers no way to find out
    /// whether it took effect: never resent on its own; the user resends it or marks it sent.
    case unknown
}

/// One queued local change, written in the same transaction as the edit it describes.
///
/// Payload keys are seed 001 wire names: lead fields use `LeadField.rawValue` (`first_name`,
/// `assignee`, ...); notes use `note`, `user`, `created`; appointments use `appointment_date`,
/// `appointment_to` (`yyyy-mm-dd hh:mm` UTC), `appointment_note`, `appointment_status`.
public struct OutboxEntry: Sendable, Equatable, Identifiable {
    /// Increasing: the order changes were made in.
    public let id: Int64
    public let kind: RecordKind
    public let op: OutboxOp
    /// Local id of the lead / note / appointment.
    public let recordId: Int64
    /// The lead the record belongs to (the record itself for a lead).
    public let leadId: Int64
    /// Changed fields → new values (every field for a create; empty for a delete).
    public let payload: [String: String]
    /// The same fields' values before the edit (empty for a create; every field for a delete).
    public let base: [String: String]
    public let state: OutboxState
    /// Failed sends so far.
    public let attempts: Int
    /// The server's messages per field for a rejection (`{"email": ["Invalid email."]}`).
    public let serverMessages: [String: [String]]
    /// Do not send before this time (set by `retryOutboxLater`).
    public let notBefore: Date?
    public let createdAt: Date
    public let updatedAt: Date
    /// The remote the entry is for; nil until the worker routes it (local edits do not know the remotes).
    public var remote: String? = nil
}

/// A local record's link to its remote twin at one provider, with the last values seen there.
public struct RemoteLink: Sendable, Equatable {
    public let provider: String
    public let kind: RecordKind
    public let localId: Int64
    public let remoteId: String
    /// Last-seen remote field values (wire names): the "base" for field-level conflict detection.
    public let base: [String: String]
    /// Content hash of the last-seen remote record ("" when unknown).
    public let contentHash: String
}
