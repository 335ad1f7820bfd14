/// The second size step (issue 11): indexes that stored a value a second time, or a whole e-mail
/// address where a 4-byte key finds the same rows.
/// - `leads_created (created)`: the created order is `leads_touch_created (created, owner, …)`'s
///   order (the dashboard's covering index), which the list now reads;
/// - `leads_email (email)` → `leads_email_key (closer_email_key(email)) WHERE email <> ''`: lookups
///   compare the key, then the address (`EmailKeyFunction`);
/// - `appointments_start (start)`: the prefix of `appointments_start_scope (start, status, lead_id)`.
extension Schema {
    /// The migration: drops the three indexes, creates the key index (and any other missing list
    /// index), and asks for a VACUUM afterwards. Idempotent; runs after the dashboard migration, so
    /// the touch columns `leads_touch_created` needs exist.
    static func compactIndexes(_ db: Database) throws {
        try announceLongUpgrade(db, "upgrading the database: smaller indexes (e-mail key, no duplicate created index; once, seconds per million leads)")
        try db.execute("""
            DROP INDEX IF EXISTS leads_created;
            DROP INDEX IF EXISTS leads_email;
            DROP INDEX IF EXISTS appointments_start;
            """)
        for index in leadIndexes + touchIndexes { try db.execute(index) }
        db.compactAfterMigration = true  // VACUUM when enough of the file is free (Migrator)
    }
}
