import Core
import Foundation
import XCTest
@testable import Store

/// The third size step (issue 11): activities store a known type as a code and its usual text
/// as '', exactly reversible, and the v21 migration re-encodes a file made before it.
final class ActivityCodingTests: StoreTestCase {
    /// Types and texts that must survive the coding, the escapes included.
    private let tricky: [(type: String, text: String)] = [
        ("created", ""), ("created", "Lead created"), ("created", "Lead created by ana"), ("call", "=x"),
        ("call", "Outbound call, 5 minutes"), ("1", "t"), ("=", ""), ("=0", "=y"), ("visit", "Intro meeting held"),
        ("conflict", "status: new → won"), ("conflict", ""), ("", "no type"), ("note", "==z"),
    ]

    func testEveryTypeAndTextRoundTrips() {
        for (type, text) in tricky {
            let storedType = ActivityCoding.stored(type: type), storedText = ActivityCoding.stored(text: text, type: type)
            let back = ActivityCoding.decoded(type: storedType, text: storedText)
            XCTAssertEqual(back.type, type, "type of \(type) / \(text)")
            XCTAssertEqual(back.text, text, "text of \(type) / \(text)")
        }
        XCTAssertEqual(ActivityCoding.stored(type: "created"), "0")
        XCTAssertEqual(ActivityCoding.stored(text: "Lead created", type: "created"), "", "the usual text is not stored")
        XCTAssertEqual(ActivityCoding.stored(type: "1"), "=1", "a one-character type cannot pass for a code")
    }

    func testSeededActivitiesStoreOnlyCodes() throws {
        try DemoSeeder(store: store, generator: DemoDataGenerator(seed: 5, now: 1_790_000_000, userCount: 3)).seed(leads: 200)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM activities WHERE length(type) <> 1 OR text <> ''"), 0,
                       "every demo activity is a known type with its usual text")
        let detail = try XCTUnwrap(store.leadDetail(id: 1))
        XCTAssertEqual(detail.activities.last?.type, "created")
        XCTAssertEqual(detail.activities.last?.text, "Lead created")
        let timeline = try store.timeline(leadId: 1, limit: 50).compactMap { entry -> String? in
            if case .activity(let a) = entry.content { return a.type + ": " + a.text }
            return nil
        }
        XCTAssertEqual(timeline.first, "created: Lead created")
    }

    func testFileMadeBeforeTheCodingIsUpgradedAndReadsTheSame() throws {
        try DemoSeeder(store: store, generator: DemoDataGenerator(seed: 3, now: 1_790_000_000, userCount: 4)).seed(leads: 300)
        for (n, item) in tricky.enumerated() {
            _ = try store.addActivity(toLead: 2, type: item.type, text: item.text, at: Date(timeIntervalSince1970: TimeInterval(1_700_000_000 + n)))
        }
        func snapshot(_ store: LeadStore) throws -> [String] {
            try (1...300).flatMap { id -> [String] in
                let detail = try XCTUnwrap(store.leadDetail(id: Int64(id)))
                return detail.activities.map { "\($0.id) \($0.leadId) \($0.type)|\($0.text)| \($0.createdAt.timeIntervalSince1970)" }
            } + store.db.prepare("SELECT id, first_touch_at, last_touch_at, last_activity FROM leads ORDER BY id").rows {
                "\($0.int64(0)) \($0.optionalInt64(1) ?? -1) \($0.optionalInt64(2) ?? -1) \($0.optionalInt64(3) ?? -1)"
            }
        }
        let expected = try snapshot(store)
        let triggers = try store.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").rows { $0.text(0) + $0.text(1) }
        store = nil

        // The file as main wrote it (v19): plain types and texts, the table's first definition.
        let raw = try Database(path: path)
        let rows = try raw.prepare("SELECT id, lead_id, type, text, created, provider, remote_id FROM activities").rows { s -> [SQLValue] in
            let plain = ActivityCoding.decoded(type: s.text(2), text: s.text(3))
            return [.integer(s.int64(0)), .integer(s.int64(1)), .text(plain.type), .text(plain.text), .integer(s.int64(4)),
                    s.optionalText(5).map(SQLValue.text) ?? .null, s.optionalText(6).map(SQLValue.text) ?? .null]
        }
        let triggerNames = try raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").rows { $0.text(0) }
        for name in triggerNames { try raw.execute("DROP TRIGGER \"\(name)\"") }
        try raw.execute("""
            DROP TABLE activities;
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
            PRAGMA user_version = 19;
            """)
        for row in rows { try raw.run("INSERT INTO activities VALUES (?, ?, ?, ?, ?, ?, ?)", row) }
        XCTAssertEqual(try raw.scalarInt("SELECT count(*) FROM activities WHERE type = 'created' AND text = 'Lead created'"), 301)

        store = try LeadStore(path: path)
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        XCTAssertEqual(try snapshot(store), expected, "every activity, touch and last activity as before")
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM activities WHERE text = 'Lead created'"), 0, "re-encoded")
        XCTAssertEqual(try store.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").rows { $0.text(0) + $0.text(1) },
                       triggers, "the same triggers as a new file")
        let indexes = try store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'activities'").rows { $0.text(0) }
        XCTAssertEqual(Set(indexes), ["activities_lead", "activities_remote"])

        try Schema.compactActivities(store.db)  // idempotent
        XCTAssertEqual(try snapshot(store), expected)

        // The creation activity is still no touch, the others are.
        let lead = try store.createLead(makeLead("Touch", "Less"))
        _ = try store.addActivity(toLead: lead.id, type: "created", text: "Lead created", at: Date(timeIntervalSince1970: 1_800_000_000))
        XCTAssertNil(try store.db.scalarInt("SELECT first_touch_at FROM leads WHERE id = ?", [.integer(lead.id)]))
        _ = try store.addActivity(toLead: lead.id, type: "call", text: "Outbound call, 5 minutes", at: Date(timeIntervalSince1970: 1_800_000_100))
        XCTAssertEqual(try store.db.scalarInt("SELECT first_touch_at FROM leads WHERE id = ?", [.integer(lead.id)]), 1_800_000_100)
    }
}
