import Core
import Foundation
import XCTest
@testable import Store

/// The set-based bulk writes leave exactly what one `updateLead` / `deleteLead` per lead leaves:
/// the same leads, counts and outbox (merged, dropped-out, inflight and rejected entries included).
final class BulkEditEquivalenceTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// Leads in every outbox situation; returns the store and the lead ids.
    private func makeStore(_ name: String) throws -> (LeadStore, [Int64]) {
        let store = try LeadStore(path: directory.appendingPathComponent(name).path)
        var ids: [Int64] = []
        for i in 0..<9 {
            let lead = Lead(firstName: "Lead\(i)", lastName: "Zoë", email: "l\(i)@example.com", phone: "+4915112345678",
                            source: i % 2 == 0 ? .website : nil, status: .prospect, owner: i == 1 ? "ben" : "ana",
                            createdAt: Date(timeIntervalSince1970: 1_700_000_000))
            ids.append(try store.createLead(lead).id)
        }
        for entry in try store.outboxEntries() where entry.recordId != ids[4] { try store.markOutboxDone(entry.id) }
        try store.updateLead(id: ids[2], changes: [.lastName: "Queued"])                      // pending update
        try store.updateLead(id: ids[3], changes: [.owner: "chen", .status: "contact"])         // will be set back
        try store.updateLead(id: ids[5], changes: [.label: "sent"])                             // inflight
        try store.markOutboxInflight([try XCTUnwrap(store.outboxEntries(forLead: ids[5]).last).id])
        try store.updateLead(id: ids[6], changes: [.owner: "zed"])                              // rejected
        let rejected = try XCTUnwrap(store.outboxEntries(forLead: ids[6]).last).id
        try store.markOutboxInflight([rejected])
        try store.markOutboxRejected(rejected, messages: ["assignee": ["Assignee not found."]])
        try store.deleteLead(id: ids[7])                                                        // pending delete
        try store.updateLead(id: ids[8], changes: [.status: "closed"])
        try store.markOutboxDone(try XCTUnwrap(store.outboxEntries(forLead: ids[8]).last).id) // synced
        return (store, ids)
    }

    private struct Entry: Equatable { let op: OutboxOp; let record: Int64; let payload, base: [String: String]; let state: OutboxState; let messages: [String: [String]] }

    private func assertSame(_ a: LeadStore, _ b: LeadStore, _ ids: [Int64], file: StaticString = #filePath, line: UInt = #line) throws {
        func entries(_ s: LeadStore) throws -> [Entry] {
            try s.outboxEntries().map { Entry(op: $0.op, record: $0.recordId, payload: $0.payload, base: $0.base, state: $0.state,
                                                messages: $0.serverMessages) }
        }
        XCTAssertEqual(try entries(a), try entries(b), "outbox", file: file, line: line)
        for id in ids {
            var x = try XCTUnwrap(a.lead(id: id)), y = try XCTUnwrap(b.lead(id: id))
            x.updatedAt = .distantPast; y.updatedAt = .distantPast
            XCTAssertEqual(x, y, "lead \(id)", file: file, line: line)
            XCTAssertEqual(try a.isLeadDeleted(id: id), try b.isLeadDeleted(id: id), file: file, line: line)
        }
        XCTAssertEqual(try a.leads(limit: 100).map(\.syncMark), try b.leads(limit: 100).map(\.syncMark), "flags", file: file, line: line)
        XCTAssertEqual(try a.countsByOwner(), try b.countsByOwner(), file: file, line: line)
        XCTAssertEqual(try a.countsByStatus(), try b.countsByStatus(), file: file, line: line)
        XCTAssertEqual(try b.countsByOwner().values.reduce(0, +), try b.countLeads(filter: LeadFilter(owners: ["ana", "ben", "chen", "zed"])),
                       "cube agrees with the table", file: file, line: line)
    }

    func testBulkAssignStatusAndDeleteMatchOneEditPerLead() throws {
        let (perLead, ids) = try makeStore("a.db")
        let (bulk, _) = try makeStore("b.db")
        let live = ids.filter { $0 != ids[7] }
        let everything = LeadSelection(filter: .all, everything: true)
        try assertSame(perLead, bulk, ids)

        try perLead.assign("ben", toLeads: live)
        XCTAssertEqual(try bulk.assign("ben", toLeadsIn: everything), live.count)
        try assertSame(perLead, bulk, ids)

        try perLead.assign("ana", toLeads: live)  // back to the base: fields drop out, empty entries go
        try bulk.assign("ana", toLeadsIn: everything)
        try assertSame(perLead, bulk, ids)

        try perLead.setStatus(.prospect, forLeads: live)
        try bulk.setStatus(.prospect, forLeadsIn: everything)
        try assertSame(perLead, bulk, ids)
        try perLead.setStatus(.customer, forLeads: live)
        try bulk.setStatus(.customer, forLeadsIn: everything)
        try assertSame(perLead, bulk, ids)

        try perLead.deleteLeads(live)
        XCTAssertEqual(try bulk.deleteLeads(in: everything), live.count)
        try assertSame(perLead, bulk, ids)
        XCTAssertEqual(try bulk.countLeads(), 0)
    }
}
