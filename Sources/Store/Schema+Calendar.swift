/// The calendar's schema: every appointment carries its lead's owner (NULL while the lead is
/// deleted), kept by triggers, so "my week" is one range scan of `(owner, start)` instead of a
/// join over every appointment; "everyone's week" scans a partial `(start)` index of live ones.
extension Schema {
    /// The calendar migration: self-contained (adds the column only when missing).
    static func migrateCalendar(_ db: Database) throws {
        let columns = try db.prepare("PRAGMA table_info(appointments)").rows { $0.text(1) }
        if !columns.contains("owner") {
            try db.execute("ALTER TABLE appointments ADD COLUMN owner TEXT")
        }
        try db.execute("""
            UPDATE appointments SET owner = (SELECT CASE WHEN l.deleted = 0 THEN l.owner END
                FROM leads l WHERE l.id = appointments.lead_id);
            """)
        for index in calendarIndexes { try db.execute(index) }
        try replaceTriggers(db, calendarTriggers)
    }

    /// Range indexes: by owner and by start for live ones (covering status for filtered counts and
    /// end for the collision check, so neither reads the table), and by
    /// length (the longest appointment bounds the collision scan).
    static let calendarIndexes = [
        "CREATE INDEX IF NOT EXISTS appointments_owner_start ON appointments(owner, start, status, end)",
        "CREATE INDEX IF NOT EXISTS appointments_live_start ON appointments(start, status, end) WHERE owner IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS appointments_length ON appointments(end - start)",
    ]

    /// Keep `appointments.owner` equal to the lead's owner (NULL for a deleted lead).
    static let calendarTriggers: [(name: String, sql: String)] = [
        ("appointments_ai_owner", """
        CREATE TRIGGER appointments_ai_owner AFTER INSERT ON appointments BEGIN
            UPDATE appointments SET owner = (SELECT CASE WHEN deleted = 0 THEN owner END FROM leads WHERE id = new.lead_id)
                WHERE id = new.id;
        END
        """),
        ("appointments_au_owner", """
        CREATE TRIGGER appointments_au_owner AFTER UPDATE OF lead_id ON appointments BEGIN
            UPDATE appointments SET owner = (SELECT CASE WHEN deleted = 0 THEN owner END FROM leads WHERE id = new.lead_id)
                WHERE id = new.id;
        END
        """),
        ("leads_au_appointments", """
        CREATE TRIGGER leads_au_appointments AFTER UPDATE OF owner, deleted ON leads
        WHEN old.owner IS NOT new.owner OR old.deleted IS NOT new.deleted BEGIN
            UPDATE appointments SET owner = CASE WHEN new.deleted = 0 THEN new.owner END WHERE lead_id = new.id;
        END
        """),
    ]
}
