import Core
import Foundation
import XCTest
@testable import Store

/// The search index keeps no copy of its text (issue 11, size): FTS5 reads it from the view
/// `lead_fts_source`. These tests prove the index stays equal to the leads and notes through
/// every kind of change (FTS5's own `integrity-check` compares the index with the view), and
/// that a file with the old layout (a content copy) migrates to the same search results.
final class SearchContentTests: StoreTestCase {
    private func ids(_ search: String) throws -> [Int64] {
        try store.leads(filter: LeadFilter(search: search), limit: 100).map(\.id).sorted()
    }

    /// FTS5's check that the index holds exactly the terms of the view's rows (rank 1: against the content).
    private func assertIndexMatchesLeads(_ db: Database, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNoThrow(try db.execute("INSERT INTO lead_fts(lead_fts, rank) VALUES ('integrity-check', 1)"), file: file, line: line)
    }

    func testFileHasNoCopyOfTheSearchText() throws {
        try store.createLead(makeLead("Zoë", "Müller"))
        let tables = try store.db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'lead_fts%'").rows { $0.text(0) }
        XCTAssertFalse(tables.contains("lead_fts_content"), "\(tables)")
        XCTAssertTrue(tables.contains("lead_fts_data"))
        XCTAssertEqual(try ids("zoe"), [1])
    }

    func testIndexFollowsEditsNotesAndDeletes() throws {
        let ann = try store.createLead(makeLead("Ann", "Lee", company: "株式会社さくら")).id
        let bob = try store.createLead(makeLead("Bob", "Ray", company: "Rocket 🚀 Labs")).id
        try store.updateLead(id: ann, changes: [.lastName: "Łukasz", .company: "Green Farms", .email: "a@green.test"])
        XCTAssertEqual(try ids("lee"), [], "the old name is gone from the index")
        XCTAssertEqual(try ids("さくら"), [])
        XCTAssertEqual(try ids("lukasz"), [ann])
        try store.updateLead(id: ann, changes: [.jobTitle: "Buyer"])  // not searched: no index change
        let note = try store.addNote(toLead: bob, text: "pricing call 電話", author: "ana")
        try store.addNote(toLead: bob, text: "second visit", author: "ana")
        XCTAssertEqual(try ids("pricing"), [bob])
        XCTAssertEqual(try ids("電話"), [bob])
        try store.deleteNote(id: note.id)
        XCTAssertEqual(try ids("pricing"), [], "a deleted note's words leave the index")
        XCTAssertEqual(try ids("visit"), [bob], "the lead's other notes stay")
        try store.db.run("UPDATE notes SET text = 'contract signed' WHERE lead_id = ?", [.integer(bob)])
        XCTAssertEqual(try ids("visit"), [])
        XCTAssertEqual(try ids("contract"), [bob])
        try store.db.run("UPDATE notes SET lead_id = ? WHERE lead_id = ?", [.integer(ann), .integer(bob)])
        XCTAssertEqual(try ids("contract"), [ann], "a note moved to another lead moves its words")
        assertIndexMatchesLeads(store.db)
        try store.db.run("DELETE FROM leads WHERE id = ?", [.integer(ann)])
        XCTAssertEqual(try ids("contract"), [])
        XCTAssertEqual(try ids("rocket"), [bob])
        assertIndexMatchesLeads(store.db)
    }

    func testBulkImportAndRemoteApplyDeferTheirRowsAndStayExact() throws {
        let before = try store.createLead(makeLead("Old", "Timer")).id
        let imported = try store.transaction {
            let ids = try store.importLeads((0..<50).map { makeLead("Bulk\($0)", "Import", company: "Deferred") })
            try store.addNote(toLead: ids[0], text: "note while deferred", author: "ana")
            try store.updateLead(id: ids[1], changes: [.lastName: "Renamed"])
            try store.updateLead(id: before, changes: [.lastName: "Changed"])
            return ids
        }
        XCTAssertEqual(try ids("deferred").count, 50)
        XCTAssertEqual(try ids("renamed"), [imported[1]])
        XCTAssertEqual(try ids("while"), [imported[0]])
        XCTAssertEqual(try ids("timer"), [before])
        XCTAssertEqual(try ids("changed"), [before])
        assertIndexMatchesLeads(store.db)
        let remote = (0..<20).map { i in
            RemoteLead(remoteId: "r-\(i)", fields: ["first_name": "Remote\(i)", "last_name": "Pulled", "email": "r\(i)@example.com",
                                                    "phone": "+4915112345678", "company": "Wire", "assignee": "ana"])
        }
        _ = try store.applyRemoteLeads(provider: "bench", remote)
        XCTAssertEqual(try ids("pulled").count, 20)
        assertIndexMatchesLeads(store.db)
    }

    func testDemoSeedIndexesEveryLead() throws {
        let generator = DemoDataGenerator(seed: 7, now: 1_790_000_000, userCount: 3)
        try DemoSeeder(store: store, generator: generator).seed(leads: 300)
        assertIndexMatchesLeads(store.db)
        let first = generator.lead(0)
        XCTAssertTrue(try ids(SortKey.fold(first.lastName)).contains(1))
    }

    // MARK: - Migration from the layout with a content copy

    /// The search index as files before the size migration have it: FTS5 keeps its own copy of
    /// the text, with the triggers of that layout.
    static let oldLayout = """
        DROP TABLE IF EXISTS lead_fts_vocab; DROP TABLE IF EXISTS lead_fts; DROP VIEW IF EXISTS lead_fts_source;
        DROP TRIGGER leads_ai; DROP TRIGGER leads_bu_fts; DROP TRIGGER leads_au_fts; DROP TRIGGER leads_bd_fts;
        DROP TRIGGER notes_bi_fts; DROP TRIGGER notes_ai; DROP TRIGGER notes_bu_fts; DROP TRIGGER notes_au;
        DROP TRIGGER notes_bd_fts; DROP TRIGGER notes_ad;
        CREATE VIRTUAL TABLE lead_fts USING fts5(
            name, email, phone, company, notes,
            tokenize = "unicode61 remove_diacritics 2", prefix = '1 2 3', detail = none, columnsize = 0
        );
        CREATE VIRTUAL TABLE lead_fts_vocab USING fts5vocab(lead_fts, 'row');
        INSERT INTO lead_fts(rowid, name, email, phone, company, notes)
        SELECT l.id, closer_search_text(l.first_name || ' ' || l.last_name), closer_search_text(l.email), l.phone,
            closer_search_text(l.company),
            closer_search_text(coalesce((SELECT group_concat(text, ' ') FROM notes n WHERE n.lead_id = l.id), ''))
        FROM leads l;
        CREATE TRIGGER leads_ai AFTER INSERT ON leads
        WHEN (SELECT fts_deferred FROM bulk_state WHERE id = 1) IS NOT 1 BEGIN
            INSERT INTO lead_fts(rowid, name, email, phone, company, notes)
                VALUES (new.id, closer_search_text(new.first_name || ' ' || new.last_name), closer_search_text(new.email),
                        new.phone, closer_search_text(new.company), '');
        END;
        CREATE TRIGGER leads_au_fts AFTER UPDATE OF first_name, last_name, email, phone, company ON leads BEGIN
            UPDATE lead_fts SET name = closer_search_text(new.first_name || ' ' || new.last_name),
                email = closer_search_text(new.email), phone = new.phone, company = closer_search_text(new.company)
                WHERE rowid = new.id;
        END;
        CREATE TRIGGER leads_ad AFTER DELETE ON leads BEGIN
            DELETE FROM lead_fts WHERE rowid = old.id;
        END;
        CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
            UPDATE lead_fts SET notes = closer_search_text((SELECT group_concat(text, ' ') FROM notes WHERE lead_id = new.lead_id))
                WHERE rowid = new.lead_id;
            UPDATE leads SET last_activity = max(coalesce(last_activity, 0), new.created) WHERE id = new.lead_id;
        END;
        """

    /// Leads covering what search folds: accents, strokes, CJK bigrams, emoji, notes, e-mails, phones.
    private func seedVariedLeads() throws {
        try store.createLead(makeLead("Zoë", "Müller", company: "Straße & Co"))
        try store.createLead(makeLead("Łucja", "Wójcik", company: "株式会社さくら"))
        try store.createLead(makeLead("Ann", "Lee", company: "Green 🌱 Farms"))
        let generator = DemoDataGenerator(seed: 3, now: 1_790_000_000, userCount: 3)
        try DemoSeeder(store: store, generator: generator).seed(leads: 200)
        try store.addNote(toLead: 1, text: "pricing call 電話", author: "ana")
    }

    private static let queries = ["zoe", "mull", "muller", "strasse", "lucja", "さくら", "会社", "🌱", "pricing", "電話",
                                  "a", "an", "ann", "example", "4915", "z", "zo mü", "田中", "lee green"]

    func testOldLayoutFileMigratesToTheSameSearchResults() throws {
        try seedVariedLeads()
        for lead in 1...150 {  // long notes: the old layout's text copy is a good part of the file
            let words = (0..<400).map { "w\(($0 * 7919 + lead * 31) % 100_000)" }.joined(separator: " ")
            try store.addNote(toLead: Int64(lead), text: words, author: "ana")
        }
        let expected = try Self.queries.map { try ids($0) }
        XCTAssertTrue(expected.contains { $0.count > 1 }, "the queries find something")
        store = nil
        let raw = try Database(path: path)
        try raw.execute(Self.oldLayout)
        XCTAssertEqual(try raw.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'lead_fts_content'"), 1)
        try raw.execute("PRAGMA user_version = 4")  // every migration from v4 on runs again: all idempotent
        var notices: [String] = []
        store = try LeadStore(path: path, notice: { notices.append($0) })
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        XCTAssertEqual(try Self.queries.map { try ids($0) }, expected)
        XCTAssertEqual(try store.db.scalarInt("PRAGMA freelist_count"), 0, "the freed index pages were compacted away")
        XCTAssertTrue(notices.contains { $0.contains("compacting") }, "\(notices)")
        let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber
        XCTAssertEqual(wal?.intValue ?? 0, 0, "the compacted copy does not stay in the WAL")
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'lead_fts_content'"), 0)
        assertIndexMatchesLeads(store.db)
        try store.updateLead(id: 1, changes: [.firstName: "Quíntessa", .email: "q@example.com"])
        XCTAssertEqual(try ids("quintessa"), [1], "the triggers of the new layout work after the upgrade")
        XCTAssertFalse(try ids("zoe").contains(1))
        assertIndexMatchesLeads(store.db)
    }

    func testFileAtVersionElevenIsConvertedOnOpen() throws {
        // v11: the last version before the size migration (its data fix already run).
        try seedVariedLeads()
        let expected = try Self.queries.map { try ids($0) }
        store = nil
        let raw = try Database(path: path)
        try raw.execute(Self.oldLayout)
        try raw.execute("""
            DROP INDEX leads_name_scope;
            CREATE INDEX leads_name ON leads(sort_name) WHERE deleted = 0;
            CREATE INDEX leads_owner_name ON leads(owner, sort_name) WHERE deleted = 0;
            CREATE INDEX leads_source_name ON leads(source, sort_name) WHERE deleted = 0;
            CREATE INDEX notes_lead ON notes(lead_id);
            PRAGMA user_version = 11;
            """)
        store = try LeadStore(path: path)
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        let indexes = try store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").rows { $0.text(0) }
        XCTAssertTrue(indexes.contains("leads_name_scope"))
        XCTAssertFalse(indexes.contains { ["leads_name", "leads_owner_name", "leads_source_name", "notes_lead"].contains($0) }, "\(indexes)")
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'lead_fts_content'"), 0)
        XCTAssertEqual(try Self.queries.map { try ids($0) }, expected)
        XCTAssertEqual(try store.leads(filter: LeadFilter(owners: ["ana"]), limit: 500).count,
                       try store.countLeads(filter: LeadFilter(owners: ["ana"])))
        assertIndexMatchesLeads(store.db)
    }

    func testSizeMigrationConvertsAnOldIndexAndIsIdempotent() throws {
        try seedVariedLeads()
        let expected = try Self.queries.map { try ids($0) }
        try store.db.execute(Self.oldLayout)
        var notices: [String] = []
        store.db.notice = { notices.append($0) }
        try Schema.useExternalSearchContent(store.db)
        XCTAssertEqual(try Self.queries.map { try ids($0) }, expected)
        assertIndexMatchesLeads(store.db)
        try Schema.useExternalSearchContent(store.db)  // a second run changes nothing
        XCTAssertEqual(try Self.queries.map { try ids($0) }, expected)
        assertIndexMatchesLeads(store.db)
        XCTAssertEqual(notices, [], "a small file is re-indexed without a progress message")
    }
}
