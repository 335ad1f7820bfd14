import Core
import Foundation
import XCTest
@testable import Store

/// `applyingRemoteDetails`: a batch of details writes its notes' full-text index once, at the
/// end, and leaves the index exactly as the per-note triggers would.
final class DetailBatchTests: StoreTestCase {
    private let provider = "crm"
    private let at = Date(timeIntervalSince1970: 1_700_000_000)

    private func remote(_ slug: String, first: String, email: String) -> RemoteLead {
        RemoteLead(remoteId: slug, fields: ["first_name": first, "last_name": "Lee", "email": email,
                                            "phone": "+4915112345678", "status": "prospect", "assignee": "ana"])
    }

    private func ftsNotes(_ id: Int64) throws -> String? {
        try store.db.scalarText("SELECT notes FROM lead_fts WHERE rowid = ?", [.integer(id)])
    }

    func testBatchIndexesNotesOnceAtTheEndAndMatchesTheTriggers() throws {
        let old = try store.applyRemoteLead(provider: provider, remote("a", first: "Ann", email: "ann@example.com")).localId
        try store.applyRemoteNotes(provider: provider, leadId: old, [
            RemoteNote(remoteId: "1", text: "walrus", author: "ana", createdAt: at),
            RemoteNote(remoteId: "2", text: "pelican", author: "ana", createdAt: at),
        ])
        var fresh: Int64 = 0
        try store.applyingRemoteDetails {
            // Edit one note, drop the other, add a third, on a lead indexed before the batch.
            try store.applyRemoteNotes(provider: provider, leadId: old, [
                RemoteNote(remoteId: "1", text: "walrus tusk", author: "ana", createdAt: at),
                RemoteNote(remoteId: "3", text: "quokka", author: "ana", createdAt: at),
            ])
            // Deferred: the index still holds the notes from before the batch.
            let during = try XCTUnwrap(try ftsNotes(old))
            XCTAssertTrue(during.contains("pelican") && !during.contains("quokka"), during)
            fresh = try store.applyRemoteLead(provider: provider, remote("b", first: "Bo", email: "bo@example.com")).localId
            try store.applyRemoteNotes(provider: provider, leadId: fresh, [
                RemoteNote(remoteId: "4", text: "narwhal", author: "ana", createdAt: at),
            ])
        }
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "quokka")).map(\.id), [old])
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "tusk")).map(\.id), [old])
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(search: "pelican")), 0)
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "narwhal")).map(\.id), [fresh])
        XCTAssertEqual(try store.db.scalarInt("SELECT deferred FROM note_fts_state"), 0)
        XCTAssertEqual(try store.db.scalarInt("SELECT fts_deferred FROM bulk_state"), 0)
        XCTAssertTrue(try store.diagnostics().isHealthy)

        // After the batch the triggers index notes again, one by one.
        _ = try store.addNote(toLead: old, text: "axolotl", author: "ana")
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "axolotl")).map(\.id), [old])
    }

    func testFailedBatchLeavesNothingAndTheTriggersOn() throws {
        let id = try store.applyRemoteLead(provider: provider, remote("a", first: "Ann", email: "ann@example.com")).localId
        struct Boom: Error {}
        XCTAssertThrowsError(try store.applyingRemoteDetails {
            try store.applyRemoteNotes(provider: provider, leadId: id, [
                RemoteNote(remoteId: "1", text: "walrus", author: "ana", createdAt: at),
            ])
            throw Boom()
        })
        XCTAssertEqual(try store.leadDetail(id: id)?.notes, [])
        XCTAssertEqual(try store.db.scalarInt("SELECT deferred FROM note_fts_state"), 0)
        _ = try store.addNote(toLead: id, text: "pelican", author: "ana")
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "pelican")).map(\.id), [id])
    }
}
