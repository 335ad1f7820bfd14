/// Calendar speed (issue 7): how many appointments each owner has per UTC day and status, kept
/// exact by triggers on `appointments`, so a month grid's 42 day counts are one small range of
/// this table (plus, in a zone off UTC, the partial UTC days at the grid's edges read from the
/// index) instead of 42 index counts of ~500 rows each at a million leads.
///
/// `calendar_day_counts (day, owner, status, count)`: `day` = `floor(start / 86400)`, only
/// appointments with an owner (a live lead: what the calendar shows). Rows whose count falls to 0
/// stay (harmless). Keyed by day first, so "everyone" and "one owner" read the same few rows.
extension Schema {
    /// The table (self-contained: `IF NOT EXISTS`).
    static let calendarDayCountsTable = """
        CREATE TABLE IF NOT EXISTS calendar_day_counts (
            day INTEGER NOT NULL, owner TEXT NOT NULL, status TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (day, owner, status)) WITHOUT ROWID
        """

    /// The migration: creates the table, fills it from the appointments as they are and creates
    /// its triggers. Idempotent (run again it refills the same counts).
    static func addCalendarDayCounts(_ db: Database) throws {
        try db.execute(calendarDayCountsTable)
        try db.execute(calendarStateTable)
        try rebuildCalendarDayCounts(db)
        try createCalendarDayCountTriggers(db)
    }

    /// Whether the file has the table (files before the migration do not).
    static func hasCalendarDayCounts(_ db: Database) throws -> Bool {
        try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'calendar_day_counts'") == 1
    }

    /// Empties and refills the table from the appointments (after a bulk load, which runs
    /// without triggers), and moves the calendar's data version.
    static func rebuildCalendarDayCounts(_ db: Database) throws {
        guard try hasCalendarDayCounts(db) else { return }
        try db.execute("""
            UPDATE calendar_state SET version = version + 1;
            DELETE FROM calendar_day_counts;
            INSERT INTO calendar_day_counts (day, owner, status, count)
                SELECT \(floorDiv("start", 86_400)), owner, status, count(*) FROM appointments
                WHERE owner IS NOT NULL GROUP BY 1, 2, 3;
            """)
    }

    /// (Re)creates the triggers when the table exists (bulk loads and rebuilds drop every trigger).
    static func createCalendarDayCountTriggers(_ db: Database) throws {
        guard try hasCalendarDayCounts(db) else { return }
        try replaceTriggers(db, calendarDayCountTriggers + calendarVersionTriggers)
    }

    /// Appointment row `r`'s (`new` / `old`) contribution, added or taken away. `new.owner` of an
    /// insert is the inserted value: the owner trigger's own update (`appointments_ai_owner`)
    /// then counts as an owner change, so the sum of all deltas is the row's final state whatever
    /// order SQLite fires the two in.
    private static func dayCount(_ r: String, add: Bool) -> String {
        let day = floorDiv("\(r).start", 86_400)
        return add ? """
            INSERT INTO calendar_day_counts (day, owner, status, count) SELECT \(day), \(r).owner, \(r).status, 1
                WHERE \(r).owner IS NOT NULL
                ON CONFLICT (day, owner, status) DO UPDATE SET count = count + 1;
            """ : """
            UPDATE calendar_day_counts SET count = count - 1
                WHERE day = \(day) AND owner = \(r).owner AND status = \(r).status;
            """
    }

    /// Insert, delete (a lead's cascade included) and any change of day, owner or status.
    /// (`INSERT OR REPLACE` would delete without the delete trigger: appointments are never
    /// written that way; a discard restores with an upsert.)
    static let calendarDayCountTriggers: [(name: String, sql: String)] = [
        ("appointments_ai_daycount", """
        CREATE TRIGGER appointments_ai_daycount AFTER INSERT ON appointments WHEN new.owner IS NOT NULL BEGIN
            \(dayCount("new", add: true))
        END
        """),
        ("appointments_ad_daycount", """
        CREATE TRIGGER appointments_ad_daycount AFTER DELETE ON appointments WHEN old.owner IS NOT NULL BEGIN
            \(dayCount("old", add: false))
        END
        """),
        ("appointments_au_daycount", """
        CREATE TRIGGER appointments_au_daycount AFTER UPDATE OF start, status, owner ON appointments
        WHEN old.owner IS NOT new.owner OR old.status IS NOT new.status
            OR \(floorDiv("old.start", 86_400)) IS NOT \(floorDiv("new.start", 86_400)) BEGIN
            \(dayCount("old", add: false)) \(dayCount("new", add: true))
        END
        """),
    ]

    /// One row: `version` grows with every change of what a calendar slot read returns (an
    /// appointment, the name, e-mail or phone of a lead that has appointments, an appointment's
    /// outbox entry), so the UI keeps its slot reads across commits that change none of it (most
    /// of the sync worker's: leads, notes, activities).
    static let calendarStateTable = """
        CREATE TABLE IF NOT EXISTS calendar_state (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL DEFAULT 0);
        INSERT OR IGNORE INTO calendar_state (id, version) VALUES (1, 0);
        \(calendarChangesTable);
        """

    /// The triggers that move `calendar_state.version` and log what they touched
    /// (`calendar_changes`, Schema+CalendarChanges). A lead's owner or deletion reaches its
    /// appointments through `leads_au_appointments` (an appointment update, counted here).
    static let calendarVersionTriggers: [(name: String, sql: String)] = {
        let inserted = appointmentRange("new"), deleted = appointmentRange("old")
        let queued = appointmentStartRange("new.record_id"), unqueued = appointmentStartRange("old.record_id")
        return [
            ("appointments_ai_calendar", """
            CREATE TRIGGER appointments_ai_calendar AFTER INSERT ON appointments BEGIN
                \(bumpCalendarVersion(low: inserted.low, high: inserted.high))
            END
            """),
            ("appointments_au_calendar", """
            CREATE TRIGGER appointments_au_calendar AFTER UPDATE ON appointments BEGIN
                \(bumpCalendarVersion(low: "min(\(deleted.low), \(inserted.low))", high: "max(\(deleted.high), \(inserted.high))"))
            END
            """),
            ("appointments_ad_calendar", """
            CREATE TRIGGER appointments_ad_calendar AFTER DELETE ON appointments BEGIN
                \(bumpCalendarVersion(low: deleted.low, high: deleted.high))
            END
            """),
            ("leads_au_calendar", """
            CREATE TRIGGER leads_au_calendar AFTER UPDATE OF first_name, last_name, email, phone ON leads
            WHEN (old.first_name IS NOT new.first_name OR old.last_name IS NOT new.last_name OR old.email IS NOT new.email
                  OR old.phone IS NOT new.phone) AND EXISTS (SELECT 1 FROM appointments WHERE lead_id = new.id) BEGIN
                \(bumpCalendarVersion(low: "(SELECT min(start) FROM appointments WHERE lead_id = new.id)",
                                      high: "(SELECT max(start) + 1 FROM appointments WHERE lead_id = new.id)"))
            END
            """),
            ("outbox_ai_calendar", """
            CREATE TRIGGER outbox_ai_calendar AFTER INSERT ON outbox WHEN new.kind = 'appointment' BEGIN
                \(bumpCalendarVersion(low: queued.low, high: queued.high))
            END
            """),
            ("outbox_au_calendar", """
            CREATE TRIGGER outbox_au_calendar AFTER UPDATE OF state ON outbox WHEN new.kind = 'appointment' BEGIN
                \(bumpCalendarVersion(low: queued.low, high: queued.high))
            END
            """),
            ("outbox_ad_calendar", """
            CREATE TRIGGER outbox_ad_calendar AFTER DELETE ON outbox WHEN old.kind = 'appointment' BEGIN
                \(bumpCalendarVersion(low: unqueued.low, high: unqueued.high))
            END
            """),
        ]
    }()
}
