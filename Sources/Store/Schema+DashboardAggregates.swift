import Foundation

/// The dashboard's aggregate tables, kept by triggers, so every dashboard number is a range of a
/// few hundred to a few thousand small rows instead of a scan of the period's leads.
///
/// Days and hours are UTC (`floor(t / 86400)`, `floor(t / 3600)`); a period or week that starts at
/// a local midnight off a UTC day adds or takes away the leads of the partial day (at most 12
/// hours of leads, read from `leads_touch_created`). Rows whose count falls to 0 stay (harmless).
/// - `dash_created (day, owner, source)`: live leads created that day, and how many are untouched;
/// - `dash_idle (hour, owner)`: open live leads by the hour of their last touch (creation if
///   none: the `idle_at` column), so "idle since now − 14 days" reads 14 × 24 rows per owner and
///   at most half an hour of leads;
/// - `dash_speed (day, owner, bucket)`: touched live leads by creation day and hour of delay
///   (`max(0, first_touch_at − created) / 3600`); `dash_speed_all (owner, bucket)` the same for all
///   time; `dash_speed_delays (owner, bucket, day)` every delay itself, as one character per lead
///   (`char(delay % 3600 + 1)`, the second within its hour), so the exact median/p90 of any period
///   reads only the rank buckets' rows (size-leads: replaced `leads_speed`, `dash_speed_exact` and
///   `dash_speed_exact_team`, ≈32 MB at a million leads, with ≈3 MB);
/// - `dash_appointments (hour, owner, source)`: appointments (not cancelled) of live leads by start hour;
/// - `dash_state.speed_version` / `appointments_version`: grow with every change to the speed /
///   appointment tables (result cache keys).
extension Schema {
    /// The aggregates migration: conversation events count as touches (triggers recreated, touches
    /// widened from existing events), then the tables are (re)built and their triggers created.
    /// Idempotent; drops the `leads_id_scope` index the appointments join needed.
    static func addDashboardAggregates(_ db: Database) throws {
        try createTouchStructures(db)  // touch triggers now include conversation events
        try db.execute("""
            UPDATE leads SET first_touch_at = min(coalesce(first_touch_at, t.first), t.first),
                last_touch_at = max(coalesce(last_touch_at, t.last), t.last)
            FROM (SELECT lead_id, min(created_at) AS first, max(created_at) AS last FROM conversation_events
                  WHERE 1\(touchCondition(conversationTouch, "conversation_events")) GROUP BY lead_id) AS t
            WHERE leads.id = t.lead_id
            """)
        try db.execute(dashboardAggregateTables)
        let columns = try db.prepare("PRAGMA table_xinfo(leads)").rows { $0.text(1) }
        if !columns.contains("idle_at") {
            try db.execute("ALTER TABLE leads ADD COLUMN idle_at INTEGER GENERATED ALWAYS AS (coalesce(last_touch_at, created)) VIRTUAL")
        }
        try db.execute("DROP INDEX IF EXISTS leads_id_scope; DROP INDEX IF EXISTS leads_idle")
        try rebuildDashboardAggregates(db)
        try createDashboardAggregateTriggers(db)
    }

    /// Empties and refills every aggregate table from the leads and appointments.
    static func rebuildDashboardAggregates(_ db: Database) throws {
        guard try hasDashboardAggregates(db) else { return }
        try db.execute("""
            DELETE FROM dash_created; DELETE FROM dash_idle; DELETE FROM dash_speed; DELETE FROM dash_speed_all;
            DELETE FROM dash_speed_delays; DELETE FROM dash_appointments;
            UPDATE dash_state SET speed_version = speed_version + 1, appointments_version = appointments_version + 1;
            """)
        try fillDashboardAggregates(db, fromLead: Int64.min)
    }

    /// Whether the file has the aggregate tables (and the touch columns they read).
    static func hasDashboardAggregates(_ db: Database) throws -> Bool {
        try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'dash_state'") == 1
    }

    /// The index behind stale counts and the "touched" sort: `idle_at` (a virtual column,
    /// `coalesce(last_touch_at, created)`) of every live lead, with owner and status so counts
    /// read no row. Named `leads_*`: bulk loads drop and re-create it with the others.
    static let idleIndex = "CREATE INDEX IF NOT EXISTS leads_idle_at ON leads(idle_at, owner, status, deleted) WHERE deleted = 0"

    /// A touched live lead's delay from creation to first touch (seconds, ≥ 0), as SQL over the `leads` row.
    static let speedDelay = "max(0, first_touch_at - created)"

    /// Creates the aggregate triggers and the idle index when the tables exist (bulk loads drop
    /// every trigger). Creates any aggregate table a file made before it lacks (a file mid-upgrade
    /// gets `dash_speed_delays` empty here; the size-leads migration fills it).
    static func createDashboardAggregateTriggers(_ db: Database) throws {
        guard try hasDashboardAggregates(db) else { return }
        try db.execute(dashboardAggregateTables)
        try db.execute(leadAggregateDeferral)  // the lead triggers read it (sync cost 6)
        try db.execute(idleIndex)
        try replaceTriggers(db, dashboardAggregateTriggers)
    }

    /// One delay as its character in `dash_speed_delays.delays`: the second within its hour, + 1
    /// (no NUL), so 1…3600 (one to three UTF-8 bytes).
    static func delayCharacter(_ delay: String) -> String { "char((\(delay)) % 3600 + 1)" }

    static let dashboardAggregateTables = """
        CREATE TABLE IF NOT EXISTS dash_created (
            day INTEGER NOT NULL, owner TEXT NOT NULL, source INTEGER NOT NULL,
            leads INTEGER NOT NULL DEFAULT 0, untouched INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (day, owner, source)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS dash_idle (
            hour INTEGER NOT NULL, owner TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (hour, owner)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS dash_speed (
            day INTEGER NOT NULL, owner TEXT NOT NULL, bucket INTEGER NOT NULL, count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (day, owner, bucket)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS dash_speed_all (
            owner TEXT NOT NULL, bucket INTEGER NOT NULL, count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (owner, bucket)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS dash_speed_delays (
            owner TEXT NOT NULL, bucket INTEGER NOT NULL, day INTEGER NOT NULL, delays TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (owner, bucket, day)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS dash_appointments (
            hour INTEGER NOT NULL, owner TEXT NOT NULL, source INTEGER NOT NULL, count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (hour, owner, source)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS dash_state (id INTEGER PRIMARY KEY CHECK (id = 1), speed_version INTEGER NOT NULL DEFAULT 0,
            appointments_version INTEGER NOT NULL DEFAULT 0);
        INSERT OR IGNORE INTO dash_state (id, speed_version) VALUES (1, 0);
        """

    /// `floor(x / n)` in SQL (integer division truncates towards zero).
    static func floorDiv(_ x: String, _ n: Int) -> String { "(((\(x)) - ((((\(x)) % \(n)) + \(n)) % \(n))) / \(n))" }

    /// The delay from creation to first touch of row `r` (seconds, ≥ 0).
    static func delay(_ r: String) -> String { "max(0, \(r).first_touch_at - \(r).created)" }

    /// Adds the leads with id ≥ `first` and their appointments to the aggregates (after a bulk
    /// load, which runs without triggers, or into emptied tables).
    static func fillDashboardAggregates(_ db: Database, fromLead first: Int64) throws {
        guard try hasDashboardAggregates(db) else { return }
        for statement in fillDashboardStatements { try db.run(statement, [.integer(first)]) }
    }

    /// The statements of `fillDashboardAggregates` (each binds ?1 = the first lead id): the
    /// leads' own aggregates, then their appointments' and the version moves.
    static let fillDashboardStatements = fillLeadAggregateStatements + fillAppointmentAggregateStatements

    /// The aggregates of the leads themselves (created, idle, speed), each binding ?1 = the first
    /// lead id; a detail batch's flush runs only these (`Schema.flushLeadAggregates`).
    static let fillLeadAggregateStatements: [String] = statements("""
        INSERT INTO dash_created (day, owner, source, leads, untouched)
            SELECT \(floorDiv("created", 86_400)), owner, coalesce(source, -1), count(*), sum(first_touch_at IS NULL)
            FROM leads WHERE deleted = 0 AND id >= ?1 GROUP BY 1, 2, 3
            ON CONFLICT (day, owner, source) DO UPDATE SET leads = leads + excluded.leads, untouched = untouched + excluded.untouched;
        INSERT INTO dash_idle (hour, owner, count)
            SELECT \(floorDiv("coalesce(last_touch_at, created)", 3600)), owner, count(*)
            FROM leads WHERE deleted = 0 AND status NOT IN \(closedCodes) AND id >= ?1 GROUP BY 1, 2
            ON CONFLICT (hour, owner) DO UPDATE SET count = count + excluded.count;
        INSERT INTO dash_speed (day, owner, bucket, count)
            SELECT \(floorDiv("created", 86_400)), owner, \(delay("leads")) / 3600, count(*)
            FROM leads WHERE deleted = 0 AND first_touch_at IS NOT NULL AND id >= ?1 GROUP BY 1, 2, 3
            ON CONFLICT (day, owner, bucket) DO UPDATE SET count = count + excluded.count;
        \(fillSpeedDelays);
        INSERT INTO dash_speed_all (owner, bucket, count)
            SELECT owner, \(delay("leads")) / 3600, count(*)
            FROM leads WHERE deleted = 0 AND first_touch_at IS NOT NULL AND id >= ?1 GROUP BY 1, 2
            ON CONFLICT (owner, bucket) DO UPDATE SET count = count + excluded.count;
        """)

    /// The appointments of the leads with id ≥ ?1 and the version moves of a fill.
    static let fillAppointmentAggregateStatements: [String] = statements("""
        INSERT INTO dash_appointments (hour, owner, source, count)
            SELECT \(floorDiv("a.start", 3600)), l.owner, coalesce(l.source, -1), count(*)
            FROM appointments a JOIN leads l ON l.id = a.lead_id
            WHERE l.deleted = 0 AND a.status <> 'cancelled' AND a.lead_id >= ?1 GROUP BY 1, 2, 3
            ON CONFLICT (hour, owner, source) DO UPDATE SET count = count + excluded.count;
        UPDATE dash_state SET speed_version = speed_version + 1, appointments_version = appointments_version + 1 WHERE ?1 IS NOT NULL;
        """)

    /// The statements of a `;`-separated script (one per line end after a `;`).
    private static func statements(_ script: String) -> [String] {
        script.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Appends the delays of the touched live leads with id ≥ ?1 to `dash_speed_delays` (one
    /// grouped pass; the order of a row's characters means nothing).
    static let fillSpeedDelays = """
        INSERT INTO dash_speed_delays (owner, bucket, day, delays)
            SELECT owner, \(delay("leads")) / 3600, \(floorDiv("created", 86_400)), group_concat(\(delayCharacter(delay("leads"))), '')
            FROM leads WHERE deleted = 0 AND first_touch_at IS NOT NULL AND id >= ?1 GROUP BY 1, 2, 3
            ON CONFLICT (owner, bucket, day) DO UPDATE SET delays = delays || excluded.delays
        """
}
