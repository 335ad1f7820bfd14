/// The third size step (issue 11): activities stored with `ActivityCoding` (a known type as its
/// code, its usual text as `''`).
extension Schema {
    /// The comment in the definition of an `activities` table whose rows are coded.
    static let codedMarker = "/* rows coded: ActivityCoding */"

    /// The migration: copies every activity, re-encoded, into a new table in id order (packed
    /// pages; an UPDATE in place would leave each page a third empty), swaps it in, re-creates the
    /// table's indexes from their own definitions and every trigger (the touch conditions compare
    /// the stored code), and asks for a VACUUM (the old table's pages are free). Idempotent: the
    /// new table's definition carries `codedMarker`, and a table that has it is left alone.
    static func compactActivities(_ db: Database) throws {
        guard let table = try db.scalarText("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'activities'"),
              !table.contains(codedMarker), let body = table.range(of: "(") else { return }
        try announceLongUpgrade(db, "upgrading the database: smaller activities (once, seconds per million leads)")
        let indexes = try db.prepare(
            "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'activities' AND sql IS NOT NULL").rows { $0.text(0) }
        // Every trigger goes (some on other tables read activities); `recreateTriggers` puts back the current ones.
        try dropAllTriggers(db)
        try db.execute("DROP TABLE IF EXISTS activities_compact")
        try db.execute("CREATE TABLE activities_compact (\(codedMarker)" + table[body.upperBound...])
        try db.execute("""
            INSERT INTO activities_compact (id, lead_id, type, text, created, provider, remote_id)
                SELECT id, lead_id, \(ActivityCoding.storedTypeSQL("type")), \(ActivityCoding.storedTextSQL("text", type: "type")),
                       created, provider, remote_id FROM activities ORDER BY id
            """)
        try db.execute("DROP TABLE activities")
        try db.execute("ALTER TABLE activities_compact RENAME TO activities")
        for index in indexes { try db.execute(index) }
        try recreateTriggers(db)
        db.compactAfterMigration = true  // VACUUM: the old table's pages are free (Migrator)
    }
}
