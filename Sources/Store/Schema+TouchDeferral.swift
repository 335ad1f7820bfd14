/// A detail batch's deferred touch updates (sync cost, issue 8). While `touch_deferral` holds its
/// row (written and removed inside the batch's transaction, so no other connection ever sees it),
/// a note or an activity inserted with an id above the batch's start leaves its lead's
/// `first_touch_at` / `last_touch_at` alone, and the batch widens them in one statement at its
/// end (`widenDeferredTouches`): the dashboard aggregate triggers then run once per lead instead
/// of once per record. Widening is a min / max, so one widen by all of the batch's rows equals one
/// per row. Deletes and edits still recompute at once: they read the rows as they are, deferred
/// ones included, and a row deleted before the end is no longer there to widen with.
/// `last_activity` never shrinks when a record is deleted, so it is not recomputed from the rows
/// left at the end: each insert records its time as it happens (`Schema+LastActivityDeferral`).
extension Schema {
    /// The deferral's one row: the highest note and activity ids when the batch began.
    static let touchDeferral = """
        CREATE TABLE IF NOT EXISTS touch_deferral (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            notes_after INTEGER NOT NULL,
            activities_after INTEGER NOT NULL
        );
        """

    /// The record tables whose touch inserts a detail batch defers.
    static let touchDeferredTables: Set<String> = ["notes", "activities"]

    /// Whether row `id` of `table` (`notes` or `activities`) was inserted by a detail batch still
    /// in progress (its touch waits for the batch's end).
    static func touchDeferred(_ table: String, _ id: String) -> String {
        "\(id) > coalesce((SELECT \(table)_after FROM touch_deferral WHERE id = 1), 9223372036854775807)"
    }

    /// Starts a deferral: rows inserted from now on (ids above today's highest) are deferred.
    static let startTouchDeferral = """
        INSERT OR REPLACE INTO touch_deferral (id, notes_after, activities_after)
            VALUES (1, (SELECT coalesce(max(id), 0) FROM notes), (SELECT coalesce(max(id), 0) FROM activities))
        """

    /// What the touch insert triggers of the deferred rows would have done, once per lead (only
    /// rows that are touches: `touchSources`). A lead it would leave as it is (a new lead written
    /// with its touches, `NewLeadTouches`) is not rewritten.
    static let widenDeferredTouches: String = {
        let rows = touchSources.filter { touchDeferredTables.contains($0.table) }.map { source in
            """
            SELECT lead_id, \(source.time) AS touch FROM \(source.table)
                WHERE id > (SELECT \(source.table)_after FROM touch_deferral WHERE id = 1)\(touchCondition(source.condition, source.table))
            """
        }
        return """
            UPDATE leads SET first_touch_at = min(coalesce(first_touch_at, t.first), t.first),
                last_touch_at = max(coalesce(last_touch_at, t.last), t.last)
            FROM (SELECT lead_id, min(touch) AS first, max(touch) AS last
                  FROM (\(rows.joined(separator: " UNION ALL "))) GROUP BY lead_id) AS t
            WHERE leads.id = t.lead_id
                AND (leads.first_touch_at IS NULL OR leads.first_touch_at > t.first
                     OR leads.last_touch_at IS NULL OR leads.last_touch_at < t.last)
            """
    }()

    /// The triggers whose bodies read `touch_deferral`.
    static let touchDeferralTriggerNames = ["notes_touch_ai", "activities_touch_ai"]

    /// The sync-cost migration: the deferral table and the two touch insert triggers that read it.
    /// Idempotent; it touches no other trigger and no index.
    static func deferTouchesInDetailBatches(_ db: Database) throws {
        try db.execute(touchDeferral)
        try replaceTriggers(db, touchTriggers.filter { touchDeferralTriggerNames.contains($0.name) })
    }
}
