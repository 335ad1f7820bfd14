import Foundation

/// Applying many lead details in one transaction at the cost of one: each lead whose notes change
/// is taken out of the search index once, before its first note write, and put back once, in a
/// single statement at the end (see `Schema.ftsDeferredLeads`); the touch columns of the batch's
/// leads are widened once per lead, at the end too (`Schema.touchDeferral`), and so is their
/// `last_activity` (`Schema.lastActivityDeferral`); the leads it inserts join the counts cube and
/// the dashboard's lead aggregates in one grouping at the end (`Schema.leadAggregateDeferral`).
extension LeadStore {
    /// Runs `body` (which applies remote details: leads, notes, activities) in one transaction
    /// in which every lead whose notes `applyRemoteNotes` changes is re-indexed once, at the end,
    /// instead of twice per note by the triggers. New leads get their search rows at the end too
    /// (`withDeferredFTS`). Notes and activities it inserts leave their lead's touch columns to
    /// one statement at the end, so the dashboard aggregate triggers run once per lead, not once
    /// per record (same result: see `Schema+TouchDeferral`). Nested calls join the outer batch.
    public func applyingRemoteDetails<T>(_ body: () throws -> T) throws -> T {
        try withDeferredFTS {
            if noteFTSDeferral != nil { return try body() }
            let deferral = NoteFTSDeferral()
            // The batch holds the write lock: no other connection can queue a change before it
            // commits, so an outbox empty now stays empty and the per-record checks can be skipped.
            deferral.outboxEmpty = try outboxHoldsNothing()
            noteFTSDeferral = deferral
            defer { noteFTSDeferral = nil }
            try db.run(Schema.startTouchDeferral)
            try db.run(Schema.startLeadAggregateDeferral)
            func finish() throws {
                try restoreLeadInsertTriggers(deferral)
                try db.run(Schema.widenDeferredTouches)
                try db.execute(Schema.widenDeferredLastActivity)
                try db.run("DELETE FROM touch_deferral")
                // After the widens, the batch's last writes of its new leads (Schema+LeadAggregateDeferral).
                try Schema.flushLeadAggregates(db)
                guard !deferral.leadIds.isEmpty else { return }
                // One statement for the batch (FTS5 flushes before each statement that writes it);
                // leads a bulk write defers get their rows when it ends.
                try db.execute("DELETE FROM fts_deferred_leads")
                let ids = deferral.leadIds.sorted().map(String.init).joined(separator: ",")
                try db.execute("""
                    INSERT INTO lead_fts(rowid, name, email, phone, company, notes)
                        SELECT id, name, email, phone, company, notes FROM lead_fts_source
                        WHERE id IN (\(ids)) AND NOT (\(Schema.bulkDefers("id")))
                    """)
            }
            return try Self.finishing(finish, after: body)
        }
    }

    /// Runs a store write atomically without a savepoint of its own when a transaction is open
    /// (a savepoint makes FTS5 flush): for steps of a batch whose failure fails the batch.
    public func atomically<T>(_ body: () throws -> T) throws -> T {
        try write(body)
    }

    /// Whether the outbox holds no entry at all (inside a detail batch: as read at its start).
    public func isOutboxEmpty() throws -> Bool {
        try locked {
            if let deferral = noteFTSDeferral { return deferral.outboxEmpty }
            return try outboxHoldsNothing()
        }
    }

    /// Inside `applyingRemoteDetails`: takes those of `localIds` (leads whose details bring notes)
    /// that have no note yet out of the search index in one statement, as `deferNoteFTS` would one
    /// by one before their first note (a first pull: every lead), so FTS5 is written and flushed
    /// once for the batch, not once per lead. Leads whose notes then stay as they are are
    /// re-indexed at the end all the same (same text).
    public func deferSearchRows(ofLeadsWithoutNotes localIds: [Int64]) throws {
        try locked {
            guard let deferral = noteFTSDeferral else { return }
            let candidates = localIds.filter { !deferral.leadIds.contains($0) }
            guard !candidates.isEmpty else { return }
            let list = candidates.map(String.init).joined(separator: ",")
            let ids = try db.prepare("""
                SELECT id FROM leads l WHERE id IN (\(list)) AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.lead_id = l.id)
                    AND \(Schema.hasSearchRow("l.id"))
                """).rows { $0.int64(0) }
            guard !ids.isEmpty else { return }
            let deferred = ids.map(String.init).joined(separator: ",")
            try db.execute("""
                INSERT INTO lead_fts(lead_fts, rowid, name, email, phone, company, notes)
                    SELECT 'delete', id, name, email, phone, company, notes FROM lead_fts_source WHERE id IN (\(deferred));
                INSERT OR IGNORE INTO fts_deferred_leads (id) SELECT id FROM leads WHERE id IN (\(deferred));
                """)
            deferral.leadIds.formUnion(ids)
        }
    }

    /// Called before a note of `leadId` is inserted, changed or deleted: inside
    /// `applyingRemoteDetails`, takes the lead's search row out of the index the first time
    /// (its notes as they are now: the content view still shows them) and remembers the lead,
    /// so the triggers leave it alone until the batch puts it back.
    func deferNoteFTS(leadId: Int64) throws {
        guard let deferral = noteFTSDeferral, !deferral.leadIds.contains(leadId) else { return }
        // A lead this batch inserted has no search row yet: `withDeferredFTS` indexes it (notes
        // included) at the end, and the note triggers leave it alone until then.
        if let first = ftsDeferral?.firstNewId, leadId >= first { return }
        try db.run(Schema.unindexLead("?1"), [.integer(leadId)])
        try db.run("INSERT OR IGNORE INTO fts_deferred_leads (id) VALUES (?)", [.integer(leadId)])
        deferral.leadIds.insert(leadId)
    }

    /// Called before a lead is inserted (after `deferFTSForNewLead`): inside
    /// `applyingRemoteDetails`, drops the lead insert triggers whose work the batch does for its
    /// new leads at its end anyway (search rows: `withDeferredFTS`; cube and dashboard:
    /// `Schema.flushLeadAggregates`; appointment counts: a new lead has none), keeping their SQL
    /// to re-create them before the batch commits. Any trigger on `leads` made each single-row
    /// INSERT cost ≈ 30 µs more (sync cost, sixth pass). DDL is transactional: other connections
    /// never see the triggers missing, and a crash rolls back to them.
    func dropLeadInsertTriggersInBatch() throws {
        guard let deferral = noteFTSDeferral, deferral.droppedTriggers == nil, ftsDeferral?.firstNewId != nil else { return }
        let names = Schema.batchDroppedLeadInsertTriggers.map { "'\($0)'" }.joined(separator: ", ")
        let triggers = try db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (\(names))")
            .rows { ($0.text(0), $0.text(1)) }
        deferral.droppedTriggers = triggers
        for (name, _) in triggers { try db.execute("DROP TRIGGER \"\(name)\"") }
    }

    /// Re-creates the triggers `dropLeadInsertTriggersInBatch` dropped, from their stored SQL.
    private func restoreLeadInsertTriggers(_ deferral: NoteFTSDeferral) throws {
        guard let triggers = deferral.droppedTriggers else { return }
        deferral.droppedTriggers = nil
        for (_, sql) in triggers { try db.execute(sql) }
    }

    /// One read of whether the outbox has no entry (the caller holds the lock).
    private func outboxHoldsNothing() throws -> Bool {
        try db.scalarInt("SELECT NOT EXISTS (SELECT 1 FROM outbox)") == 1
    }
}

/// State of one `applyingRemoteDetails` run: the leads taken out of the search index, which the
/// batch re-indexes at its end.
final class NoteFTSDeferral {
    /// The outbox was empty when the batch began (it cannot change before the batch commits).
    var outboxEmpty = false
    var leadIds = Set<Int64>()
    /// The lead insert triggers the batch dropped at its first new lead (name, SQL), re-created at its end.
    var droppedTriggers: [(String, String)]?
}
