import Foundation

/// Routing queued local changes to remotes, and the "outcome unknown" entries of remotes that
/// cannot be asked whether a request took effect.
extension LeadStore {
    /// One remote an entry goes to, and what it asks there (`.push` for a destination).
    public struct OutboxRoute: Sendable, Equatable {
        public var remote: String
        public var op: OutboxOp
        /// A route.
        public init(remote: String, op: OutboxOp) {
            self.remote = remote
            self.op = op
        }
    }

    /// The entries not routed to a remote yet: pending or rejected, with no remote.
    static let unroutedCondition = "remote IS NULL AND state IN ('pending', 'rejected')"

    /// Entries not routed to a remote yet (pending or rejected), oldest first, after `afterId`.
    public func unroutedOutboxEntries(after afterId: Int64 = 0, limit: Int = 500) throws -> [OutboxEntry] {
        try locked {
            try db.cached("""
                SELECT \(Self.outboxColumns) FROM outbox
                WHERE \(Self.unroutedCondition) AND id > ? ORDER BY id LIMIT ?
                """).rows([.integer(afterId), .integer(Int64(limit))], Self.readOutbox)
        }
    }

    /// How many entries not routed to a remote yet (pending or rejected) there are, by state: one
    /// count over the `(remote, state, id)` index, without reading the entries.
    public func unroutedOutboxCounts() throws -> [OutboxState: Int] {
        try locked {
            var counts: [OutboxState: Int] = [:]
            try db.cached("""
                SELECT state, count(*) FROM outbox WHERE \(Self.unroutedCondition) GROUP BY state
                """).forEachRow([]) {
                if let state = OutboxState(rawValue: $0.text(0)) { counts[state] = $0.int(1) }
            }
            return counts
        }
    }

    /// The remotes that hold a lead: linked to it, or with its create or push queued.
    public func remotesHolding(leadId: Int64) throws -> Set<String> {
        try locked {
            // The links' key starts with the provider: step from one provider to the next by the key
            // (a few seeks), then look the lead up under each, instead of scanning every link.
            var remotes = Set(try db.cached("""
                WITH RECURSIVE providers(name) AS (
                    SELECT min(provider) FROM remote_ids
                    UNION ALL
                    SELECT (SELECT min(provider) FROM remote_ids WHERE provider > providers.name) FROM providers
                    WHERE providers.name IS NOT NULL)
                SELECT r.provider FROM providers p
                JOIN remote_ids r ON r.provider = p.name AND r.kind = 'lead' AND r.local_id = ?
                """).rows([.integer(leadId)]) { $0.text(0) })
            try db.cached("""
                SELECT DISTINCT remote FROM outbox WHERE kind = 'lead' AND record_id = ? AND op IN ('create', 'push')
                  AND remote IS NOT NULL
                """).forEachRow([.integer(leadId)]) { remotes.insert($0.text(0)) }
            return remotes
        }
    }

    /// Routes an unrouted entry: the entry itself goes to the first route (keeping its id, so
    /// "it may have been sent" and the user's view of it survive) and a copy (same payload, base,
    /// state, attempts, messages) to each further one. With no route it stays unrouted: nothing
    /// can take it yet.
    /// An entry another connection routed meanwhile is left alone (two workers may route at once).
    public func route(_ entry: OutboxEntry, to routes: [OutboxRoute]) throws {
        guard !routes.isEmpty else { return }
        try write {
            guard let current = try outboxEntry(id: entry.id), current.remote == nil,
                  current.state == .pending || current.state == .rejected else { return }
            for route in routes.dropFirst() {
                try db.run("""
                    INSERT INTO outbox (kind, op, record_id, lead_id, payload, base, state, attempts, messages, not_before,
                                        created, updated, remote)
                    SELECT kind, ?, record_id, lead_id, payload, base, state, attempts, messages, not_before, created, ?, ?
                    FROM outbox WHERE id = ?
                    """, [.text(route.op.rawValue), .integer(Self.now()), .text(route.remote), .integer(entry.id)])
            }
            try db.run("UPDATE outbox SET remote = ?, op = ?, updated = ? WHERE id = ?",
                       [.text(routes[0].remote), .text(routes[0].op.rawValue), .integer(Self.now()), .integer(entry.id)])
        }
    }

    /// Queues a push of leads to `remote`, skipping leads already there (linked) or already
    /// queued for it. Returns the ids queued. One transaction.
    @discardableResult
    public func queuePush(leadIds: [Int64], remote: String) throws -> [Int64] {
        try write {
            var queued: [Int64] = []
            let now = Self.now()
            for id in leadIds {
                let linked = try db.scalarInt("SELECT 1 FROM remote_ids WHERE provider = ? AND kind = 'lead' AND local_id = ?",
                                              [.text(remote), .integer(id)]) != nil
                let waiting = try db.scalarInt("""
                    SELECT 1 FROM outbox WHERE remote = ? AND kind = 'lead' AND record_id = ? AND op IN ('push', 'create')
                    """, [.text(remote), .integer(id)]) != nil
                let exists = try db.scalarInt("SELECT 1 FROM leads WHERE id = ? AND deleted = 0", [.integer(id)]) != nil
                guard !linked, !waiting, exists else { continue }
                try db.run("""
                    INSERT INTO outbox (kind, op, record_id, lead_id, payload, base, state, created, updated, remote)
                    VALUES ('lead', 'push', ?, ?, '{}', '{}', 'pending', ?, ?, ?)
                    """, [.integer(id), .integer(id), .integer(now), .integer(now), .text(remote)])
                queued.append(id)
            }
            return queued
        }
    }

    /// Entries of `remote` in flight (e.g. left by a killed process).
    public func inflightOutboxEntries(remote: String) throws -> [OutboxEntry] {
        try locked {
            try db.cached("SELECT \(Self.outboxColumns) FROM outbox WHERE remote = ? AND state = 'inflight' ORDER BY id")
                .rows([.text(remote)], Self.readOutbox)
        }
    }

    /// The request went out and its answer was lost: "outcome unknown" until the user decides.
    public func markOutboxUnknown(_ ids: [Int64], message: String) throws {
        try write {
            for id in ids {
                try db.run("""
                    UPDATE outbox SET state = 'unknown', messages = ?, attempts = attempts + 1, updated = ? WHERE id = ?
                    """, [.text(JSONText.encode(["request": [message]])), .integer(Self.now()), .integer(id)])
            }
        }
    }

    /// Entries whose outcome is unknown (all remotes, or one), oldest first.
    public func unknownOutboxEntries(remote: String? = nil) throws -> [OutboxEntry] {
        try locked {
            try db.cached("""
                SELECT \(Self.outboxColumns) FROM outbox WHERE state = 'unknown' AND (?1 IS NULL OR remote = ?1) ORDER BY id
                """).rows([remote.map { .text($0) } ?? .null], Self.readOutbox)
        }
    }

    /// The user chose to send an "outcome unknown" entry again: back to pending.
    public func resendOutboxEntry(_ id: Int64) throws {
        try write {
            try db.run("UPDATE outbox SET state = 'pending', messages = '{}', not_before = NULL, updated = ? WHERE id = ? AND state = 'unknown'",
                       [.integer(Self.now()), .integer(id)])
        }
    }

    /// The user says an "outcome unknown" entry did reach its remote: link the lead as sent
    /// (`remoteId`, e.g. "sent:<id>" for a remote that returns no id) and drop the entry.
    public func markOutboxSent(_ id: Int64, remoteId: String) throws {
        try write {
            guard let entry = try outboxEntry(id: id), let remote = entry.remote else { return }
            try db.run("DELETE FROM remote_ids WHERE provider = ? AND kind = ? AND remote_id = ?",
                       [.text(remote), .text(entry.kind.rawValue), .text(remoteId)])
            try db.run("""
                INSERT OR REPLACE INTO remote_ids (provider, kind, local_id, remote_id, base, hash) VALUES (?, ?, ?, ?, '{}', '')
                """, [.text(remote), .text(entry.kind.rawValue), .integer(entry.recordId), .text(remoteId)])
            try db.run("DELETE FROM outbox WHERE id = ?", [.integer(id)])
        }
    }
}

// MARK: - Destinations the UI may push to

extension LeadStore {
    static let destinationKey = "push.destination"

    /// Records the configured remotes that take pushed leads (replacing the previous set), so
    /// the UI's `:push NAME` can check a name without knowing the config.
    public func setPushDestinations(_ names: [String]) throws {
        try write {
            try db.run("DELETE FROM sync_state WHERE key = ?", [.text(Self.destinationKey)])
            for name in names {
                try db.run("INSERT OR REPLACE INTO sync_state (provider, key, value) VALUES (?, ?, '1')",
                           [.text(name), .text(Self.destinationKey)])
            }
        }
    }

    /// The remotes that take pushed leads, as last recorded by the sync worker.
    public func pushDestinations() throws -> [String] {
        try locked {
            try db.cached("SELECT provider FROM sync_state WHERE key = ? ORDER BY provider")
                .rows([.text(Self.destinationKey)]) { $0.text(0) }
        }
    }
}
