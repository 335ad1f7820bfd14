import Foundation
import Store

/// Everything the status bar draws, as a plain value: sync state, outbox counts, the keys typed
/// so far of a multi-key binding, and one message that expires.
public struct StatusBarModel: Sendable, Equatable {
    public var sync: SyncIndicator
    /// Outbox entries waiting to be sent (pending + inflight).
    public var pendingCount: Int
    /// Outbox entries the server refused.
    public var rejectedCount: Int
    /// Keys typed so far of an unfinished sequence, e.g. "g" (shown until the sequence ends).
    public var pendingKeys: String
    /// The latest message; see `visibleMessage(at:)`.
    public var message: StatusMessage?
    /// Leads whose conversation has unread inbound messages (conversation pane).
    public var unreadConversations = 0

    /// A status bar model.
    public init(sync: SyncIndicator = .online, pendingCount: Int = 0, rejectedCount: Int = 0,
                pendingKeys: String = "", message: StatusMessage? = nil) {
        self.sync = sync
        self.pendingCount = pendingCount
        self.rejectedCount = rejectedCount
        self.pendingKeys = pendingKeys
        self.message = message
    }

    /// Re-reads the pending and rejected counts (one small grouped query on the outbox).
    public mutating func refreshCounts(from store: LeadStore) throws {
        let counts = try store.outboxCounts()
        pendingCount = (counts[.pending] ?? 0) + (counts[.inflight] ?? 0)
        rejectedCount = counts[.rejected] ?? 0
        unreadConversations = try store.unreadConversationCount()
    }

    /// Shows `message` (replacing the previous one); nil keeps the current one.
    public mutating func post(_ message: StatusMessage?) {
        if let message { self.message = message }
    }

    /// The message if it has not expired at `now`.
    public func visibleMessage(at now: Date) -> StatusMessage? {
        guard let message, !message.isExpired(at: now) else { return nil }
        return message
    }

    /// "3 pending · 1 rejected", only the non-zero parts; "" when the outbox is empty.
    public var countsText: String {
        var parts: [String] = []
        if pendingCount > 0 { parts.append("\(pendingCount) pending") }
        if rejectedCount > 0 { parts.append("\(rejectedCount) rejected") }
        if unreadConversations > 0 { parts.append("\(unreadConversations) unread") }
        return parts.joined(separator: " · ")
    }

    /// The sync indicator's text.
    public var syncText: String { sync.text }

    /// The pending key sequence, sanitised.
    public var pendingKeysText: String { TextSanitizerBridge.line(pendingKeys) }
}
