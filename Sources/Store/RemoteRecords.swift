import Core
import Foundation

/// A lead as a provider's list or detail returned it, for `applyRemoteLead`.
public struct RemoteLead: Sendable, Equatable {
    /// The provider's id (seed 001: the slug).
    public var remoteId: String
    /// Remote field values by wire name (`LeadField.rawValue`); only fields the provider sends.
    public var fields: [String: String]
    public var createdAt: Date?
    public var updatedAt: Date?
    /// A hash of everything the provider sent; equal hash means "unchanged, write nothing".
    public var contentHash: String

    /// A remote lead; the hash defaults to `ContentHash.of(fields)`.
    public init(remoteId: String, fields: [String: String], createdAt: Date? = nil, updatedAt: Date? = nil,
                contentHash: String? = nil) {
        self.remoteId = remoteId
        self.fields = fields
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.contentHash = contentHash ?? ContentHash.of(fields)
    }
}

/// A note from a provider's lead detail.
public struct RemoteNote: Sendable, Equatable {
    public var remoteId: String
    public var text: String
    public var author: String
    public var createdAt: Date

    /// A remote note.
    public init(remoteId: String, text: String, author: String, createdAt: Date) {
        self.remoteId = remoteId
        self.text = text
        self.author = author
        self.createdAt = createdAt
    }
}

/// An activity from a provider's lead detail (read-only on our side).
public struct RemoteActivity: Sendable, Equatable {
    public var remoteId: String
    public var type: String
    public var text: String
    public var createdAt: Date

    /// A remote activity.
    public init(remoteId: String, type: String, text: String, createdAt: Date) {
        self.remoteId = remoteId
        self.type = type
        self.text = text
        self.createdAt = createdAt
    }
}

/// An appointment from a provider's appointment list.
public struct RemoteAppointment: Sendable, Equatable {
    public var remoteId: String
    public var start: Date
    public var end: Date
    public var note: String
    public var status: AppointmentStatus

    /// A remote appointment.
    public init(remoteId: String, start: Date, end: Date, note: String, status: AppointmentStatus) {
        self.remoteId = remoteId
        self.start = start
        self.end = end
        self.note = note
        self.status = status
    }
}

/// What `applyRemoteLead` did.
public enum RemoteApplyOutcome: Sendable, Equatable {
    /// The hash matched the stored one: nothing was written.
    case unchanged(localId: Int64)
    /// A new local lead was made and linked.
    case inserted(localId: Int64)
    /// Remote-only changes were taken (the listed fields, possibly none when only the hash moved).
    case updated(localId: Int64, fields: [String])
    /// Some fields changed on both sides: local values kept (they will be pushed), the remote
    /// values recorded in a "conflict" activity, the lead flagged.
    case conflicted(localId: Int64, fields: [String])

    /// The local lead id in every case.
    public var localId: Int64 {
        switch self {
        case .unchanged(let id), .inserted(let id), .updated(let id, _), .conflicted(let id, _): return id
        }
    }
}

/// A stable content hash (FNV-1a 64, hex) of field values, independent of dictionary order.
public enum ContentHash {
    /// The hash of `fields`, sorted by key.
    public static func of(_ fields: [String: String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {  // keys are unique: the order of sorted keys
            for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1f) &* 0x100_0000_01b3
            for byte in value.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1e) &* 0x100_0000_01b3
        }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
