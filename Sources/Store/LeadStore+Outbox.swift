import Core
import Foundation

/// The outbox: queued local changes, read and settled by the sync worker.
extension LeadStore {
    static let outboxColumns = """
        id, kind, op, record_id, lead_id, payload, base, state, attempts, messages, not_before, created, updated, remote
        """

    /// Pending entries ready to send, oldest first, at most one per record: an entry waits while an
    /// earlier entry of the same record is still queued (in any state), and while its lead's
    /// "create" is still queued. Entries with `notBefore` in the future are skipped.
    /// With `remote`, only that remote's entries (the order rules hold per remote); without, every entry.
    /// With `op`, only entries of that operation.
    public func nextOutboxBatch(limit: Int = 100, now: Date = Date(), remote: String? = nil, op: OutboxOp? = nil) throws -> [OutboxEntry] {
        try locked {
            try db.cached("""
                SELECT \(Self.outboxColumns) FROM outbox o
                WHERE o.state = 'pending' AND (o.not_before IS NULL OR o.not_before <= ?1) AND (?3 IS NULL OR o.remote = ?3)
                  AND (?4 IS NULL OR o.op = ?4)
                  AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.kind = o.kind AND p.record_id = o.record_id AND p.id < o.id
                                  AND p.remote IS o.remote)
                  AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.kind = 'lead' AND p.op = 'create'
                                  AND p.record_id = o.lead_id AND p.id < o.id AND p.remote IS o.remote)
                ORDER BY o.id LIMIT ?2
                """).rows([.integer(LeadColumns.seconds(now)), .integer(Int64(limit)), remote.map { .text($0) } ?? .null,
                           op.map { .text($0.rawValue) } ?? .null], Self.readOutbox)
        }
    }

    /// Every outbox entry in order (all states), up to `limit`.
    public func outboxEntries(limit: Int = 1000) throws -> [OutboxEntry] {
        try locked {
            try db.cached("SELECT \(Self.outboxColumns) FROM outbox ORDER BY id LIMIT ?")
                .rows([.integer(Int64(limit))], Self.readOutbox)
        }
    }

    /// The outbox entries of one lead and its notes and appointments, in order.
    public func outboxEntries(forLead leadId: Int64) throws -> [OutboxEntry] {
        try locked {
            try db.cached("SELECT \(Self.outboxColumns) FROM outbox WHERE lead_id = ? ORDER BY id")
                .rows([.integer(leadId)], Self.readOutbox)
        }
    }

    /// The entry with this id, or nil when it is gone (done or discarded).
    public func outboxEntry(id: Int64) throws -> OutboxEntry? {
        try locked {
            try db.cached("SELECT \(Self.outboxColumns) FROM outbox WHERE id = ?").firstRow([.integer(id)], Self.readOutbox)
        }
    }

    /// Number of entries per state (states with none are 0).
    /// With `remote`, only that remote's entries.
    public func outboxCounts(remote: String? = nil) throws -> [OutboxState: Int] {
        try locked {
            var counts = Dictionary(uniqueKeysWithValues: OutboxState.allCases.map { ($0, 0) })
            try db.cached("SELECT state, count(*) FROM outbox WHERE ?1 IS NULL OR remote = ?1 GROUP BY state")
                .forEachRow([remote.map { .text($0) } ?? .null]) {
                if let state = OutboxState(rawValue: $0.text(0)) { counts[state] = $0.int(1) }
            }
            return counts
        }
    }

    /// Marks entries as being sent.
    public func markOutboxInflight(_ ids: [Int64]) throws {
        try write {
            for id in ids {
                try db.run("UPDATE outbox SET state = 'inflight', updated = ? WHERE id = ?", [.integer(Self.now()), .integer(id)])
            }
        }
    }

    /// The server accepted the change: the entry is removed.
    public func markOutboxDone(_ id: Int64) throws {
        try locked { try db.run("DELETE FROM outbox WHERE id = ?", [.integer(id)]) }
    }

    /// The server rejected the change (400 / 401 "request"): keep the local value, keep the messages.
    public func markOutboxRejected(_ id: Int64, messages: [String: [String]]) throws {
        try locked {
            try db.run("""
                UPDATE outbox SET state = 'rejected', messages = ?, attempts = attempts + 1, updated = ? WHERE id = ?
                """, [.text(JSONText.encode(messages)), .integer(Self.now()), .integer(id)])
        }
    }

    /// A transient failure: back to pending with one more attempt, not before `notBefore` (if given).
    public func retryOutboxLater(_ id: Int64, notBefore: Date? = nil) throws {
        try locked {
            try db.run("""
                UPDATE outbox SET state = 'pending', attempts = attempts + 1, not_before = ?, updated = ? WHERE id = ?
                """, [notBefore.map { .integer(LeadColumns.seconds($0)) } ?? .null, .integer(Self.now()), .integer(id)])
        }
    }

    /// After a crash: every inflight entry goes back to pending. Returns how many did.
    /// (A create that was inflight may have reached the server: link-before-create on retry.)
    /// With `remote`, only that remote's entries; without, only entries not routed yet (which
    /// count one more attempt: routing gives them new ids, so "it may have been sent" must survive
    /// in `attempts`). Another remote's entries in flight are never touched.
    @discardableResult
    public func resetInflightOutbox(remote: String? = nil) throws -> Int {
        try write {
            try db.run("""
                UPDATE outbox SET state = 'pending', updated = ?1, attempts = attempts + (remote IS NULL)
                WHERE state = 'inflight' AND remote IS ?2
                """, [.integer(Self.now()), remote.map { .text($0) } ?? .null])
            return db.changes
        }
    }

    /// Replaces an entry's payload (e.g. after merging several edits of one record into it).
    public func replaceOutboxPayload(_ id: Int64, payload: [String: String]) throws {
        try locked {
            try db.run("UPDATE outbox SET payload = ?, updated = ? WHERE id = ?",
                       [.text(JSONText.encode(payload)), .integer(Self.now()), .integer(id)])
        }
    }

    // MARK: - Writing entries (inside an edit's transaction)

    /// Queues a change. An update to a record whose latest entry is a pending or rejected
    /// create/update is merged into that entry (one request per record; a rejected entry the
    /// user edits again goes back to pending with its old messages cleared).
    func enqueue(_ kind: RecordKind, _ op: OutboxOp, recordId: Int64, leadId: Int64,
                 payload: [String: String], base: [String: String]) throws {
        let now = Self.now()
        if op == .update, let latest = try db.cached("""
            SELECT \(Self.outboxColumns) FROM outbox WHERE kind = ? AND record_id = ? ORDER BY id DESC LIMIT 1
            """).firstRow([.text(kind.rawValue), .integer(recordId)], Self.readOutbox),
           latest.state != .inflight, latest.state != .unknown, latest.op != .delete, latest.op != .push, latest.remote == nil {
            var mergedPayload = latest.payload.merging(payload) { _, new in new }
            var mergedBase = latest.base.merging(base) { old, _ in old }
            if latest.op == .update {
                for (key, value) in mergedPayload where mergedBase[key] == value {
                    mergedPayload[key] = nil
                    mergedBase[key] = nil
                }
                if mergedPayload.isEmpty {
                    try db.run("DELETE FROM outbox WHERE id = ?", [.integer(latest.id)])
                    return
                }
            } else {
                mergedBase = [:]
            }
            try db.run("""
                UPDATE outbox SET payload = ?, base = ?, state = 'pending', messages = '{}', not_before = NULL,
                    updated = ? WHERE id = ?
                """, [.text(JSONText.encode(mergedPayload)), .text(JSONText.encode(mergedBase)), .integer(now),
                      .integer(latest.id)])
            return
        }
        try db.run("""
            INSERT INTO outbox (kind, op, record_id, lead_id, payload, base, state, created, updated)
            VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)
            """, [.text(kind.rawValue), .text(op.rawValue), .integer(recordId), .integer(leadId),
                  .text(JSONText.encode(payload)), .text(JSONText.encode(base)), .integer(now), .integer(now)])
    }

    static func readOutbox(_ s: Statement) -> OutboxEntry {
        OutboxEntry(
            id: s.int64(0), kind: RecordKind(rawValue: s.text(1)) ?? .lead, op: OutboxOp(rawValue: s.text(2)) ?? .update,
            recordId: s.int64(3), leadId: s.int64(4),
            payload: JSONText.decodeStrings(s.text(5)), base: JSONText.decodeStrings(s.text(6)),
            state: OutboxState(rawValue: s.text(7)) ?? .pending, attempts: s.int(8),
            serverMessages: JSONText.decodeMessages(s.text(9)),
            notBefore: s.optionalInt64(10).map { Date(timeIntervalSince1970: TimeInterval($0)) },
            createdAt: Date(timeIntervalSince1970: TimeInterval(s.int64(11))),
            updatedAt: Date(timeIntervalSince1970: TimeInterval(s.int64(12))), remote: s.optionalText(13))
    }
}
