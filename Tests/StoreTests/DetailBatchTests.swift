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

    private func deferredLeads() throws -> Int64? {
        try store.db.scalarInt("SELECT count(*) FROM fts_deferred_leads")
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
            // Deferred: the lead is out of the index until the batch ends (no term twice, none stale).
            XCTAssertEqual(try store.countLeads(filter: LeadFilter(search: "quokka")), 0)
            XCTAssertEqual(try store.countLeads(filter: LeadFilter(search: "pelican")), 0)
            XCTAssertEqual(try deferredLeads(), 1)
            // A field of the same lead changes after its notes: still no term twice.
            _ = try store.applyRemoteLead(provider: provider, remote("a", first: "Annika", email: "ann@example.com"))
            fresh = try store.applyRemoteLead(provider: provider, remote("b", first: "Bo", email: "bo@example.com")).localId
            try store.applyRemoteNotes(provider: provider, leadId: fresh, [
                RemoteNote(remoteId: "4", text: "narwhal", author: "ana", createdAt: at),
            ])
        }
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "quokka")).map(\.id), [old])
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "tusk")).map(\.id), [old])
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(search: "pelican")), 0)
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "narwhal")).map(\.id), [fresh])
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "annika")).map(\.id), [old], "the new name is indexed")
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(search: "bo")), 1)
        // FTS5 compares its index with the content view: a term removed twice or left behind fails it.
        XCTAssertNoThrow(try store.db.execute("INSERT INTO lead_fts(lead_fts, rank) VALUES ('integrity-check', 1)"))
        XCTAssertEqual(try deferredLeads(), 0)
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
        XCTAssertEqual(try deferredLeads(), 0)
        _ = try store.addNote(toLead: id, text: "pelican", author: "ana")
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "pelican")).map(\.id), [id])
    }

    func testLeadsWithoutNotesLeaveTheIndexTogetherAndComeBackWithTheirNotes() throws {
        let bare = try store.applyRemoteLead(provider: provider, remote("a", first: "Ann", email: "ann@example.com")).localId
        let noted = try store.applyRemoteLead(provider: provider, remote("b", first: "Bo", email: "bo@example.com")).localId
        let untouched = try store.applyRemoteLead(provider: provider, remote("c", first: "Cy", email: "cy@example.com")).localId
        try store.applyRemoteNotes(provider: provider, leadId: noted, [RemoteNote(remoteId: "1", text: "walrus", author: "ana", createdAt: at)])
        try store.applyingRemoteDetails {
            try store.deferSearchRows(ofLeadsWithoutNotes: [bare, noted, untouched])
            // Only the leads without notes leave the index; a lead that keeps its notes stays searchable.
            XCTAssertEqual(try deferredLeads(), 2)
            XCTAssertEqual(try store.countLeads(filter: LeadFilter(search: "ann")), 0)
            XCTAssertEqual(try store.leads(filter: LeadFilter(search: "walrus")).map(\.id), [noted])
            try store.applyRemoteNotes(provider: provider, leadId: bare, [RemoteNote(remoteId: "2", text: "pelican", author: "ana", createdAt: at)])
            try store.applyRemoteNotes(provider: provider, leadId: noted, [
                RemoteNote(remoteId: "1", text: "walrus", author: "ana", createdAt: at),
                RemoteNote(remoteId: "3", text: "quokka", author: "ana", createdAt: at),
            ])
        }
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "pelican")).map(\.id), [bare])
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "quokka")).map(\.id), [noted])
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "cy")).map(\.id), [untouched], "a deferred lead without new notes is back")
        XCTAssertNoThrow(try store.db.execute("INSERT INTO lead_fts(lead_fts, rank) VALUES ('integrity-check', 1)"))
        XCTAssertEqual(try deferredLeads(), 0)
    }
}
