import Core
import Foundation

/// A lead's merged timeline (seed 001 notes and activities + conversation events), read by keyset.
extension LeadStore {
    /// Columns every part of the timeline union yields, in this order.
    static let timelineColumns = """
        src, id, t, kind, via, direction, who, status, subject, body, template, delivered, attachment, \
        send_state, send_message, remote_id, provider, payload, lead_id
        """

    /// Event columns in `timelineColumns` order (after `src`).
    static let eventColumns = """
        id, created_at, kind, via, direction, agent, status, subject, body, template, delivered, attachment, \
        send_state, send_message, remote_id, provider, payload, lead_id
        """

    /// The SQL of one page: `older` reads backward from the cursor (descending), else forward.
    /// Each part is a limited range scan of its (lead_id, time) index; the union is re-sorted.
    static func timelineSQL(older: Bool, inclusive: Bool) -> String {
        let bound = older ? "<=" : ">="
        let op = older ? (inclusive ? "<=" : "<") : (inclusive ? ">=" : ">")
        let dir = older ? "DESC" : "ASC"
        func part(_ src: Int, _ select: String, from table: String, time: String) -> String {
            """
            SELECT * FROM (SELECT \(src) AS src, \(select) FROM \(table) WHERE lead_id = ?1 AND \(time) \(bound) ?2 \
            AND (\(time), \(src), id) \(op) (?2, ?3, ?4) ORDER BY \(time) \(dir), id \(dir) LIMIT ?5)
            """
        }
        let note = part(0, "id, created AS t, '' AS kind, '' AS via, '' AS direction, author AS who, '' AS status, "
                        + "'' AS subject, text AS body, '' AS template, NULL AS delivered, '' AS attachment, NULL AS send_state, "
                        + "'' AS send_message, NULL AS remote_id, '' AS provider, '' AS payload, lead_id",
                        from: "notes INDEXED BY notes_lead_created", time: "created")
        let activity = part(1, "id, created, type, '', '', '', '', '', text, '', NULL, '', NULL, '', remote_id, coalesce(provider, ''), '', lead_id",
                            from: "activities INDEXED BY activities_lead", time: "created")
        let event = part(2, eventColumns, from: "conversation_events INDEXED BY conversation_events_lead", time: "created_at")
        return "SELECT \(timelineColumns) FROM (\(note) UNION ALL \(activity) UNION ALL \(event)) "
            + "ORDER BY t \(dir), src \(dir), id \(dir) LIMIT ?5"
    }

    /// Up to `limit` entries of the lead's timeline strictly before `cursor` (`.end`: the newest),
    /// oldest first. Reads at most `limit` rows per source: a lead with 10,000 events costs a page.
    public func timeline(leadId: Int64, before cursor: TimelineCursor = .end, limit: Int = 100,
                         inclusive: Bool = false) throws -> [TimelineEntry] {
        try locked {
            try timelinePage(leadId: leadId, cursor: cursor, older: true, inclusive: inclusive, limit: limit).reversed()
        }
    }

    /// Up to `limit` entries strictly after `cursor` (`.start`: the oldest), oldest first.
    public func timeline(leadId: Int64, after cursor: TimelineCursor, limit: Int = 100,
                         inclusive: Bool = false) throws -> [TimelineEntry] {
        try locked { try timelinePage(leadId: leadId, cursor: cursor, older: false, inclusive: inclusive, limit: limit) }
    }

    /// How many entries the lead's timeline has (counts index entries; for titles, not per frame).
    public func timelineCount(leadId: Int64) throws -> Int {
        try locked {
            Int(try db.scalarInt("""
                SELECT (SELECT count(*) FROM notes WHERE lead_id = ?1) + (SELECT count(*) FROM activities WHERE lead_id = ?1)
                     + (SELECT count(*) FROM conversation_events WHERE lead_id = ?1)
                """, [.integer(leadId)]) ?? 0)
        }
    }

    private func timelinePage(leadId: Int64, cursor: TimelineCursor, older: Bool, inclusive: Bool,
                              limit: Int) throws -> [TimelineEntry] {
        guard limit > 0 else { return [] }
        return try db.cached(Self.timelineSQL(older: older, inclusive: inclusive)).rows(
            [.integer(leadId), .integer(cursor.time), .integer(Int64(cursor.source.rawValue)), .integer(cursor.id),
             .integer(Int64(limit))], Self.readTimelineEntry)
    }

    /// One row of `timelineColumns` as an entry.
    static func readTimelineEntry(_ s: Statement) -> TimelineEntry {
        let source = TimelineSource(rawValue: s.int(0)) ?? .event
        let id = s.int64(1), time = s.int64(2), leadId = s.int64(18)
        let date = Date(timeIntervalSince1970: TimeInterval(time))
        let content: TimelineEntry.Content
        switch source {
        case .note: content = .note(Note(id: id, leadId: leadId, text: s.text(9), author: s.text(6), createdAt: date))
        case .activity:
            let stored = ActivityCoding.decoded(type: s.text(3), text: s.text(9))
            content = .activity(Activity(id: id, leadId: leadId, type: stored.type, text: stored.text, createdAt: date))
        case .event: content = .event(readEvent(s, from: 1))
        }
        return TimelineEntry(content: content, cursor: TimelineCursor(time: time, source: source, id: id))
    }

    /// A conversation event from `eventColumns` starting at column `c`.
    static func readEvent(_ s: Statement, from c: Int32) -> ConversationEvent {
        ConversationEvent(
            id: s.int64(c), leadId: s.int64(c + 17), provider: s.text(c + 15), remoteId: s.optionalText(c + 14),
            kind: ConversationEventKind(rawValue: s.text(c + 2)) ?? .other, via: s.text(c + 3),
            direction: MessageDirection(rawValue: s.text(c + 4)) ?? .inbound, agent: s.text(c + 5), status: s.text(c + 6),
            subject: s.text(c + 7), text: s.text(c + 8), template: s.text(c + 9),
            delivered: s.optionalInt64(c + 10).map { $0 != 0 }, attachment: s.text(c + 11),
            sendState: s.optionalText(c + 12).flatMap(ConversationSendState.init(rawValue:)),
            sendMessage: s.text(c + 13), payload: s.text(c + 16),
            createdAt: Date(timeIntervalSince1970: TimeInterval(s.int64(c + 1))))
    }
}
