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
}
