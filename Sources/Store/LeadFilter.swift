import Foundation
import Core

/// Which leads a list shows. Empty sets mean "any"; all parts combine with AND.
/// Soft-deleted leads are never listed.
public struct LeadFilter: Sendable, Equatable, Hashable, Codable {
    /// Only these statuses (empty: all).
    public var statuses: Set<LeadStatus>
    /// Only these sources (empty: all).
    public var sources: Set<LeadSource>
    /// Only leads owned by these usernames (empty: all).
    public var owners: Set<String>
    /// Only leads with unsent local changes in the outbox.
    public var hasPending: Bool
    /// Only leads with a change the server rejected.
    public var rejectedOnly: Bool
    /// Only leads with a recorded sync conflict.
    public var conflictOnly: Bool
    /// Free text: every word must prefix-match name, e-mail, phone, company or notes
    /// (diacritics and case ignored). Capped at `LeadStore.searchCap` matches.
    public var search: String
    // dashboard drill-downs (optional, so saved views written before them still decode)
    /// Only leads created in this span.
    public var created: DateSpan?
    /// Only leads never touched, or idle (no touch, or never touched and created) before a time.
    public var touch: TouchCondition?
    /// Only leads with an appointment (not cancelled) starting in this span.
    public var appointments: DateSpan?
    /// Only leads whose conversation has unread inbound messages (conversation pane; `f u`).
    public var unreadOnly: Bool = false

    /// A filter; the default shows every (not deleted) lead.
    public init(
        statuses: Set<LeadStatus> = [], sources: Set<LeadSource> = [], owners: Set<String> = [],
        hasPending: Bool = false, rejectedOnly: Bool = false, conflictOnly: Bool = false, search: String = "",
        created: DateSpan? = nil, touch: TouchCondition? = nil, appointments: DateSpan? = nil
    ) {
        self.created = created
        self.touch = touch
        self.appointments = appointments
        self.statuses = statuses
        self.sources = sources
        self.owners = owners
        self.hasPending = hasPending
        self.rejectedOnly = rejectedOnly
        self.conflictOnly = conflictOnly
        self.search = search
    }

    /// The filter that shows everything.
    public static let all = LeadFilter()

    private enum CodingKeys: String, CodingKey {
        case statuses, sources, owners, hasPending, rejectedOnly, conflictOnly, search, unreadOnly
    }

    /// Decodes a filter; keys added later (`unreadOnly`) may be missing from older saved views.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        statuses = try c.decodeIfPresent(Set<LeadStatus>.self, forKey: .statuses) ?? []
        sources = try c.decodeIfPresent(Set<LeadSource>.self, forKey: .sources) ?? []
        owners = try c.decodeIfPresent(Set<String>.self, forKey: .owners) ?? []
        hasPending = try c.decodeIfPresent(Bool.self, forKey: .hasPending) ?? false
        rejectedOnly = try c.decodeIfPresent(Bool.self, forKey: .rejectedOnly) ?? false
        conflictOnly = try c.decodeIfPresent(Bool.self, forKey: .conflictOnly) ?? false
        search = try c.decodeIfPresent(String.self, forKey: .search) ?? ""
        unreadOnly = try c.decodeIfPresent(Bool.self, forKey: .unreadOnly) ?? false
    }
}

/// The order of a lead list. Ties are broken by local id, so the order is total.
public struct LeadSort: Sendable, Equatable, Hashable, Codable {
    /// What the list is ordered by.
    public enum Key: String, Sendable, CaseIterable, Codable {
        /// Folded display name (lowercase, no diacritics).
        case name
        /// Creation time.
        case created
        /// Last update time.
        case updated
        /// Pipeline order of `LeadStatus.allCases`, then name.
        case status
        /// Last touch (a never-touched lead: its creation), oldest first when ascending (dashboard: stale leads).
        case touched
    }

    public var key: Key
    public var ascending: Bool

    /// An order by `key`, ascending unless told otherwise.
    public init(_ key: Key, ascending: Bool = true) {
        self.key = key
        self.ascending = ascending
    }

    /// Name A→Z, the default list order.
    public static let nameAscending = LeadSort(.name)
}

/// A position in a sorted lead list: the sort key of one row plus its id. Opaque to callers;
/// take it from a `LeadListRow` and pass it back to page forward or backward.
public struct LeadCursor: Sendable, Equatable, Hashable {
    let values: [SQLValue]
    /// The local id of the row the cursor points at.
    public let id: Int64

    init(values: [SQLValue], id: Int64) {
        self.values = values
        self.id = id
    }
}

/// The sync mark a list row shows, most important first.
public enum SyncMark: String, Sendable, Equatable, Codable {
    /// In sync (or never synced demo data).
    case none
    /// Local changes wait in the outbox.
    case pending
    /// The server rejected a change; messages are on the outbox entry.
    case rejected
    /// A field changed on both sides; the remote value is in a "conflict" activity.
    case conflict
    /// Deleted on the server while it had unsent local edits; kept locally.
    case deletedRemotely
}

/// Just what the lead list shows for one row (cheap to read).
public struct LeadListRow: Sendable, Equatable, Hashable {
    public let id: Int64
    /// Display name ("First Last", or the e-mail when both are empty). Untrusted: sanitise before drawing.
    public let name: String
    public let company: String
    public let status: LeadStatus
    public let source: LeadSource?
    public let owner: String
    /// Time of the latest activity or note, when there is one.
    public let lastActivityAt: Date?
    public let syncMark: SyncMark
    /// Where this row sits in the order it was read in: pass to `leads(after:)` / `leads(before:)`.
    public let cursor: LeadCursor
}

/// A saved list view: a name plus filter and sort.
public struct SavedView: Sendable, Equatable, Codable {
    public var name: String
    public var filter: LeadFilter
    public var sort: LeadSort

    /// A named view.
    public init(name: String, filter: LeadFilter, sort: LeadSort) {
        self.name = name
        self.filter = filter
        self.sort = sort
    }
}
