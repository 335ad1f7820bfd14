/// The dashboard's exact speed to lead without a per-lead index (size-leads, issue 11): the
/// `leads_speed (delay hour, owner, created, first_touch_at)` index (24 MB at a million leads) and
/// the all-time `dash_speed_exact (owner, delay)` / `dash_speed_exact_team (delay)` tables (≈8 MB)
/// gave the exact values of the median's and p90's hour buckets. `dash_speed_delays (owner, bucket,
/// day)` holds the same values, one character per touched live lead (`delayCharacter`), ≈3 MB:
/// a period reads its whole UTC days there and its partial day from `leads_touch_created`.
extension Schema {
    /// The migration: creates and fills `dash_speed_delays` from the leads (one grouped pass),
    /// drops what it replaces, re-creates the aggregate triggers and asks for a VACUUM.
    /// Idempotent (the table is emptied before it is filled).
    static func compactDashboardSpeed(_ db: Database) throws {
        guard try hasDashboardAggregates(db) else { return }
        try announceLongUpgrade(db, "upgrading the database: smaller dashboard tables (once, seconds per million leads)")
        try db.execute(dashboardAggregateTables)
        try db.execute("""
            DROP INDEX IF EXISTS leads_speed; DROP TABLE IF EXISTS dash_speed_exact; DROP TABLE IF EXISTS dash_speed_exact_team;
            DELETE FROM dash_speed_delays;
            """)
        try db.run(fillSpeedDelays, [.integer(Int64.min)])
        try db.execute("UPDATE dash_state SET speed_version = speed_version + 1")
        try replaceTriggers(db, dashboardAggregateTriggers)
        db.compactAfterMigration = true  // VACUUM when enough of the file is free (Migrator)
    }
}
