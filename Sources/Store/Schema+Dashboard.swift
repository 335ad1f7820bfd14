/// The manager dashboard's structures: per-lead first/last touch times kept by triggers, the
/// indexes that make speed-to-lead and stale leads range queries, and the stored server overview.
///
/// A *touch* is a note, an activity other than "created", or a message (the conversation
/// feature's `messages` table; a call is an activity or a message of its own kind, so any new
/// kind stored there counts without a change here). `first_touch_at` / `last_touch_at` are the
/// earliest / latest touch time (NULL: never touched). Inserts widen them; deletes and edits that
/// remove the current first or last touch recompute them from the lead's own rows (indexed by lead).
extension Schema {
    /// The dashboard migration: adds and fills the touch columns, its indexes and triggers, and
    /// the server overview tables. Self-contained and safe to run on any earlier version.
    static func addDashboard(_ db: Database) throws {
        for trigger in touchTriggers { try db.execute("DROP TRIGGER IF EXISTS \(trigger.name)") }
        let columns = try db.prepare("PRAGMA table_info(leads)").rows { $0.text(1) }
        if !columns.contains("first_touch_at") { try db.execute("ALTER TABLE leads ADD COLUMN first_touch_at INTEGER") }
        if !columns.contains("last_touch_at") { try db.execute("ALTER TABLE leads ADD COLUMN last_touch_at INTEGER") }
        try db.run(fillTouches, [.integer(0)])
        try db.execute(serverOverviewTables)
        try createTouchStructures(db)
    }

    /// Creates the touch indexes and triggers when the columns exist (a fresh file builds the
    /// derived structures of v2 before the dashboard migration adds them).
    static func createTouchStructures(_ db: Database) throws {
        guard try db.scalarInt("SELECT count(*) FROM pragma_table_info('leads') WHERE name = 'last_touch_at'") == 1 else { return }
        try db.execute(touchDeferral)  // the note and activity touch triggers read it
        for index in touchIndexes { try db.execute(index) }
        try replaceTriggers(db, touchTriggers)
        try createDashboardAggregateTriggers(db)  // aggregates (Schema+DashboardTriggers), once they exist
    }

    /// The statuses that are not open (closed and customer), as their stored codes.
    static let closedStatusCodes: Set<Int64> = [3, 5]
    /// `closedStatusCodes` as an SQL list, "(3, 5)".
    static let closedCodes = "(" + closedStatusCodes.sorted().map(String.init).joined(separator: ", ") + ")"

    /// Indexes for range queries, all covering (SQLite counts a partial index as covering only
    /// when it also holds the columns of its own WHERE, hence the trailing `deleted`): created (period counts, weekly trend, speed to
    /// lead), untouched leads by creation, and open leads by last touch (a never-touched lead is
    /// idle since its creation: `leads_untouched` answers that half). Named `leads_*` so bulk loads
    /// drop and rebuild them with the list indexes.
    static let touchIndexes: [String] = [
        """
        CREATE INDEX IF NOT EXISTS leads_touch_created ON leads(created, owner, source, status, first_touch_at, deleted)
            WHERE deleted = 0
        """,
        """
        CREATE INDEX IF NOT EXISTS leads_untouched ON leads(created, owner, status, first_touch_at, deleted)
            WHERE deleted = 0 AND first_touch_at IS NULL
        """,
        // Stale leads and the "touched" sort: `leads_idle_at` (Schema+DashboardAggregates), which
        // replaced `leads_idle (last_touch_at, owner, status) WHERE open`.
        // Appointments of the week come from `dash_appointments`; this one serves the partial hours
        // at the week's edges in zones off the hour (the aggregates migration dropped `leads_id_scope`).
        "CREATE INDEX IF NOT EXISTS appointments_start_scope ON appointments(start, status, lead_id)",
    ]

    /// The record tables a touch comes from: table, time column, the condition a row must meet
    /// (`%` stands for the row: `new`, `old` or the table itself) and the columns an edit of which
    /// may change the lead's touches. Conversation events count when they are a contact (message,
    /// call, e-mail, visit; either direction) that happened: a remote interaction, or one of our
    /// own sends that went out (`sent`); a transfer, an archive, or a send still queued or refused is no touch.
    static let touchSources: [(table: String, time: String, condition: String, columns: String)] = [
        ("notes", "created", "", "lead_id, created"),
        // size 3 (issue 11): the stored type is a code (`ActivityCoding`); files not yet re-encoded
        // (a migration before v21 fills touches) still say 'created'.
        ("activities", "created", "%.type NOT IN (\(SQLText.literal(ActivityCoding.stored(type: creationActivityType))), \(SQLText.literal(creationActivityType)))", "lead_id, created, type"),
        ("messages", "created", "", "lead_id, created"),
        ("conversation_events", "created_at", conversationTouch, "lead_id, created_at, kind, send_state"),
    ]

    /// The one activity type that is no touch: the lead's creation. The seeder, which writes the
    /// touch columns with each lead (no triggers run during a bulk load), asks `isTouch(activityType:)`.
    static let creationActivityType = "created"

    /// Whether an activity of this type is a touch (the `activities` row of `touchSources`, in Swift).
    static func isTouch(activityType: String) -> Bool { activityType != creationActivityType }

    /// Which conversation events are touches (see `touchSources`).
    static let conversationTouch = "%.kind IN ('message', 'call', 'email', 'visit') AND (%.send_state IS NULL OR %.send_state = 'sent')"

    /// `condition` of a touch source for `row`, as " AND …" (or "").
    static func touchCondition(_ condition: String, _ row: String) -> String {
        condition.isEmpty ? "" : " AND " + condition.replacingOccurrences(of: "%", with: row)
    }

    /// `SELECT lead_id, time` over every touch source (for rows meeting `filter`, e.g. "lead_id >= ?1").
    static func touchRows(where filter: String) -> String {
        touchSources.map { source in
            "SELECT lead_id, \(source.time) AS created FROM \(source.table) WHERE \(filter)\(touchCondition(source.condition, source.table))"
        }.joined(separator: "\n        UNION ALL ")
    }

    /// Sets both touch columns of leads with id ≥ ?1 from their notes, activities, messages and
    /// conversation events (one grouped pass; also after a bulk load, which runs without triggers).
    static let fillTouches = """
        UPDATE leads SET first_touch_at = t.first, last_touch_at = t.last
        FROM (SELECT lead_id, min(created) AS first, max(created) AS last FROM (
                \(touchRows(where: "lead_id >= ?1")))
              GROUP BY lead_id) AS t
        WHERE leads.id = t.lead_id
        """

    /// SQL setting both touch columns of the lead whose id is `lead` from its own rows.
    static func recomputeTouches(_ lead: String) -> String {
        func touch(_ function: String) -> String {
            let parts = touchSources.map { source in
                "SELECT \(function)(\(source.time)) AS t FROM \(source.table) WHERE lead_id = \(lead)\(touchCondition(source.condition, source.table))"
            }
            return "(SELECT \(function)(t) FROM (\(parts.joined(separator: " UNION ALL "))))"
        }
        return "UPDATE leads SET first_touch_at = \(touch("min")), last_touch_at = \(touch("max")) WHERE id = \(lead);"
    }

    /// Widens the touch columns of `new.lead_id` to include `new.<time>`.
    static func widenTouches(_ time: String) -> String {
        """
        UPDATE leads SET first_touch_at = min(coalesce(first_touch_at, new.\(time)), new.\(time)),
            last_touch_at = max(coalesce(last_touch_at, new.\(time)), new.\(time)) WHERE id = new.lead_id;
        """
    }

    /// The triggers keeping `first_touch_at` / `last_touch_at` right on every insert, edit and
    /// delete of a note, an activity (other than "created"), a message or a conversation event.
    static let touchTriggers: [(name: String, sql: String)] = {
        var list: [(name: String, sql: String)] = []
        for source in touchSources {
            let table = source.table
            // A detail batch widens its notes' and activities' touches at its end (Schema+TouchDeferral).
            let deferred = touchDeferredTables.contains(table) ? " AND NOT (\(touchDeferred(table, "new.id")))" : ""
            list.append(("\(table)_touch_ai", """
                CREATE TRIGGER \(table)_touch_ai AFTER INSERT ON \(table) WHEN 1\(touchCondition(source.condition, "new"))\(deferred) BEGIN \(widenTouches(source.time)) END
                """))
            list.append(("\(table)_touch_ad", """
                CREATE TRIGGER \(table)_touch_ad AFTER DELETE ON \(table) WHEN 1\(touchCondition(source.condition, "old")) BEGIN
                    \(recomputeTouches("old.lead_id"))
                END
                """))
            list.append(("\(table)_touch_au", """
                CREATE TRIGGER \(table)_touch_au AFTER UPDATE OF \(source.columns) ON \(table) BEGIN
                    \(recomputeTouches("old.lead_id"))
                    \(recomputeTouches("new.lead_id"))
                END
                """))
        }
        return list
    }()

    /// The seed 001 overview as last synced: one row of totals, one row per status.
    static let serverOverviewTables = """
        CREATE TABLE IF NOT EXISTS server_overview (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            provider TEXT NOT NULL,
            total INTEGER NOT NULL,
            synced_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS server_overview_status (
            status TEXT PRIMARY KEY NOT NULL,
            count INTEGER NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID;
        """
}
