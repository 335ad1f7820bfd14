import Foundation

/// Applying many lead details in one transaction at the cost of one: the note triggers' FTS
/// updates are deferred to a single statement at the end (see `Schema.noteFTSState`).
extension LeadStore {
    /// Runs `body` (which applies remote details: leads, notes, activities) in one transaction
    /// in which the notes column of `lead_fts` is rewritten once, at the end, for every lead
    /// whose notes `applyRemoteNotes` changed, instead of once per note by the triggers. New
    /// leads get their FTS rows at the end too (`withDeferredFTS`). Nested calls join the outer batch.
    public func applyingRemoteDetails<T>(_ body: () throws -> T) throws -> T {
        try withDeferredFTS {
            if noteFTSDeferral != nil { return try body() }
            let deferral = NoteFTSDeferral()
            // The batch holds the write lock: no other connection can queue a change before it
            // commits, so an outbox empty now stays empty and the per-record checks can be skipped.
            deferral.outboxEmpty = try db.scalarInt("SELECT NOT EXISTS (SELECT 1 FROM outbox)") == 1
            noteFTSDeferral = deferral
            defer { noteFTSDeferral = nil }
            func finish() throws {
                guard deferral.started else { return }
                let ids = deferral.leadIds.sorted().map(String.init).joined(separator: ",")
                // One statement for the batch: FTS5 flushes before each statement that writes it.
                if !ids.isEmpty {
                    try db.execute("""
                        UPDATE lead_fts SET notes = closer_search_text(coalesce(
                            (SELECT group_concat(text, ' ') FROM notes n WHERE n.lead_id = lead_fts.rowid), ''))
                        WHERE rowid IN (\(ids))
                        """)
                }
                try db.run("UPDATE note_fts_state SET deferred = 0 WHERE id = 1")
            }
            do {
                let result = try body()
                try finish()
                return result
            } catch {
                try? finish()  // consistent even if a caller's transaction catches and goes on
                throw error
            }
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
            return try db.scalarInt("SELECT NOT EXISTS (SELECT 1 FROM outbox)") == 1
        }
    }

    /// Called before a note of `leadId` is inserted, changed or deleted: inside
    /// `applyingRemoteDetails`, turns the triggers' note FTS off once and remembers the lead.
    func deferNoteFTS(leadId: Int64) throws {
        guard let deferral = noteFTSDeferral else { return }
        if !deferral.started {
            try db.run("UPDATE note_fts_state SET deferred = 1 WHERE id = 1")
            deferral.started = true
        }
        deferral.leadIds.insert(leadId)
    }
}

/// State of one `applyingRemoteDetails` run: whether the note triggers are off, and the leads
/// whose notes FTS the batch must rewrite.
final class NoteFTSDeferral {
    var started = false
    /// The outbox was empty when the batch began (it cannot change before the batch commits).
    var outboxEmpty = false
    var leadIds = Set<Int64>()
}
