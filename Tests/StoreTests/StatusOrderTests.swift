import Core
import Foundation
import XCTest
@testable import Store

/// The status order without a (status, name) index (size 3, issue 11): one read of the name
/// index per status, merged; jumps, positions and inclusive windows give the same rows as
/// OFFSET over `ORDER BY status, sort_name, id`, and no query sorts the table.
final class StatusOrderTests: StoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        let firsts = ["Zoë", "Ann", "ann", "Bob", "田中", "Ünal"]
        // No lead is "qualified"-like: the last status has none, so its read is skipped.
        let statuses = Array(LeadStatus.allCases.dropLast())
        try store.transaction {
            for i in 0..<150 {
                _ = try store.createLead(makeLead(firsts[i % firsts.count], "L\(i % 4)", status: statuses[i % statuses.count],
                                                  owner: ["ana", "bo"][i % 2]))
            }
        }
    }

    private func reference(_ order: String, where condition: String = "1") throws -> [Int64] {
        try store.db.prepare("SELECT id FROM leads WHERE deleted = 0 AND \(condition) ORDER BY \(order)").rows { $0.int64(0) }
    }

    func testJumpsPositionsAndInclusiveWindowsFollowTheStatusOrder() throws {
        for (sort, order) in [(LeadSort(.status), "status, sort_name, id"),
                              (LeadSort(.status, ascending: false), "status DESC, sort_name DESC, id DESC")] {
            let expected = try reference(order)
            XCTAssertEqual(expected.count, 150)
            for position in [0, 1, 29, 30, 74, 149] {
                let cursor = try XCTUnwrap(store.cursor(atPosition: position, sort: sort), "\(sort) \(position)")
                XCTAssertEqual(cursor.id, expected[position], "jump to \(position), \(order)")
                XCTAssertEqual(try store.position(ofLead: expected[position], sort: sort), position, "position, \(order)")
                XCTAssertEqual(try store.leads(sort: sort, after: cursor, including: true, limit: 3).map(\.id),
                               Array(expected[position..<min(150, position + 3)]), "inclusive window at \(position)")
                XCTAssertEqual(try store.leads(sort: sort, before: cursor, limit: 2).map(\.id),
                               Array(expected[max(0, position - 2)..<position]), "window before \(position)")
            }
            XCTAssertNil(try store.cursor(atPosition: 150, sort: sort), "past the end")
            XCTAssertEqual(try store.lastLeads(sort: sort, limit: 4).map(\.id), Array(expected.suffix(4)))
        }
        let bo = LeadFilter(owners: ["bo"])
        let expected = try reference("status, sort_name, id", where: "owner = 'bo'")
        XCTAssertEqual(try store.cursor(atPosition: 40, filter: bo, sort: LeadSort(.status))?.id, expected[40])
        XCTAssertEqual(try store.position(ofLead: expected[40], filter: bo, sort: LeadSort(.status)), 40)
    }

    func testStatusOrderQueriesReadTheNameIndexWithoutSortingIt() throws {
        let cursor = try XCTUnwrap(store.cursor(atPosition: 70, sort: LeadSort(.status)))
        var builder = try store.builder(.all, LeadSort(.status))
        XCTAssertEqual(builder.liveStatuses?.count, LeadStatus.allCases.count - 1, "the empty status is known")
        XCTAssertEqual(builder.driver?.1.count, LeadStatus.allCases.count - 1, "one read per status with leads")
        builder.liveStatuses = nil
        XCTAssertEqual(builder.driver?.1.count, LeadStatus.allCases.count)
        builder = try store.builder(.all, LeadSort(.status))
        func plan(_ query: (sql: String, values: [SQLValue])) throws -> String {
            try store.db.prepare("EXPLAIN QUERY PLAN " + query.sql).rows(query.values) { $0.text(3) }.joined(separator: "; ")
        }
        let window = try plan(builder.window(cursor: cursor, forward: true, inclusive: false, limit: 50))
        XCTAssertTrue(window.contains("leads_name_scope (sort_name>?)"), window)
        XCTAssertFalse(window.contains("SCAN leads;") || window.hasSuffix("SCAN leads"), window)
        let jump = try plan(builder.keys(atOffset: 70))
        XCTAssertTrue(jump.contains("MERGE (UNION ALL)"), jump)
        XCTAssertFalse(jump.contains("TEMP B-TREE"), "the parts are merged in index order: \(jump)")
        let count = try plan(builder.count(before: cursor))
        XCTAssertTrue(count.contains("COVERING INDEX leads_name_scope") || count.contains("USING INDEX leads_name_scope"), count)
        XCTAssertFalse(try store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").rows { $0.text(0) }
            .contains("leads_status_name"))
    }

    func testMigrationDropsTheStatusIndex() throws {
        try store.db.execute("CREATE INDEX leads_status_name ON leads(status, sort_name) WHERE deleted = 0; PRAGMA user_version = 21;")
        let order = try reference("status, sort_name, id")
        store = nil
        store = try LeadStore(path: path)
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        XCTAssertFalse(try store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").rows { $0.text(0) }
            .contains("leads_status_name"))
        XCTAssertEqual(try store.leads(sort: LeadSort(.status), limit: 150).map(\.id), order)
        try Schema.dropStatusNameIndex(store.db)  // idempotent
    }
}
