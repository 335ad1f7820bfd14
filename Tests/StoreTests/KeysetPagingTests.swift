import Core
import Foundation
import XCTest
@testable import Store

/// Keyset windows must return exactly what OFFSET paging over the same ORDER BY returns.
final class KeysetPagingTests: StoreTestCase {
    private let owners = ["ana", "bo", "cy"]

    override func setUpWithError() throws {
        try super.setUpWithError()
        let firsts = ["Zoë", "Zoe", "Ann", "ann", "Émile", "Bob", "田中", "Ünal", "Zoë"]
        let lasts = ["Müller", "Muller", "Lee", "Lee", "Smith"]
        var leads: [Lead] = []
        for i in 0..<240 {
            // Many ties: names repeat, creation times repeat every 7 leads.
            var lead = makeLead(firsts[i % firsts.count], lasts[i % lasts.count],
                                status: LeadStatus.allCases[i % 6], source: i % 5 == 0 ? nil : LeadSource.allCases[i % 9],
                                owner: owners[i % 3], created: 1_700_000_000 + Int64(i % 7) * 3600)
            lead.email = "lead\(i)@example.com"
            leads.append(lead)
        }
        for user in owners { try store.upsertUser(User(username: user, displayName: user)) }
        let ids = try store.transaction { try leads.map { try store.createLead($0).id } }
        // Half the leads have no pending change (as if pushed), a few are deleted.
        for id in ids where id % 2 == 0 {
            for entry in try store.outboxEntries(forLead: id) { try store.markOutboxDone(entry.id) }
        }
        try store.deleteLeads([ids[3], ids[50], ids[51]])
    }

    /// The reference: OFFSET paging with a hand-written WHERE and ORDER BY.
    private func offsetIds(where condition: String, order: String, pageSize: Int) throws -> [Int64] {
        var result: [Int64] = []
        var offset = 0
        while true {
            let page = try store.db.prepare("""
                SELECT id FROM leads WHERE deleted = 0 AND (\(condition)) ORDER BY \(order) LIMIT \(pageSize) OFFSET \(offset)
                """).rows { $0.int64(0) }
            result += page
            if page.count < pageSize { return result }
            offset += pageSize
        }
    }

    private func keysetForward(_ filter: LeadFilter, _ sort: LeadSort, pageSize: Int) throws -> [Int64] {
        var rows = try store.leads(filter: filter, sort: sort, limit: pageSize)
        var result = rows.map(\.id)
        while let last = rows.last, rows.count == pageSize {
            rows = try store.leads(filter: filter, sort: sort, after: last.cursor, limit: pageSize)
            result += rows.map(\.id)
        }
        return result
    }

    private func keysetBackward(_ filter: LeadFilter, _ sort: LeadSort, pageSize: Int) throws -> [Int64] {
        var rows = try store.lastLeads(filter: filter, sort: sort, limit: pageSize)
        var result = rows.map(\.id)
        while let first = rows.first, rows.count == pageSize {
            rows = try store.leads(filter: filter, sort: sort, before: first.cursor, limit: pageSize)
            result = rows.map(\.id) + result
        }
        return result
    }

    private func check(_ filter: LeadFilter, _ sort: LeadSort, where condition: String, order: String,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try offsetIds(where: condition, order: order, pageSize: 11)
        XCTAssertFalse(expected.isEmpty, "the case must select something", file: file, line: line)
        for pageSize in [1, 7, 50] {
            XCTAssertEqual(try keysetForward(filter, sort, pageSize: pageSize), expected,
                           "forward, page \(pageSize)", file: file, line: line)
            XCTAssertEqual(try keysetBackward(filter, sort, pageSize: pageSize), expected,
                           "backward, page \(pageSize)", file: file, line: line)
        }
        XCTAssertEqual(try store.countLeads(filter: filter), expected.count, "count", file: file, line: line)
    }

    func testNameOrderMatchesOffsetPagingBothWays() throws {
        try check(.all, .nameAscending, where: "1", order: "sort_name, id")
        try check(.all, LeadSort(.name, ascending: false), where: "1", order: "sort_name DESC, id DESC")
    }

    func testCreatedAndUpdatedOrdersWithTiesMatchOffsetPaging() throws {
        try check(.all, LeadSort(.created), where: "1", order: "created, id")
        try check(.all, LeadSort(.created, ascending: false), where: "1", order: "created DESC, id DESC")
        try check(.all, LeadSort(.updated, ascending: false), where: "1", order: "updated DESC, id DESC")
    }

    func testStatusOrderMatchesOffsetPaging() throws {
        try check(.all, LeadSort(.status), where: "1", order: "status, sort_name, id")
        try check(.all, LeadSort(.status, ascending: false), where: "1", order: "status DESC, sort_name DESC, id DESC")
    }

    func testStatusSetFilterMatchesOffsetPaging() throws {
        let filter = LeadFilter(statuses: [.customer, .prospect])
        try check(filter, .nameAscending, where: "status IN (0, 5)", order: "sort_name, id")
        try check(filter, LeadSort(.status, ascending: false), where: "status IN (0, 5)",
                  order: "status DESC, sort_name DESC, id DESC")
        try check(filter, LeadSort(.created), where: "status IN (0, 5)", order: "created, id")
    }

    func testOwnerAndSourceFiltersMatchOffsetPaging() throws {
        try check(LeadFilter(owners: ["ana"]), .nameAscending, where: "owner = 'ana'", order: "sort_name, id")
        try check(LeadFilter(owners: ["ana", "cy"]), LeadSort(.created, ascending: false),
                  where: "owner IN ('ana', 'cy')", order: "created DESC, id DESC")
        try check(LeadFilter(sources: [.website, .facebook], owners: ["bo"]), .nameAscending,
                  where: "source IN (1, 2) AND owner = 'bo'", order: "sort_name, id")
        try check(LeadFilter(statuses: [.tentative], sources: [.website, .direct, .twitter]), LeadSort(.status),
                  where: "status = 1 AND source IN (0, 1, 3)", order: "status, sort_name, id")
    }

    func testPendingAndSearchFiltersMatchOffsetPaging() throws {
        try check(LeadFilter(hasPending: true), .nameAscending, where: "has_pending = 1", order: "sort_name, id")
        try check(LeadFilter(statuses: [.potential], hasPending: true), LeadSort(.updated),
                  where: "has_pending = 1 AND status = 2", order: "updated, id")
        let zoe = "id IN (SELECT rowid FROM lead_fts WHERE lead_fts MATCH '\"zoe\"*')"
        try check(LeadFilter(search: "zoe"), .nameAscending, where: zoe, order: "sort_name, id")
        try check(LeadFilter(owners: ["ana"], search: "zoe"), LeadSort(.created, ascending: false),
                  where: "owner = 'ana' AND " + zoe, order: "created DESC, id DESC")
    }

    func testCursorJumpAndInclusiveWindowStartAtTheLead() throws {
        let all = try keysetForward(.all, .nameAscending, pageSize: 50)
        let target = all[100]
        let cursor = try XCTUnwrap(store.cursor(forLead: target, sort: .nameAscending))
        XCTAssertEqual(try store.leads(after: cursor, including: true, limit: 3).map(\.id), Array(all[100..<103]))
        XCTAssertEqual(try store.leads(after: cursor, limit: 3).map(\.id), Array(all[101..<104]))
        XCTAssertEqual(try store.leads(before: cursor, limit: 3).map(\.id), Array(all[97..<100]))
        let jumped = try XCTUnwrap(store.cursor(atPosition: 100))
        XCTAssertEqual(jumped.id, target)
        XCTAssertNil(try store.cursor(atPosition: all.count))
    }

    func testPositionOfLeadEqualsItsIndexInTheOrder() throws {
        for (filter, sort) in [(LeadFilter.all, LeadSort.nameAscending),
                               (LeadFilter(statuses: [.customer, .closed]), LeadSort(.created, ascending: false)),
                               (LeadFilter(owners: ["bo"]), LeadSort(.status))] {
            let order = try keysetForward(filter, sort, pageSize: 50)
            for index in [0, order.count / 2, order.count - 1] {
                XCTAssertEqual(try store.position(ofLead: order[index], filter: filter, sort: sort), index)
            }
        }
        let outside = try XCTUnwrap(store.leads(filter: LeadFilter(owners: ["ana"]), limit: 1).first)
        XCTAssertNil(try store.position(ofLead: outside.id, filter: LeadFilter(owners: ["bo"])))
    }
}
