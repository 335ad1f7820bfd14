/// Calendar speed 3 (issue 7): the owner's range index also holds each appointment's lead and
/// note, so the items a month grid or a week shows (an owner's, found by start and id) are read
/// from the index alone, without one table page per appointment (~300 of a 250×60 month's ~670).
extension Schema {
    /// The covering index that replaces `appointments_owner_start` (same leading columns, so
    /// every query that used it uses this one).
    static let calendarItemIndex =
        "CREATE INDEX IF NOT EXISTS appointments_owner_start_item ON appointments(owner, start, status, end, lead_id, note)"

    /// The migration: creates the wider index and drops the one it replaces. Self-contained and
    /// idempotent (a file made before the calendar gets it from `migrateCalendar`).
    static func addCalendarItemIndex(_ db: Database) throws {
        try announceLongUpgrade(db, "Indexing appointments for the calendar…")
        try db.execute(calendarItemIndex)
        try db.execute("DROP INDEX IF EXISTS appointments_owner_start")
    }
}
