import Core
import Foundation

/// Conversation events from remotes, unread tracking and conversation search.
extension LeadStore {
    /// Stores remote events (insert, or update the one with the same provider + remote id) with
    /// their FTS rows; a new inbound event counts as unread for its lead. Returns how many were new.
    /// A remote event matching one of Closer's own sends by remote id updates that send's row,
    /// so a sent message shows once.
    @discardableResult
    public func applyRemoteEvents(_ events: [ConversationEvent]) throws -> Int {
        try write {
            var inserted = 0
            for event in events {
                guard let remoteId = event.remoteId, !event.provider.isEmpty else {
                    throw StoreError.invalidValue(field: "remote_id", value: "a remote event needs a provider and remote id")
                }
                if let existing = try db.scalarInt(
                    "SELECT id FROM conversation_events WHERE provider = ? AND remote_id = ?",
                    [.text(event.provider), .text(remoteId)]) {
                    try db.run("""
                        UPDATE conversation_events SET kind = ?, via = ?, direction = ?, agent = ?, status = ?, subject = ?,
                            body = CASE WHEN ? = '' THEN body ELSE ? END, template = CASE WHEN ? = '' THEN template ELSE ? END,
                            delivered = coalesce(?, delivered), attachment = CASE WHEN ? = '' THEN attachment ELSE ? END,
                            updated_at = ? WHERE id = ?
                        """, [.text(event.kind.rawValue), .text(event.via), .text(event.direction.rawValue), .text(event.agent),
                              .text(event.status), .text(event.subject), .text(event.text), .text(event.text),
                              .text(event.template), .text(event.template), event.delivered.map { .integer($0 ? 1 : 0) } ?? .null,
                              .text(event.attachment), .text(event.attachment), .integer(Self.now()), .integer(existing)])
                    try reindexEvent(existing)
                    continue
                }
                _ = try insertEvent(event)  // a lead that does not exist fails the foreign key
                inserted += 1
                if event.direction == .inbound {
                    try db.run("""
                        INSERT INTO conversation_unread (lead_id, count, last_at) VALUES (?1, 1, ?2)
                        ON CONFLICT(lead_id) DO UPDATE SET count = count + 1, last_at = max(last_at, ?2)
                        """, [.integer(event.leadId), .integer(LeadColumns.seconds(event.createdAt))])
                }
            }
            return inserted
        }
    }

    /// Inserts one event row and its FTS row; returns the new id.
    func insertEvent(_ event: ConversationEvent) throws -> Int64 {
        try db.run("""
            INSERT INTO conversation_events (lead_id, provider, remote_id, kind, via, direction, agent, status, subject, body,
                template, delivered, attachment, send_state, send_message, payload, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(event.leadId), .text(event.provider), event.remoteId.map { .text($0) } ?? .null,
                  .text(event.kind.rawValue), .text(event.via), .text(event.direction.rawValue), .text(event.agent),
                  .text(event.status), .text(event.subject), .text(event.text), .text(event.template),
                  event.delivered.map { .integer($0 ? 1 : 0) } ?? .null, .text(event.attachment),
                  event.sendState.map { .text($0.rawValue) } ?? .null, .text(event.sendMessage), .text(event.payload),
                  .integer(LeadColumns.seconds(event.createdAt)), .integer(Self.now())])
        let id = db.lastInsertRowID
        try db.run("INSERT INTO conversation_fts (rowid, text, lead_id) VALUES (?, ?, ?)",
                   [.integer(id), .text(event.searchText), .integer(event.leadId)])
        return id
    }

    /// Rewrites the FTS row of one event from its stored columns.
    func reindexEvent(_ id: Int64) throws {
        try db.run("DELETE FROM conversation_fts WHERE rowid = ?", [.integer(id)])
        guard let event = try conversationEvent(id: id) else { return }
        try db.run("INSERT INTO conversation_fts (rowid, text, lead_id) VALUES (?, ?, ?)",
                   [.integer(id), .text(event.searchText), .integer(event.leadId)])
    }

    /// One stored event, or nil.
    public func conversationEvent(id: Int64) throws -> ConversationEvent? {
        try locked {
            try db.cached("SELECT \(Self.eventColumns) FROM conversation_events WHERE id = ?")
                .firstRow([.integer(id)]) { Self.readEvent($0, from: 0) }
        }
    }

    /// The event a remote knows by `remoteId`, or nil.
    public func conversationEvent(provider: String, remoteId: String) throws -> ConversationEvent? {
        try locked {
            try db.cached("SELECT \(Self.eventColumns) FROM conversation_events WHERE provider = ? AND remote_id = ?")
                .firstRow([.text(provider), .text(remoteId)]) { Self.readEvent($0, from: 0) }
        }
    }

    /// When the prospect last started an interaction (seed 004 `proactive: false`): the 24 h
    /// window runs from it. Nil when the lead never wrote.
    public func lastInboundAt(leadId: Int64) throws -> Date? {
        try locked {
            try db.scalarInt("""
                SELECT max(created_at) FROM conversation_events INDEXED BY conversation_events_inbound
                WHERE lead_id = ? AND direction = 'inbound'
                """, [.integer(leadId)]).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
    }

    /// The channel of the lead's newest message (where `r` replies), or nil.
    public func lastMessageChannel(leadId: Int64) throws -> String? {
        try locked {
            try db.scalarText("""
                SELECT via FROM conversation_events INDEXED BY conversation_events_lead
                WHERE lead_id = ? AND kind = 'message' AND via <> '' ORDER BY created_at DESC, id DESC LIMIT 1
                """, [.integer(leadId)])
        }
    }

    // MARK: - Unread

    /// Unread inbound events of one lead (0 when read).
    public func unreadCount(leadId: Int64) throws -> Int {
        try locked { Int(try db.scalarInt("SELECT count FROM conversation_unread WHERE lead_id = ?", [.integer(leadId)]) ?? 0) }
    }

    /// How many leads have unread conversations (the status bar's count).
    public func unreadConversationCount() throws -> Int {
        try locked {
            Int(try db.scalarInt(Self.unreadConversationCountSQL) ?? 0)
        }
    }

    /// The unread count's query. CROSS JOIN keeps the few unread rows as the outer loop: with a
    /// plain JOIN the planner scanned every lead (1,000,000 index entries, ~170 ms, before the
    /// first frame and after every sync) to probe the small table.
    static let unreadConversationCountSQL = """
        SELECT count(*) FROM conversation_unread u CROSS JOIN leads l ON l.id = u.lead_id WHERE l.deleted = 0
        """

    /// Which of `leadIds` have unread conversations (for the list's mark column; one query a window).
    public func unreadLeads(among leadIds: [Int64]) throws -> Set<Int64> {
        guard !leadIds.isEmpty else { return [] }
        return try locked {
            let marks = Array(repeating: "?", count: leadIds.count).joined(separator: ",")
            return Set(try db.prepare("SELECT lead_id FROM conversation_unread WHERE lead_id IN (\(marks))")
                .rows(leadIds.map { .integer($0) }) { $0.int64(0) })
        }
    }

    /// Marks the lead's conversation read (opening it does this). No write when already read.
    public func markConversationRead(leadId: Int64) throws {
        try locked {  // a read first: opening a read conversation takes no write lock
            guard try db.scalarInt("SELECT 1 FROM conversation_unread WHERE lead_id = ?", [.integer(leadId)]) != nil else { return }
            try markConversationReadLocked(leadId: leadId)
        }
    }

    private func markConversationReadLocked(leadId: Int64) throws {
        try write {
            guard try db.scalarInt("SELECT 1 FROM conversation_unread WHERE lead_id = ?", [.integer(leadId)]) != nil else { return }
            try db.run("DELETE FROM conversation_unread WHERE lead_id = ?", [.integer(leadId)])
        }
    }

    // MARK: - Search

    /// Cursors of the lead's conversation events matching every word of `text` (prefix, case and
    /// diacritics ignored), oldest first: the newest `limit` of them (the pane's `/` opens at the
    /// newest match, so with more than `limit` it is the oldest ones that are left out).
    public func searchTimeline(leadId: Int64, text: String, limit: Int = 500) throws -> [TimelineCursor] {
        guard let match = Self.conversationMatch(text) else { return [] }
        return try locked {
            // The lead's (lead_id, created_at) index read backward, kept when the id is among the
            // FTS matches (one list built once): no per-match lookup of the lead, no sort. On a
            // 10,000-event lead in a 1,000,000-lead file: ~1 ms against ~20 ms joining every match.
            try db.cached("""
                SELECT id, created_at FROM conversation_events INDEXED BY conversation_events_lead
                WHERE lead_id = ?2 AND id IN (SELECT rowid FROM conversation_fts WHERE conversation_fts MATCH ?1)
                ORDER BY created_at DESC, id DESC LIMIT ?3
                """).rows([.text(match), .integer(leadId), .integer(Int64(limit))]) {
                    TimelineCursor(time: $0.int64(1), source: .event, id: $0.int64(0))
                }.reversed()
        }
    }

    /// The FTS5 expression for the conversation index: every word required, as a prefix.
    static func conversationMatch(_ text: String) -> String? {
        let words = LeadQueryBuilder.searchWords(text)
        guard !words.isEmpty else { return nil }
        return words.map { LeadQueryBuilder.quoted($0) + "*" }.joined(separator: " AND ")
    }
}

/// Finding a lead by what a user types on the command line.
extension LeadStore {
    /// Ids of live leads with this e-mail: exact first, then ignoring (ASCII) case, both through the
    /// e-mail key index (its key ignores case too). At most 10; none for an empty address.
    public func leadIds(withEmail email: String) throws -> [Int64] {
        try locked {
            let exact = try db.cached("SELECT id FROM leads WHERE \(EmailKeyFunction.exactMatch) AND deleted = 0 ORDER BY id LIMIT 10")
                .rows([.text(email)]) { $0.int64(0) }
            if !exact.isEmpty { return exact }
            return try db.cached("""
                SELECT id FROM leads WHERE \(EmailKeyFunction.caseInsensitiveMatch) AND deleted = 0 ORDER BY id LIMIT 10
                """)
                .rows([.text(email)]) { $0.int64(0) }
        }
    }
}

/// Which remotes the conversation sync uses, so the detail can show a lead's prospect links.
extension LeadStore {
    /// Records the remote names the conversation sync links leads on (Zenvia, CleverApp).
    public func setConversationRemotes(_ names: [String]) throws {
        let value = names.sorted().joined(separator: ",")
        guard try syncState(provider: "conversation", key: "remotes") != value else { return }
        try setSyncState(provider: "conversation", key: "remotes", value: value)
    }

    /// The lead's links on those remotes: (remote name, remote id), by primary-key lookups.
    public func conversationLinks(leadId: Int64) throws -> [(remote: String, remoteId: String)] {
        let names = (try syncState(provider: "conversation", key: "remotes") ?? "").split(separator: ",").map(String.init)
        return try names.compactMap { name in
            try remoteLink(provider: name, kind: .lead, localId: leadId).map { (name, $0.remoteId) }
        }
    }
}
