/// Calendar speed 3 (issue 7): every appointment carries its lead's display name
/// (`appointments.lead_name`), kept by triggers like `owner`, so the calendar's grid and agenda
/// reads never read a lead row (a first month visit after another connection's commit read ~270
/// uncached lead pages only for the name).
///
/// The name is `Lead.displayName`: "First Last" with an empty part left out, the e-mail when both
/// are empty — what the calendar showed when it joined the lead.
extension Schema {
    /// SQL for the display name of lead row `r` (`new`, `l`, …).
    static func leadDisplayNameSQL(_ r: String) -> String {
        """
        CASE WHEN \(r).first_name = '' THEN CASE WHEN \(r).last_name = '' THEN \(r).email ELSE \(r).last_name END
             WHEN \(r).last_name = '' THEN \(r).first_name ELSE \(r).first_name || ' ' || \(r).last_name END
        """
    }

    /// The name of lead `leadId` (an SQL expression), NULL when the lead is missing.
    private static func leadNameOf(_ leadId: String) -> String {
        "(SELECT \(leadDisplayNameSQL("l")) FROM leads l WHERE l.id = \(leadId))"
    }

    /// Whether the file has the column (files before the migration do not).
    static func hasCalendarLeadName(_ db: Database) throws -> Bool {
        try db.prepare("PRAGMA table_info(appointments)").rows { $0.text(1) }.contains("lead_name")
    }

    /// The migration "calendar-lead-name": adds the column when missing, fills it from the leads
    /// and creates its triggers. Idempotent. The fill runs without the per-row version trigger (one
    /// version move for everything instead of 200,000 at a million leads).
    static func addCalendarLeadName(_ db: Database) throws {
        if try !hasCalendarLeadName(db) {
            try db.execute("ALTER TABLE appointments ADD COLUMN lead_name TEXT")
        }
        try announceLongUpgrade(db, "upgrading the database: lead names on appointments (once, about a second per million leads)")
        let versionTrigger = try db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'appointments_au_calendar'")
            .firstRow([]) { $0.text(0) }
        try db.execute("DROP TRIGGER IF EXISTS appointments_au_calendar")
        try db.execute("UPDATE appointments SET lead_name = \(leadNameOf("appointments.lead_id"))")
        if let versionTrigger {
            try db.execute(versionTrigger)
            try db.execute(bumpCalendarVersion(low: "NULL", high: "NULL"))
        }
        try createCalendarLeadNameTriggers(db)
    }

    /// (Re)creates the triggers when the column exists (bulk loads and rebuilds drop every trigger).
    static func createCalendarLeadNameTriggers(_ db: Database) throws {
        guard try hasCalendarLeadName(db) else { return }
        try replaceTriggers(db, calendarLeadNameTriggers)
    }

    /// Keep `appointments.lead_name` equal to its lead's display name: on insert, on a move to
    /// another lead, and on a change of the lead's names (or e-mail, the fallback). Each
    /// appointment update moves the calendar version and logs its range
    /// (`appointments_au_calendar`), as a rename already did through `leads_au_calendar`.
    static let calendarLeadNameTriggers: [(name: String, sql: String)] = [
        ("appointments_ai_lead_name", """
        CREATE TRIGGER appointments_ai_lead_name AFTER INSERT ON appointments BEGIN
            UPDATE appointments SET lead_name = \(leadNameOf("new.lead_id")) WHERE id = new.id;
        END
        """),
        ("appointments_au_lead_name", """
        CREATE TRIGGER appointments_au_lead_name AFTER UPDATE OF lead_id ON appointments
        WHEN old.lead_id IS NOT new.lead_id BEGIN
            UPDATE appointments SET lead_name = \(leadNameOf("new.lead_id")) WHERE id = new.id;
        END
        """),
        ("leads_au_lead_name", """
        CREATE TRIGGER leads_au_lead_name AFTER UPDATE OF first_name, last_name, email ON leads
        WHEN old.first_name IS NOT new.first_name OR old.last_name IS NOT new.last_name OR old.email IS NOT new.email BEGIN
            UPDATE appointments SET lead_name = \(leadDisplayNameSQL("new"))
                WHERE lead_id = new.id AND lead_name IS NOT \(leadDisplayNameSQL("new"));
        END
        """),
    ]
}
