/// A detail batch's deferred lead aggregates (sync cost, sixth pass). While
/// `lead_aggregate_deferral` holds its row (written and removed inside the batch's transaction,
/// so no other connection and no crash ever sees it), a lead with an id above the batch's start
/// (one the batch inserted) leaves the counts cube and the dashboard's lead aggregates
/// (`dash_created`, `dash_idle`, `dash_speed*`) alone on insert, edit and delete; at the batch's
/// end one grouping of those leads, as they are then, adds them (`flushLeadAggregates`). Every
/// per-row trigger adds a row's contribution and takes away its old one, so a row inserted and then
/// edited or deleted within the batch nets its final state: what the grouping adds. A first pull's
/// 100,000 inserts ran eight aggregate upserts each (≈ 60 µs a lead). Appointment counts stay per
/// row (`leads_ai_dash_appointments`, `leads_bd_dash_appointments`): an appointment's own
/// triggers count it under its lead as it is.
extension Schema {
    /// The deferral's one row: the highest lead id when the batch began.
    static let leadAggregateDeferral = """
        CREATE TABLE IF NOT EXISTS lead_aggregate_deferral (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            leads_after INTEGER NOT NULL
        );
        """

    /// Whether lead row `r` (`new` / `old`) was inserted by a detail batch still in progress.
    static func leadAggregatesDeferred(_ r: String) -> String {
        "\(r).id > coalesce((SELECT leads_after FROM lead_aggregate_deferral WHERE id = 1), 9223372036854775807)"
    }

    /// Starts a deferral: leads inserted from now on (ids above today's highest) are deferred.
    static let startLeadAggregateDeferral = """
        INSERT OR REPLACE INTO lead_aggregate_deferral (id, leads_after) VALUES (1, (SELECT coalesce(max(id), 0) FROM leads))
        """

    /// Adds the deferred leads to the cube and the lead aggregates (the dashboard fill without its
    /// appointment statement, which stays per row) and ends the deferral.
    static func flushLeadAggregates(_ db: Database) throws {
        guard let after = try db.scalarInt("SELECT leads_after FROM lead_aggregate_deferral WHERE id = 1") else { return }
        defer { _ = try? db.run("DELETE FROM lead_aggregate_deferral") }
        // A batch that inserted no lead (a re-scan's) adds nothing and bumps no version.
        guard try db.scalarInt("SELECT EXISTS (SELECT 1 FROM leads WHERE id > ?)", [.integer(after)]) == 1 else { return }
        let first = SQLValue.integer(after + 1)
        try db.run("""
            INSERT INTO lead_cube (status, source, owner, count)
                SELECT status, coalesce(source, -1), owner, count(*) FROM leads WHERE deleted = 0 AND id >= ?1 GROUP BY 1, 2, 3
                ON CONFLICT (status, source, owner) DO UPDATE SET count = count + excluded.count
            """, [first])
        if try hasDashboardAggregates(db) {
            // Appointments stay counted per row; the speed version grows when touched leads came.
            for statement in fillLeadAggregateStatements { try db.run(statement, [first]) }
            try db.run("""
                UPDATE dash_state SET speed_version = speed_version + 1
                    WHERE EXISTS (SELECT 1 FROM leads WHERE id >= ?1 AND deleted = 0 AND first_touch_at IS NOT NULL)
                """, [first])
        }
    }

    /// The lead insert triggers a detail batch drops while it inserts leads (their work for its new
    /// leads is done at its end: `LeadStore.dropLeadInsertTriggersInBatch`).
    static let batchDroppedLeadInsertTriggers = ["leads_ai", "leads_ai_cube", "leads_ai_dash", "leads_ai_dash_appointments"]

    /// The counts cube's lead triggers (in `triggers`).
    static let cubeTriggerNames: Set<String> = ["leads_ai_cube", "leads_au_cube_old", "leads_au_cube_new", "leads_ad_cube"]

    /// `when` with the deferral's exception for lead row `r`.
    static func unlessLeadAggregatesDeferred(_ r: String, _ when: String) -> String {
        "(\(when)) AND NOT (\(leadAggregatesDeferred(r)))"
    }

    /// The migration: the deferral table, the cube and dashboard lead triggers that read it, and
    /// the two appointment-count triggers split out of the lead insert and delete ones. Idempotent.
    static func deferLeadAggregatesInDetailBatches(_ db: Database) throws {
        try db.execute(leadAggregateDeferral)
        try replaceTriggers(db, triggers.filter { cubeTriggerNames.contains($0.name) })
        try createDashboardAggregateTriggers(db)
    }
}
