import Core
import Foundation
import XCTest
@testable import Store

/// The second size step (issue 11): the e-mail index keyed by `closer_email_key`, the created
/// order read from `leads_touch_created`, and the migration that upgrades a file made before it.
final class CompactIndexesTests: StoreTestCase {
    private func lead(_ first: String, email: String) throws -> Int64 {
        var lead = makeLead(first, "Key")
        lead.email = email
        return try store.createLead(lead).id
    }

    func testEmailLookupsCompareTheAddressBehindTheKey() throws {
        // FNV-1a 32-bit collision: the same key, different addresses.
        XCTAssertEqual(EmailKeyFunction.key("lead772945@example.com".utf8), EmailKeyFunction.key("lead1504310@example.com".utf8))
        let first = try lead("A", email: "lead772945@example.com")
        let colliding = try lead("B", email: "lead1504310@example.com")
        let upper = try lead("C", email: "Lead772945@Example.COM")
        _ = try lead("D", email: "")
        XCTAssertEqual(try store.leadIds(withEmail: "lead772945@example.com"), [first], "exact first, no colliding address")
        XCTAssertEqual(try store.leadIds(withEmail: "lead1504310@example.com"), [colliding])
        XCTAssertEqual(try store.leadIds(withEmail: "LEAD772945@EXAMPLE.com"), [first, upper], "then ignoring case")
        XCTAssertEqual(try store.leadIds(withEmail: ""), [], "an empty address finds nothing")
        try store.updateLead(id: first, changes: [.email: "moved@example.com"])
        XCTAssertEqual(try store.leadIds(withEmail: "lead772945@example.com"), [upper], "the key follows edits")
        XCTAssertEqual(try store.leadIds(withEmail: "moved@example.com"), [first])
    }

    func testEmailAndCreatedQueriesUseTheSmallIndexes() throws {
        func plan(_ sql: String) throws -> String {
            try store.db.prepare("EXPLAIN QUERY PLAN " + sql).rows([.text("a@example.com"), .integer(0)]) { $0.text(3) }
                .joined(separator: "\n")
        }
        for match in [EmailKeyFunction.exactMatch, EmailKeyFunction.caseInsensitiveMatch] {
            let lookup = try plan("SELECT id FROM leads WHERE \(match) AND deleted = 0 AND ?2 = 0 ORDER BY id LIMIT 10")
            XCTAssertTrue(lookup.contains("INDEX leads_email_key"), "no table scan for \(match): \(lookup)")
        }
        let remote = try plan("""
            SELECT id FROM leads l WHERE \(EmailKeyFunction.exactMatch) AND NOT EXISTS (SELECT 1 FROM remote_ids r
                WHERE r.provider = 'p' AND r.kind = 'lead' AND r.local_id = l.id AND ?2 = 0) ORDER BY id LIMIT 1
            """)
        XCTAssertTrue(remote.contains("INDEX leads_email_key"), remote)
        let created = try plan("SELECT id FROM leads INDEXED BY leads_touch_created WHERE deleted = 0 AND ?1 <> '' "
                               + "AND (created, id) > (?2, 0) ORDER BY created, id LIMIT 50")
        XCTAssertTrue(created.contains("leads_touch_created (created>?)"), created)
    }

    func testFileMadeBeforeTheStepIsUpgradedAndAnswersTheSame() throws {
        try DemoSeeder(store: store, generator: DemoDataGenerator(seed: 3, now: 1_790_000_000, userCount: 4)).seed(leads: 400)
        let sort = LeadSort(.created, ascending: false)
        let expected = try store.leads(sort: sort, limit: 400).map(\.id)
        let email = try XCTUnwrap(store.db.scalarText("SELECT email FROM leads WHERE id = 17"))
        store = nil
        let raw = try Database(path: path)
        try raw.execute("""
            DROP INDEX leads_email_key;
            CREATE INDEX leads_email ON leads(email);
            CREATE INDEX leads_created ON leads(created) WHERE deleted = 0;
            CREATE INDEX appointments_start ON appointments(start);
            PRAGMA user_version = 14;
            """)
        var notices: [String] = []
        store = try LeadStore(path: path, notice: { notices.append($0) })
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        let indexes = try store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").rows { $0.text(0) }
        XCTAssertTrue(indexes.contains("leads_email_key"))
        XCTAssertFalse(indexes.contains { ["leads_email", "leads_created", "appointments_start"].contains($0) }, "\(indexes)")
        XCTAssertEqual(try store.leads(sort: sort, limit: 400).map(\.id), expected)
        XCTAssertEqual(try store.leadIds(withEmail: email), [17])
        XCTAssertFalse(notices.contains { $0.contains("smaller indexes") }, "a small file is upgraded without a progress message")
        try Schema.compactIndexes(store.db)  // idempotent
        XCTAssertEqual(try store.leadIds(withEmail: email.uppercased()), [17])
    }
}
