import Core
import Foundation
import XCTest
@testable import Store

final class DemoSeederTests: StoreTestCase {
    func testSeededLeadsAreSearchableCountedAndNotQueued() throws {
        let generator = DemoDataGenerator(seed: 7, now: 1_790_000_000, userCount: 4)
        var seeder = DemoSeeder(store: store, generator: generator)
        seeder.batchSize = 64
        var progress: [Int] = []
        let summary = try seeder.seed(leads: 300) { progress.append($0) }
        XCTAssertEqual(summary.leads, 300)
        XCTAssertEqual(progress.last, 300)
        XCTAssertEqual(try store.countLeads(), 300)
        XCTAssertEqual(try store.outboxEntries(), [], "demo data is not pushed anywhere")
        XCTAssertEqual(try store.users().count, 4)
        XCTAssertEqual(try store.countsByStatus().values.reduce(0, +), 300)
        let first = generator.lead(0)
        XCTAssertEqual(try store.lead(id: 1)?.email, first.email)
        XCTAssertTrue(try store.leads(filter: LeadFilter(search: first.email), limit: 5).contains { $0.id == 1 })
        XCTAssertEqual(try store.diagnostics().tableCounts["notes"], summary.notes)
        XCTAssertTrue(try store.diagnostics().isHealthy)
    }

    func testTriggersWorkAgainAfterSeeding() throws {
        try DemoSeeder(store: store, generator: DemoDataGenerator(seed: 7, now: 1_790_000_000)).seed(leads: 50)
        let id = try store.createLead(makeLead("Zyx", "Unique")).id
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "zyx")).map(\.id), [id])
        XCTAssertEqual(try store.countLeads(), 51)
        XCTAssertEqual(try store.leads(filter: LeadFilter(hasPending: true)).map(\.id), [id])
        try DemoSeeder(store: store, generator: DemoDataGenerator(seed: 8, now: 1_790_000_000)).seed(leads: 10)
        XCTAssertEqual(try store.countLeads(), 61, "a second seed appends")
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "zyx")).map(\.id), [id])
    }

    func testSeededTouchesAreWhatTheDashboardPassWouldCompute() throws {
        try DemoSeeder(store: store, generator: DemoDataGenerator(seed: 7, now: 1_790_000_000)).seed(leads: 400)
        let read = "SELECT id, first_touch_at, last_touch_at FROM leads ORDER BY id"
        let seeded = try store.db.prepare(read).rows { "\($0.int64(0)) \($0.optionalInt64(1) as Any) \($0.optionalInt64(2) as Any)" }
        XCTAssertTrue(try store.db.scalarInt("SELECT count(*) FROM leads WHERE first_touch_at IS NOT NULL") ?? 0 > 100)
        XCTAssertTrue(try store.db.scalarInt("SELECT count(*) FROM leads WHERE first_touch_at IS NULL") ?? 0 > 10)
        try store.db.execute("UPDATE leads SET first_touch_at = NULL, last_touch_at = NULL")
        try store.db.run(Schema.fillTouches, [.integer(0)])
        XCTAssertEqual(try store.db.prepare(read).rows { "\($0.int64(0)) \($0.optionalInt64(1) as Any) \($0.optionalInt64(2) as Any)" }, seeded)
    }

    /// Seed speed (issue 11): the seeder counts the dashboard aggregates in Swift; they must be
    /// what the SQL fill computes from the rows, also when a second seed adds to a file.
    func testSeededAggregatesAreWhatTheSQLFillComputes() throws {
        try DemoSeeder(store: store, generator: DemoDataGenerator(seed: 7, now: 1_790_000_000, userCount: 3)).seed(leads: 700)
        try DemoSeeder(store: store, generator: DemoDataGenerator(seed: 9, now: 1_790_100_000, userCount: 5)).seed(leads: 300)
        let tables = ["lead_cube", "dash_created", "dash_idle", "dash_speed", "dash_speed_all", "dash_appointments"]
        func snapshot() throws -> [String: [String]] {
            var rows: [String: [String]] = [:]
            for table in tables {
                let columns = try store.db.prepare("SELECT name FROM pragma_table_info('\(table)')").rows { $0.text(0) }
                let live = table == "dash_created" ? "leads <> 0" : "count <> 0"  // rows that fell to 0 may stay
                let select = "SELECT " + columns.map { "quote(\($0))" }.joined(separator: " || ' ' || ")
                    + " FROM \(table) WHERE \(live) ORDER BY 1"
                rows[table] = try store.db.prepare(select).rows { $0.text(0) }
            }
            rows["dash_speed_delays"] = try store.speedDelayRows()  // size-leads: the exact delays, as multisets
            return rows
        }
        let seeded = try snapshot()
        XCTAssertGreaterThan(seeded["dash_speed_delays"]?.count ?? 0, 100)
        XCTAssertGreaterThan(seeded["dash_appointments"]?.count ?? 0, 50)
        XCTAssertGreaterThan(seeded["dash_idle"]?.count ?? 0, 100)
        try store.db.transaction {
            try store.db.execute(Schema.rebuildCube)
            try Schema.rebuildDashboardAggregates(store.db)
        }
        let rebuilt = try snapshot()
        for table in tables + ["dash_speed_delays"] {
            let difference = Set(seeded[table] ?? []).symmetricDifference(rebuilt[table] ?? [])
            XCTAssertTrue(difference.isEmpty, "\(table): \(difference.count) rows differ, e.g. \(difference.sorted().prefix(3))")
        }
    }

    /// The search rows the seeder writes itself are the view's (FTS5 compares them), so a later
    /// edit removes exactly the old terms.
    func testSeededSearchRowsMatchTheView() throws {
        try DemoSeeder(store: store, generator: DemoDataGenerator(seed: 11, now: 1_790_000_000)).seed(leads: 500)
        XCTAssertNoThrow(try store.db.execute("INSERT INTO lead_fts(lead_fts, rank) VALUES ('integrity-check', 1)"))
        let hashSize = try store.db.scalarInt("SELECT v FROM lead_fts_config WHERE k = 'hashsize'")
        XCTAssertEqual(hashSize, 1 << 20, "the seed's big FTS buffer is not left in the file")
        var lead = try XCTUnwrap(store.lead(id: 5))
        lead.lastName = "Qwxyzzy"
        _ = try store.updateLead(lead)
        _ = try store.addNote(toLead: 5, text: "Plover nuance", author: "ana")
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "qwxyzzy plover")).map(\.id), [5])
        XCTAssertNoThrow(try store.db.execute("INSERT INTO lead_fts(lead_fts, rank) VALUES ('integrity-check', 1)"))
    }
}
