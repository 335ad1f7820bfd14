/// Calendar speed (issue 7, "after an appointment change"): what each move of the calendar's
/// data version touched, so the UI's slot cache forgets only the reads that may differ now (a
/// pulled appointment on another day leaves the week on screen in memory) instead of all of them.
///
/// `calendar_changes (version, low, high)`: for each `calendar_state.version` a range of
/// appointment starts `[low, high)` whose slot reads may have changed — an appointment's old and
/// new interval (the reader widens it by the longest appointment for the collision flags), a
/// renamed lead's appointments, a queued appointment's start; `calendarChangeEverything` for a
/// rebuild. The last `calendarChangesKept` versions are kept; a reader further behind forgets all.
extension Schema {
    /// The table (self-contained: `IF NOT EXISTS`).
    static let calendarChangesTable = """
        CREATE TABLE IF NOT EXISTS calendar_changes (version INTEGER PRIMARY KEY, low INTEGER NOT NULL, high INTEGER NOT NULL)
        """

    /// Versions kept in `calendar_changes`.
    static let calendarChangesKept = 512

    /// A range covering every start (a change the log cannot place).
    static let calendarChangeEverything: (low: Int64, high: Int64) = (-(1 << 62), 1 << 62)

    /// The migration (a file at v19): the table, and the version triggers again, now logging
    /// their range. Idempotent.
    static func addCalendarChanges(_ db: Database) throws {
        try db.execute(calendarChangesTable)
        try createCalendarDayCountTriggers(db)
    }

    /// SQL moving the version by one and logging `[low, high)` (SQL expressions) as its range.
    static func bumpCalendarVersion(low: String, high: String) -> String {
        """
        UPDATE calendar_state SET version = version + 1;
        INSERT OR REPLACE INTO calendar_changes (version, low, high)
            SELECT version, coalesce(\(low), \(calendarChangeEverything.low)), coalesce(\(high), \(calendarChangeEverything.high))
            FROM calendar_state;
        DELETE FROM calendar_changes WHERE version <= (SELECT version FROM calendar_state) - \(calendarChangesKept);
        """
    }

    /// The range of appointment row `r`'s interval (at least its start).
    static func appointmentRange(_ r: String) -> (low: String, high: String) {
        ("\(r).start", "max(\(r).end, \(r).start + 1)")
    }

    /// The range of appointment `id`'s start (a sync mark), or everything when it is gone.
    static func appointmentStartRange(_ id: String) -> (low: String, high: String) {
        ("coalesce((SELECT start FROM appointments WHERE id = \(id)), \(calendarChangeEverything.low))",
         "coalesce((SELECT start + 1 FROM appointments WHERE id = \(id)), \(calendarChangeEverything.high))")
    }
}
