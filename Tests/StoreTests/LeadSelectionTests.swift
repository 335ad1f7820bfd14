import Core
import Foundation
import XCTest
@testable import Store

/// `LeadSelection`: the filter as a selection, resolved and edited in one transaction.
final class LeadSelectionTests: StoreTestCase {
    private func seedMixed() throws -> (website: [Int64], other: [Int64]) {
        var website: [Int64] = [], other: [Int64] = []
        for i in 0..<30 {
            let source: LeadSource = i % 3 == 0 ? .website : .facebook
            let id = try store.createLead(makeLead("Name\(i)", "Zoellner\(i % 2 == 0 ? "" : "x")", source: source)).id
            if source == .website { website.append(id) } else { other.append(id) }
        }
        for entry in try store.outboxEntries() { try store.markOutboxDone(entry.id) }
        return (website, other)
    }

    func testEverythingIsTheFilterMinusExclusionsAndCountsAgree() throws {
        let (website, _) = try seedMixed()
        var selection = LeadSelection(filter: LeadFilter(sources: [.website]), everything: true)
        XCTAssertEqual(try store.leadIds(in: selection), website)
        XCTAssertEqual(try store.countLeads(in: selection), website.count)
        selection.toggle(website[0])
        XCTAssertEqual(try store.leadIds(in: selection), Array(website.dropFirst()))
        XCTAssertEqual(try store.countLeads(in: selection), website.count - 1)
        selection.toggle(website[0])
        XCTAssertEqual(try store.countLeads(in: selection), website.count)
    }

    func testMarkedIdsOutsideTheFilterAreNotSelected() throws {
        let (website, other) = try seedMixed()
        let selection = LeadSelection(filter: LeadFilter(sources: [.website]), ids: [website[1], other[0]])
        XCTAssertEqual(try store.leadIds(in: selection), [website[1]])
        XCTAssertEqual(try store.countLeads(in: selection), 1)
    }

    func testSearchSelectionIsTheSearchResult() throws {
        _ = try seedMixed()
        let filter = LeadFilter(search: "zoellnerx")
        let selection = LeadSelection(filter: filter, everything: true)
        XCTAssertEqual(try store.leadIds(in: selection), try store.leads(filter: filter, limit: 100).map(\.id).sorted())
        XCTAssertEqual(try store.countLeads(in: selection), 15)
    }

    func testBulkAssignQueuesOnlyChangedLeadsMergingEarlierEditsAndKeepsTheCube() throws {
        let (website, other) = try seedMixed()
        try store.updateLead(id: website[0], changes: [.lastName: "Edited"])
        try store.assign("ben", toLeads: [website[1]])
        let selection = LeadSelection(filter: LeadFilter(sources: [.website]), everything: true)
        XCTAssertEqual(try store.assign("ben", toLeadsIn: selection), website.count)
        let entries = try store.outboxEntries()
        XCTAssertEqual(entries.count, website.count, "one entry per lead: merged, not duplicated")
        XCTAssertEqual(entries.first { $0.recordId == website[0] }?.payload, ["last_name": "Edited", "assignee": "ben"])
        XCTAssertEqual(entries.first { $0.recordId == website[1] }?.payload, ["assignee": "ben"])
        XCTAssertEqual(try store.countsByOwner(), ["ben": website.count, "ana": other.count])
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(owners: ["ben"])), website.count)
        XCTAssertEqual(try store.leads(filter: LeadFilter(owners: ["ben"]), limit: 100).count, website.count, "index agrees")
    }

    func testBulkDeleteIsOneTransaction() throws {
        let (website, _) = try seedMixed()
        try store.db.execute("""
            CREATE TEMP TRIGGER fail_late BEFORE INSERT ON outbox WHEN new.record_id = \(website.last!)
            BEGIN SELECT RAISE(ABORT, 'boom'); END
            """)
        XCTAssertThrowsError(try store.deleteLeads(in: LeadSelection(filter: LeadFilter(sources: [.website]), everything: true)))
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(sources: [.website])), website.count, "all or nothing")
        XCTAssertEqual(try store.outboxEntries(), [])
    }
}
