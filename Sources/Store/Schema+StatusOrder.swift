/// The status order without its own index (size 3, issue 11): `leads_status_name (status,
/// sort_name)` repeated every name of `leads_name_scope (sort_name, id, status, …)`; the status
/// order now reads one status at a time from the name index (`LeadQueryBuilder.driver`).
extension Schema {
    /// The migration: drops the index and asks for a VACUUM. Idempotent.
    static func dropStatusNameIndex(_ db: Database) throws {
        try db.execute("DROP INDEX IF EXISTS leads_status_name")
        db.compactAfterMigration = true  // VACUUM when enough of the file is free (Migrator)
    }
}
