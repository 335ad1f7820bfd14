/// The schema as versioned migrations (`PRAGMA user_version`), plus the triggers and indexes
/// that bulk loads drop and re-create.
///
/// Leads store `status` and `source` as small integers (index in `LeadStatus.allCases` /
/// `LeadSource.allCases`, source NULL when unknown) so indexes stay small and the status
/// order is the pipeline order. Times are Unix seconds.
enum Schema {
    /// Every migration in order; migration `i` brings the file to version `i + 1`.
    /// v1: the tables. v2: the derived structures (FTS with prefix indexes and its vocabulary,
    /// list indexes, the counts cube, triggers), rebuilt from the tables; it also upgrades files
    /// made by the first v1 (which had `lead_counts` and an FTS with prefixes 2 and 3).
    static let migrations: [@Sendable (Database) throws -> Void] = [
        { try $0.execute(version1) },
        { try rebuildDerived($0) },
        { try rebuildDerived($0) },  // v3: prefix indexes 1–3 (4 cost 3 s of seeding per million)
        { db in  // v4: bulk writes may defer FTS rows of new leads to one statement (see bulk_state)
            try db.execute(bulkState)
            try recreateTriggers(db)
        },
        { try addOutboxRemote($0) },  // providers (issue 8): outbox entries name their remote; detail freshness
        { try migrateCalendar($0) },  // calendar: appointments.owner (lead's owner) + range indexes
        { try $0.execute(conversation) },  // conversation pane: events per remote record, their FTS, unread (Schema+Conversation)
        { try addDashboard($0) },  // dashboard: first/last touch columns, their indexes and triggers, server overview
        { try rebuildSearchIndex($0) },  // search: folding (Ł, ß, Greek tonos…), CJK bigrams, emoji words (fitness)
        { try $0.execute(pushMarks) },  // pullfix: a pull read before a push of the lead never undoes it
        // Data fixes last: they update leads, which fires the current triggers, and those may use
        // columns that the schema migrations above add.
        { db in  // safety: a lead whose delete the server refused is visible again (was hidden for good)
            try db.execute(restoreRejectedDeletes)
        },
        // v11 files (released) have run every step above, the data fix included: a step inserted
        // above would be skipped for them, so later migrations follow the data fix. This one updates no
        // lead row, so running the data fix before it is safe.
        { try useExternalSearchContent($0) },  // size (issue 11): one name index, search text not stored twice
        // After the data fixes, so files main already migrated get it too: it rebuilds every table it adds
        // from the leads as they are (the fixes above ran without its triggers, which is fine).
        { try addDashboardAggregates($0) },  // dashboard speed: aggregate tables + triggers; conversation events are touches
        { db in  // sync cost: a detail batch indexes each lead's notes once, at its end (fts_deferred_leads)
            try db.execute(ftsDeferredLeads)
            try recreateTriggers(db)
        },
        { _ in },  // v17 made `leads_speed` (dashboard cold); size-leads replaced it by `dash_speed_delays`, so nothing to build
        { try compactIndexes($0) },  // size 2 (issue 11): e-mail index on a hash, no created or appointments(start) index
        { try deferTouchesInDetailBatches($0) },  // sync cost: a detail batch widens its leads' touches once per lead, at its end (touch_deferral)
        { try deferLastActivityInDetailBatches($0) },  // sync cost 2: a detail batch raises its leads' last_activity once per lead, at its end
        { try addCalendarDayCounts($0) },  // calendar speed (issue 7): appointments per UTC day, owner, status (calendar_day_counts) kept by triggers
        { try addCalendarChanges($0) },  // calendar speed 2 (issue 7): the range each calendar version change touched (calendar_changes)
        { try compactActivities($0) },  // size 3 (issue 11): activities store a known type as a code, its usual text as '' (ActivityCoding)
        { try dropStatusNameIndex($0) },  // size 3 (issue 11): the status order is read from the name index, no leads_status_name
        { try compactDashboardSpeed($0) },  // size-leads (issue 11): exact speed to lead from dash_speed_delays, no leads_speed / dash_speed_exact(_team)
        { try addCalendarLeadName($0) },  // calendar-lead-name (issue 7): appointments.lead_name (the lead's display name) kept by triggers
        { try deferLeadAggregatesInDetailBatches($0) },  // sync cost 6: a detail batch adds the leads it inserts to the cube and dashboard aggregates once, at its end (lead_aggregate_deferral)
    ]

    /// Says `message` through `Database.notice` before a migration that takes seconds on a large
    /// file (over 100,000 leads); small files upgrade silently.
    static func announceLongUpgrade(_ db: Database, _ message: String) throws {
        guard let notice = db.notice, try (db.scalarInt("SELECT count(*) FROM leads") ?? 0) > 100_000 else { return }
        notice(message)
    }

    /// Re-creates the FTS table and its vocabulary from leads and notes with the current index
    /// text (`closer_search_text`), and the triggers that keep it. Self-contained: other derived
    /// structures are left alone.
    static func rebuildSearchIndex(_ db: Database) throws {
        // size: a file whose index kept a copy of its text gets compacted after the migration.
        if try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'lead_fts_content'") == 1 {
            db.compactAfterMigration = true
        }
        try db.execute("DROP TABLE IF EXISTS lead_fts_vocab; DROP TABLE IF EXISTS lead_fts;")
        try db.execute(fts)
        try fillSearchIndex(db)
        try recreateTriggers(db)
    }

    /// One row per pushed record and remote: `seq` grows with every push recorded (AUTOINCREMENT:
    /// never reused), so "was this lead pushed after that page was read?" is one comparison.
    static let pushMarks = """
        CREATE TABLE IF NOT EXISTS push_marks (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            provider TEXT NOT NULL, kind TEXT NOT NULL, local_id INTEGER NOT NULL,
            UNIQUE (provider, kind, local_id)
        );
        """


    /// Adds `outbox.remote` (NULL: not routed to a remote yet) when the file lacks it, its index,
    /// and `detail_fetched` (when each linked lead's detail was last read, per remote).
    static func addOutboxRemote(_ db: Database) throws {
        let columns = try db.prepare("PRAGMA table_info(outbox)").rows { $0.text(1) }
        if !columns.contains("remote") { try db.execute("ALTER TABLE outbox ADD COLUMN remote TEXT") }
        try db.execute("""
            CREATE INDEX IF NOT EXISTS outbox_remote ON outbox(remote, state, id);
            CREATE TABLE IF NOT EXISTS detail_fetched (
                provider TEXT NOT NULL, local_id INTEGER NOT NULL, fetched INTEGER NOT NULL,  -- Unix milliseconds
                PRIMARY KEY (provider, local_id)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS detail_fetched_age ON detail_fetched(provider, fetched);
            """)
    }

    /// Un-hides leads whose queued delete was rejected (files written before rejected deletes
    /// kept the lead visible); the cube triggers count them again.
    static let restoreRejectedDeletes = """
        UPDATE leads SET deleted = 0 WHERE deleted = 1 AND id IN (
            SELECT record_id FROM outbox WHERE kind = 'lead' AND op = 'delete' AND state = 'rejected');
        """

    /// One row; `fts_deferred` is the first new lead's id (0: none) only inside a bulk write's own
    /// transaction (never committed): leads from that id on get their FTS rows in one statement at
    /// the end instead of one per insert.
    static let bulkState = """
        CREATE TABLE IF NOT EXISTS bulk_state (id INTEGER PRIMARY KEY CHECK (id = 1), fts_deferred INTEGER NOT NULL DEFAULT 0);
        INSERT OR IGNORE INTO bulk_state (id, fts_deferred) VALUES (1, 0);
        """

    /// The leads whose search row a detail batch took out of `lead_fts` (while the content view
    /// still showed their old text) and puts back once at its end: the search triggers skip them,
    /// so a lead with many pulled notes is re-indexed once, not twice per note. Empty outside a
    /// batch's own transaction (never committed non-empty).
    static let ftsDeferredLeads = """
        CREATE TABLE IF NOT EXISTS fts_deferred_leads (id INTEGER PRIMARY KEY);
        DROP TABLE IF EXISTS note_fts_state;
        """

    /// Drops every trigger of the file.
    static func dropAllTriggers(_ db: Database) throws {
        let names = try db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").rows { $0.text(0) }
        for name in names { try db.execute("DROP TRIGGER IF EXISTS \"\(name)\"") }
    }

    /// Creates `triggers` anew: each one dropped if it exists, then created from its definition.
    static func replaceTriggers(_ db: Database, _ triggers: [(name: String, sql: String)]) throws {
        for trigger in triggers {
            try db.execute("DROP TRIGGER IF EXISTS \(trigger.name)")
            try db.execute(trigger.sql)
        }
    }

    /// Drops every trigger and creates the current ones.
    static func recreateTriggers(_ db: Database) throws {
        try db.execute(ftsDeferredLeads)  // the search triggers read it
        try db.execute(lastActivityDeferral)  // the last-activity triggers read it
        try db.execute(leadAggregateDeferral)  // the cube and dashboard lead triggers read it
        try dropAllTriggers(db)
        for trigger in triggers { try db.execute(trigger.sql) }
        try createTouchStructures(db)  // dashboard
        try createCalendarDayCountTriggers(db)  // calendar speed, once its table exists
        try createCalendarLeadNameTriggers(db)  // calendar-lead-name, once its column exists
    }

    // The full-text index (`fts`, `populateFTS`) and its triggers: Schema+SearchContent.swift.

    /// Drops every trigger and list index (before a bulk load or a rebuild).
    static func dropTriggersAndIndexes(_ db: Database) throws {
        try dropAllTriggers(db)
        let indexes = try db.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'leads\\_%' ESCAPE '\\'").rows { $0.text(0) }
        for name in indexes { try db.execute("DROP INDEX IF EXISTS \"\(name)\"") }
    }

    /// Creates the list indexes and triggers (after a bulk load or a rebuild).
    static func createTriggersAndIndexes(_ db: Database) throws {
        try db.execute(ftsDeferredLeads)  // the search triggers read it
        try db.execute(lastActivityDeferral)  // the last-activity triggers read it
        try db.execute(leadAggregateDeferral)  // the cube and dashboard lead triggers read it
        for index in leadIndexes { try db.execute(index) }
        for trigger in triggers { try db.execute(trigger.sql) }
        try createTouchStructures(db)  // dashboard
        try rebuildCalendarDayCounts(db)  // calendar speed: the load ran without its triggers
        try createCalendarDayCountTriggers(db)
        try createCalendarLeadNameTriggers(db)  // calendar-lead-name (the seeder writes the names itself)
    }

    /// Rebuilds FTS, cube, indexes and triggers from the tables.
    static func rebuildDerived(_ db: Database) throws {
        try dropTriggersAndIndexes(db)
        try db.execute("""
            DROP TABLE IF EXISTS lead_counts;
            DROP TABLE IF EXISTS lead_fts_vocab;
            DROP TABLE IF EXISTS lead_fts;
            CREATE TABLE IF NOT EXISTS lead_cube (
                status INTEGER NOT NULL, source INTEGER NOT NULL, owner TEXT NOT NULL,
                count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (status, source, owner)
            ) WITHOUT ROWID;
            """)
        try db.execute(bulkState)
        try db.execute(fts)
        try db.run(populateFTS, [.integer(0)])
        try db.execute(rebuildCube)
        try rebuildDashboardAggregates(db)  // dashboard, once its tables exist
        try createTriggersAndIndexes(db)
    }

    /// The version a fully migrated file has.
    static var currentVersion: Int { migrations.count }

    static let version1 = """
    CREATE TABLE users (
        username TEXT PRIMARY KEY NOT NULL,
        display_name TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;

    CREATE TABLE leads (
        id INTEGER PRIMARY KEY,
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        company TEXT NOT NULL DEFAULT '',
        job_title TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        message TEXT NOT NULL DEFAULT '',
        source INTEGER,
        status INTEGER NOT NULL DEFAULT 0,
        owner TEXT NOT NULL DEFAULT '',
        label TEXT NOT NULL DEFAULT '',
        metadata TEXT NOT NULL DEFAULT '',
        created INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        sort_name TEXT NOT NULL DEFAULT '',
        last_activity INTEGER,
        deleted INTEGER NOT NULL DEFAULT 0,
        has_pending INTEGER NOT NULL DEFAULT 0,
        has_rejected INTEGER NOT NULL DEFAULT 0,
        has_conflict INTEGER NOT NULL DEFAULT 0,
        deleted_remotely INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT '',
        created INTEGER NOT NULL
    );
    CREATE INDEX notes_lead ON notes(lead_id);

    CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        created INTEGER NOT NULL,
        provider TEXT,
        remote_id TEXT
    );
    CREATE INDEX activities_lead ON activities(lead_id, created);
    CREATE UNIQUE INDEX activities_remote ON activities(provider, remote_id) WHERE remote_id IS NOT NULL;

    CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'pending'
    );
    CREATE INDEX appointments_lead ON appointments(lead_id);
    CREATE INDEX appointments_start ON appointments(start);

    CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        channel TEXT NOT NULL DEFAULT '',
        direction TEXT NOT NULL DEFAULT 'inbound',
        subject TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        created INTEGER NOT NULL
    );
    CREATE INDEX messages_lead ON messages(lead_id, created);

    CREATE TABLE remote_ids (
        provider TEXT NOT NULL,
        kind TEXT NOT NULL,
        local_id INTEGER NOT NULL,
        remote_id TEXT NOT NULL,
        base TEXT NOT NULL DEFAULT '{}',
        hash TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (provider, kind, local_id)
    ) WITHOUT ROWID;
    CREATE UNIQUE INDEX remote_ids_remote ON remote_ids(provider, kind, remote_id);

    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        op TEXT NOT NULL,
        record_id INTEGER NOT NULL,
        lead_id INTEGER NOT NULL,
        payload TEXT NOT NULL DEFAULT '{}',
        base TEXT NOT NULL DEFAULT '{}',
        state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        messages TEXT NOT NULL DEFAULT '{}',
        not_before INTEGER,
        created INTEGER NOT NULL,
        updated INTEGER NOT NULL
    );
    CREATE INDEX outbox_record ON outbox(kind, record_id);
    CREATE INDEX outbox_lead ON outbox(lead_id);
    CREATE INDEX outbox_state ON outbox(state, id);

    CREATE TABLE sync_state (
        provider TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (provider, key)
    ) WITHOUT ROWID;

    CREATE TABLE saved_views (
        name TEXT PRIMARY KEY NOT NULL,
        definition TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE IF NOT EXISTS lead_cube (
        status INTEGER NOT NULL,
        source INTEGER NOT NULL,
        owner TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (status, source, owner)
    ) WITHOUT ROWID;
    """

    /// Indexes that make keyset windows fast; bulk loads create them after the data.
    /// One per sort (the status order reads the name index per status). The name
    /// index carries status, owner and source (size, issue 11: one index instead of one per
    /// filter column, 40 MB less at a million): a name window filtered by them reads index
    /// entries only and fetches just the rows it shows, and counts before a cursor never read the
    /// table. Other filter + sort pairs scan the sort's index and filter: cheap while the filter
    /// keeps more than ~1 row in 1,000.
    static let leadIndexes: [String] = [
        // `id` right after the name: the index order is the list's (sort_name, id), no sort step.
        "CREATE INDEX IF NOT EXISTS leads_name_scope ON leads(sort_name, id, status, owner, source) WHERE deleted = 0",
        // The created order reads the dashboard's `leads_touch_created (created, …)`: a `leads_created
        // (created)` index was the same order a second time (size, issue 11: −12 MB at a million).
        "CREATE INDEX IF NOT EXISTS leads_updated ON leads(updated) WHERE deleted = 0",
        // No (status, sort_name) index: the status order reads each status from the name index
        // (size 3, issue 11: −24 MB at a million; `LeadQueryBuilder.driver`).
        // size (issue 11): keyed by a 4-byte hash of the address (`closer_email_key`), not the address.
        "CREATE INDEX IF NOT EXISTS leads_email_key ON leads(closer_email_key(email)) WHERE email <> ''",
        "CREATE INDEX IF NOT EXISTS leads_pending ON leads(has_pending) WHERE has_pending = 1",
        "CREATE INDEX IF NOT EXISTS leads_rejected ON leads(has_rejected) WHERE has_rejected = 1",
        "CREATE INDEX IF NOT EXISTS leads_conflict ON leads(has_conflict) WHERE has_conflict = 1",
    ]

    /// Keeps `lead_cube` (count of not-deleted leads per status × source × owner; source -1 = none).
    static let cubeAdd = """
        INSERT INTO lead_cube(status, source, owner, count) VALUES (new.status, coalesce(new.source, -1), new.owner, 1)
            ON CONFLICT(status, source, owner) DO UPDATE SET count = count + 1;
        """
    static let cubeRemove = """
        UPDATE lead_cube SET count = count - 1
            WHERE status = old.status AND source = coalesce(old.source, -1) AND owner = old.owner;
        """

    /// Rebuilds `lead_cube` from the leads table (after a bulk load).
    static let rebuildCube = """
        DELETE FROM lead_cube;
        INSERT INTO lead_cube(status, source, owner, count)
            SELECT status, coalesce(source, -1), owner, count(*) FROM leads WHERE deleted = 0 GROUP BY 1, 2, 3;
        """

    /// Triggers keeping FTS, counts, last-activity and sync flags current on normal edits.
    static let triggers: [(name: String, sql: String)] = [
        // Sync cost 6: a detail batch adds the leads it inserts to the cube at its end (Schema+LeadAggregateDeferral).
        ("leads_ai_cube", """
        CREATE TRIGGER leads_ai_cube AFTER INSERT ON leads WHEN \(unlessLeadAggregatesDeferred("new", "new.deleted = 0")) BEGIN \(cubeAdd) END
        """),
        ("leads_au_cube_old", """
        CREATE TRIGGER leads_au_cube_old AFTER UPDATE OF status, source, owner, deleted ON leads
        WHEN \(unlessLeadAggregatesDeferred("old", "old.deleted = 0")) BEGIN \(cubeRemove) END
        """),
        ("leads_au_cube_new", """
        CREATE TRIGGER leads_au_cube_new AFTER UPDATE OF status, source, owner, deleted ON leads
        WHEN \(unlessLeadAggregatesDeferred("new", "new.deleted = 0")) BEGIN \(cubeAdd) END
        """),
        ("leads_ad_cube", """
        CREATE TRIGGER leads_ad_cube AFTER DELETE ON leads WHEN \(unlessLeadAggregatesDeferred("old", "old.deleted = 0")) BEGIN \(cubeRemove) END
        """),
        ("activities_ai", """
        CREATE TRIGGER activities_ai AFTER INSERT ON activities BEGIN \(raiseLastActivity) END
        """),
        ("outbox_ai", """
        CREATE TRIGGER outbox_ai AFTER INSERT ON outbox BEGIN
            UPDATE leads SET has_pending = 1, has_rejected = (new.state = 'rejected' OR has_rejected)
                WHERE id = new.lead_id;
        END
        """),
        ("outbox_au", """
        CREATE TRIGGER outbox_au AFTER UPDATE OF state ON outbox BEGIN
            UPDATE leads SET has_rejected = EXISTS (SELECT 1 FROM outbox WHERE lead_id = new.lead_id AND state = 'rejected')
                WHERE id = new.lead_id;
        END
        """),
        ("outbox_ad", """
        CREATE TRIGGER outbox_ad AFTER DELETE ON outbox BEGIN
            UPDATE leads SET
                has_pending = EXISTS (SELECT 1 FROM outbox WHERE lead_id = old.lead_id),
                has_rejected = EXISTS (SELECT 1 FROM outbox WHERE lead_id = old.lead_id AND state = 'rejected')
                WHERE id = old.lead_id;
        END
        """),
    ] + searchTriggers + calendarTriggers + lastActivityDeferralTriggers  // sync cost: Schema+LastActivityDeferral
}
