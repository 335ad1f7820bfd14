/// A detail batch's deferred `last_activity` updates (sync cost, issue 8). While a batch runs
/// (its `touch_deferral` row exists: written and removed inside the batch's transaction, so no
/// other connection ever sees it), a note or an activity inserted leaves `leads.last_activity`
/// alone and raises its lead's row in `last_activity_deferral` instead (a small table the batch
/// empties); the batch's end raises `last_activity` once per lead (`widenDeferredLastActivity`).
/// Each inserted record's time is taken when it is inserted, as the per-row trigger does, so a
/// record deleted or edited later in the batch still counts, and `last_activity` (a max that never
/// shrinks) comes out the same: one max over a lead's inserts equals one max per insert. Keyed by
/// lead id (a column), not by record rowids.
extension Schema {
    /// The accumulator (and the deferral flag table it depends on, created by the dashboard as well).
    static let lastActivityDeferral = """
        \(touchDeferral)
        CREATE TABLE IF NOT EXISTS last_activity_deferral (
            lead_id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL
        );
        """

    /// Whether a detail batch is in progress (inside a trigger body).
    static let detailBatchInProgress = "EXISTS (SELECT 1 FROM touch_deferral WHERE id = 1)"

    /// The per-row update of `last_activity` of the insert triggers, skipped inside a detail batch.
    static let raiseLastActivity = """
        UPDATE leads SET last_activity = max(coalesce(last_activity, 0), new.created)
            WHERE id = new.lead_id AND NOT \(detailBatchInProgress);
        """

    /// The insert triggers that record a deferred `last_activity` inside a detail batch.
    static let lastActivityDeferralTriggers: [(name: String, sql: String)] = ["notes", "activities"].map { table in
        ("\(table)_last_activity_deferred_ai", """
        CREATE TRIGGER \(table)_last_activity_deferred_ai AFTER INSERT ON \(table) WHEN \(detailBatchInProgress) BEGIN
            INSERT INTO last_activity_deferral (lead_id, at) VALUES (new.lead_id, new.created)
                ON CONFLICT (lead_id) DO UPDATE SET at = max(at, excluded.at);
        END
        """)
    }

    /// What the per-row updates would have done, once per lead; empties the accumulator. A lead
    /// already that recent (a new lead written with it, `NewLeadTouches`) is not rewritten.
    static let widenDeferredLastActivity = """
        UPDATE leads SET last_activity = max(coalesce(last_activity, 0), d.at)
            FROM last_activity_deferral AS d WHERE leads.id = d.lead_id
                AND (leads.last_activity IS NULL OR leads.last_activity < d.at);
        DELETE FROM last_activity_deferral;
        """

    /// The sync-cost migration: the accumulator, the two insert triggers that skip the per-row
    /// update inside a batch, and the two that record it. Idempotent; no other trigger is touched.
    static func deferLastActivityInDetailBatches(_ db: Database) throws {
        try db.execute(lastActivityDeferral)
        let wanted = Set(["notes_ai", "activities_ai"] + lastActivityDeferralTriggers.map(\.name))
        try replaceTriggers(db, (triggers + lastActivityDeferralTriggers).filter { wanted.contains($0.name) })
    }
}
