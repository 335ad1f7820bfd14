import Core
import Foundation
import XCTest
@testable import Store

/// A delete the server refuses must leave the lead reachable: listed, filtered, searched, counted.
final class RejectedDeleteTests: StoreTestCase {
    private var ids: [Int64] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        ids = try ["Ann Lee", "Bob Ray", "Cleo Zoellner"].map {
            let parts = $0.split(separator: " ").map(String.init)
            return try store.createLead(makeLead(parts[0], parts[1], owner: "ben")).id
        }
        for entry in try store.outboxEntries() { try store.markOutboxDone(entry.id) }
    }

    /// Deletes the lead and lets the "server" refuse it, as the push engine records a 401 "request".
    private func deleteAndReject(_ id: Int64) throws -> Int64 {
        try store.deleteLead(id: id)
        let entry = try XCTUnwrap(store.outboxEntries(forLead: id).last)
        try store.markOutboxInflight([entry.id])
        try store.markOutboxRejected(entry.id, messages: ["request": ["You do not have permission to perform this action."]])
        return entry.id
    }

    func testRejectedDeleteLeavesTheLeadListedFilteredSearchedAndCounted() throws {
        let cleo = ids[2]
        try store.deleteLead(id: cleo)
        XCTAssertEqual(try store.countLeads(), 2, "a pending delete hides the lead")
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "zoellner")).map(\.id), [])
        let entry = try XCTUnwrap(store.outboxEntries(forLead: cleo).last)
        try store.markOutboxInflight([entry.id])
        try store.markOutboxRejected(entry.id, messages: ["request": ["You do not have permission to perform this action."]])

        XCTAssertEqual(try store.leads().map(\.id), ids)
        XCTAssertEqual(try store.leads().last?.syncMark, .rejected)
        XCTAssertEqual(try store.leads(filter: LeadFilter(rejectedOnly: true)).map(\.id), [cleo])
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(rejectedOnly: true)), 1)
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "zoellner")).map(\.id), [cleo])
        XCTAssertEqual(try store.countLeads(), 3, "the counts cube counts it again")
        XCTAssertEqual(try store.countsByOwner()["ben"], 3)
        XCTAssertEqual(try store.position(ofLead: cleo), 2)
        let detail = try XCTUnwrap(store.leadDetail(id: cleo))
        XCTAssertFalse(detail.isDeleted)
        XCTAssertEqual(detail.syncMark, .rejected)
        XCTAssertEqual(detail.outbox.map(\.state), [.rejected])
        XCTAssertEqual(detail.outbox.first?.serverMessages["request"], ["You do not have permission to perform this action."])
        XCTAssertEqual(try store.diagnostics().integrity, ["ok"])
    }

    func testDiscardingARejectedDeleteKeepsTheLeadAndClearsTheMark() throws {
        let entry = try deleteAndReject(ids[1])
        try store.discardOutboxEntry(entry)
        XCTAssertEqual(try store.leads().map(\.id), ids)
        XCTAssertEqual(try store.leads().map(\.syncMark), [.none, .none, .none])
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(rejectedOnly: true)), 0)
        XCTAssertEqual(try store.countLeads(), 3)
        XCTAssertEqual(try store.outboxEntries(), [])
    }

    func testRetryingARejectedDeleteHidesTheLeadAgainAndQueuesIt() throws {
        let entry = try deleteAndReject(ids[0])
        try store.retryRejectedOutboxEntry(entry)
        XCTAssertEqual(try store.leads().map(\.id), Array(ids.dropFirst()))
        XCTAssertEqual(try store.countLeads(), 2)
        XCTAssertEqual(try store.outboxEntry(id: entry)?.state, .pending)
        XCTAssertEqual(try store.outboxEntry(id: entry)?.serverMessages, [:])
        XCTAssertEqual(try store.nextOutboxBatch().map(\.id), [entry])
        XCTAssertThrowsError(try store.retryRejectedOutboxEntry(entry), "only a rejected entry is retried")
    }

    func testAFileThatHidRejectedDeletesShowsThemAfterTheMigration() throws {
        let entry = try deleteAndReject(ids[2])
        // As the previous version left it: the rejected delete kept the lead hidden.
        try store.db.execute("UPDATE leads SET deleted = 1 WHERE id = \(ids[2])")
        try store.db.execute("PRAGMA user_version = 4")
        XCTAssertEqual(try store.countLeads(), 2)
        store = nil
        store = try LeadStore(path: path)
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        XCTAssertEqual(try store.leads(filter: LeadFilter(rejectedOnly: true)).map(\.id), [ids[2]])
        XCTAssertEqual(try store.countLeads(), 3)
        XCTAssertEqual(try store.outboxEntry(id: entry)?.state, .rejected)
    }
}
