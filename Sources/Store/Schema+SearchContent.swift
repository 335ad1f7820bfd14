import Foundation

/// The lead search index without a copy of its text (size, issue 11): `lead_fts` is an FTS5
/// table with *external content*, the view `lead_fts_source`, which computes each lead's index
/// text (`closer_search_text` of name, e-mail, company and notes; the phone as is) from `leads`
/// and `notes` when FTS5 needs it. It needs it only to remove a lead's old terms: searches read
/// rowids from the index alone. The old layout kept all that text a second time (≈130 MB at a
/// million leads).
///
/// The price: FTS5 removes the terms it is given, so a change must remove the *old* text before
/// the row changes. BEFORE triggers do that (the view still shows the old text), AFTER triggers
/// add the new text from the view. A lead whose FTS row a bulk write defers (`bulk_state.fts_deferred`
/// holds the first deferred id) is skipped by both: it has no terms yet; so is a lead a detail
/// batch took out of the index (`fts_deferred_leads`) until the batch puts it back.
extension Schema {
    /// The FTS table, its content view and its vocabulary (the view is re-created: its text is
    /// the current `closer_search_text`). No column sizes (`columnsize = 0`): results are sorted,
    /// never ranked.
    static let fts = """
        DROP VIEW IF EXISTS lead_fts_source;
        CREATE VIEW lead_fts_source AS
            SELECT l.id AS id, closer_search_text(l.first_name || ' ' || l.last_name) AS name,
                closer_search_text(l.email) AS email, l.phone AS phone, closer_search_text(l.company) AS company,
                closer_search_text(coalesce((SELECT group_concat(n.text, ' ') FROM notes n WHERE n.lead_id = l.id), '')) AS notes
            FROM leads l;
        CREATE VIRTUAL TABLE lead_fts USING fts5(
            name, email, phone, company, notes, content = 'lead_fts_source', content_rowid = 'id',
            tokenize = "unicode61 remove_diacritics 2", prefix = '1 2 3', detail = none, columnsize = 0
        );
        CREATE VIRTUAL TABLE lead_fts_vocab USING fts5vocab(lead_fts, 'row');
        """

    /// Indexes leads with id ≥ ?1 (bulk: one statement, no triggers).
    static let populateFTS = """
        INSERT INTO lead_fts(rowid, name, email, phone, company, notes)
        SELECT id, name, email, phone, company, notes FROM lead_fts_source WHERE id >= ?
        """

    /// Whether the FTS row of lead `id` exists (is not deferred by a bulk write in progress).
    static func hasSearchRow(_ id: String) -> String {
        "NOT (\(bulkDefers(id))) AND NOT EXISTS (SELECT 1 FROM fts_deferred_leads WHERE id = \(id))"
    }

    /// Whether a bulk write defers lead `id`'s search row (it has none until the bulk write ends).
    static func bulkDefers(_ id: String) -> String {
        "\(id) >= coalesce((SELECT nullif(fts_deferred, 0) FROM bulk_state WHERE id = 1), 9223372036854775807)"
    }

    /// Adds lead `id`'s current text to the index (when `condition` holds).
    static func indexLead(_ id: String, when condition: String = "1") -> String {
        """
        INSERT INTO lead_fts(rowid, name, email, phone, company, notes)
            SELECT id, name, email, phone, company, notes FROM lead_fts_source
            WHERE id = \(id) AND \(condition) AND \(hasSearchRow(id));
        """
    }

    /// Removes lead `id`'s current text from the index (before the text changes; when `condition` holds).
    static func unindexLead(_ id: String, when condition: String = "1") -> String {
        """
        INSERT INTO lead_fts(lead_fts, rowid, name, email, phone, company, notes)
            SELECT 'delete', id, name, email, phone, company, notes FROM lead_fts_source
            WHERE id = \(id) AND \(condition) AND \(hasSearchRow(id));
        """
    }

    /// An update that changes a searched column of a lead.
    static let searchedColumnsChange = """
        (old.first_name IS NOT new.first_name OR old.last_name IS NOT new.last_name OR old.email IS NOT new.email
            OR old.phone IS NOT new.phone OR old.company IS NOT new.company)
        """

    /// The triggers keeping `lead_fts` equal to `lead_fts_source`.
    static let searchTriggers: [(name: String, sql: String)] = [
        ("leads_ai", """
        CREATE TRIGGER leads_ai AFTER INSERT ON leads BEGIN \(indexLead("new.id")) END
        """),
        ("leads_bu_fts", """
        CREATE TRIGGER leads_bu_fts BEFORE UPDATE OF first_name, last_name, email, phone, company ON leads
        WHEN \(searchedColumnsChange) BEGIN \(unindexLead("old.id")) END
        """),
        ("leads_au_fts", """
        CREATE TRIGGER leads_au_fts AFTER UPDATE OF first_name, last_name, email, phone, company ON leads
        WHEN \(searchedColumnsChange) BEGIN \(indexLead("new.id")) END
        """),
        ("leads_bd_fts", """
        CREATE TRIGGER leads_bd_fts BEFORE DELETE ON leads BEGIN \(unindexLead("old.id")) END
        """),
        ("notes_bi_fts", """
        CREATE TRIGGER notes_bi_fts BEFORE INSERT ON notes BEGIN \(unindexLead("new.lead_id")) END
        """),
        ("notes_ai", """
        CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
            \(indexLead("new.lead_id"))
            \(raiseLastActivity)
        END
        """),
        ("notes_bu_fts", """
        CREATE TRIGGER notes_bu_fts BEFORE UPDATE OF text, lead_id ON notes BEGIN
            \(unindexLead("old.lead_id"))
            \(unindexLead("new.lead_id", when: "new.lead_id IS NOT old.lead_id"))
        END
        """),
        ("notes_au", """
        CREATE TRIGGER notes_au AFTER UPDATE OF text, lead_id ON notes BEGIN
            \(indexLead("old.lead_id"))
            \(indexLead("new.lead_id", when: "new.lead_id IS NOT old.lead_id"))
        END
        """),
        ("notes_bd_fts", """
        CREATE TRIGGER notes_bd_fts BEFORE DELETE ON notes BEGIN \(unindexLead("old.lead_id")) END
        """),
        ("notes_ad", """
        CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN \(indexLead("old.lead_id")) END
        """),
    ]
}

extension Schema {
    /// The size migration: one name index instead of three, no redundant `notes_lead`, and the
    /// search index re-created with external content (and the current triggers) unless the file
    /// already has it. Idempotent; at a million leads it re-indexes for
    /// tens of seconds, reporting progress through `Database.notice`.
    static func useExternalSearchContent(_ db: Database) throws {
        try announceLongUpgrade(db, "upgrading the database to a smaller layout: one name index instead of three, no copy of the search text (once; one to three minutes per million leads)")
        // notes(lead_id) is the prefix of notes_lead_created (lead_id, created): one is enough.
        // One name index carrying status, owner and source replaces the name, owner + name and
        // source + name indexes (leadIndexes).
        try db.execute("""
            CREATE INDEX IF NOT EXISTS notes_lead_created ON notes(lead_id, created);
            DROP INDEX IF EXISTS notes_lead;
            DROP INDEX IF EXISTS leads_name;
            DROP INDEX IF EXISTS leads_owner_name;
            DROP INDEX IF EXISTS leads_source_name;
            """)
        for index in leadIndexes { try db.execute(index) }
        let sql = try db.scalarText("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'lead_fts'") ?? ""
        if sql.contains("lead_fts_source") {
            try recreateTriggers(db)
        } else {
            try rebuildSearchIndex(db)
        }
    }

    /// Indexes every lead, in steps of 100,000 ids with a progress notice when there are many.
    static func fillSearchIndex(_ db: Database) throws {
        let last = try db.scalarInt("SELECT coalesce(max(id), 0) FROM leads") ?? 0
        let step: Int64 = 100_000
        guard last > step, let notice = db.notice else {
            try db.run(populateFTS, [.integer(0)])
            return
        }
        let count = try db.scalarInt("SELECT count(*) FROM leads") ?? 0
        notice("upgrading the database: re-indexing \(count) leads for search")
        let start = Date()
        var from: Int64 = 0
        while from <= last {
            try db.run(populateFTS + " AND id < ?", [.integer(from), .integer(from + step)])
            from += step
            notice(String(format: "upgrading the database: search index %d%% (%.0f s)",
                          Int(min(100, 100 * Double(from) / Double(last + 1))), Date().timeIntervalSince(start)))
        }
    }
}
