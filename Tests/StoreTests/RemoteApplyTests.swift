import Core
import Foundation
import XCTest
@testable import Store

final class RemoteApplyTests: StoreTestCase {
    private let provider = "crm"

    private func remote(_ slug: String, first: String = "Ann", last: String = "Lee", email: String = "ann@example.com",
                        status: String = "prospect") -> RemoteLead {
        RemoteLead(remoteId: slug, fields: ["first_name": first, "last_name": last, "email": email,
                                            "phone": "+4915112345678", "status": status, "assignee": "ana"])
    }

    func testNewRemoteLeadIsInsertedLinkedAndNotQueued() throws {
        let outcome = try store.applyRemoteLead(provider: provider, remote("ann-lee"))
        guard case .inserted(let id) = outcome else { return XCTFail("expected insert, got \(outcome)") }
        XCTAssertEqual(try store.lead(id: id)?.email, "ann@example.com")
        XCTAssertEqual(try store.remoteLink(provider: provider, kind: .lead, localId: id)?.remoteId, "ann-lee")
        XCTAssertEqual(try store.outboxEntries(), [])
        XCTAssertEqual(try store.leads().first?.syncMark, SyncMark.none)
    }

    func testUnchangedRemoteLeadWritesNothing() throws {
        let id = try store.applyRemoteLead(provider: provider, remote("ann-lee")).localId
        let before = store.totalChanges
        XCTAssertEqual(try store.applyRemoteLead(provider: provider, remote("ann-lee")), .unchanged(localId: id))
        XCTAssertEqual(try store.applyRemoteLeads(provider: provider, [remote("ann-lee")]), [.unchanged(localId: id)])
        XCTAssertEqual(store.totalChanges, before)
    }

    func testRemoteOnlyChangeIsTaken() throws {
        let id = try store.applyRemoteLead(provider: provider, remote("ann-lee")).localId
        let outcome = try store.applyRemoteLead(provider: provider, remote("ann-lee", status: "customer"))
        XCTAssertEqual(outcome, .updated(localId: id, fields: ["status"]))
        XCTAssertEqual(try store.lead(id: id)?.status, .customer)
        XCTAssertEqual(try store.countsByStatus()[.customer], 1)
        XCTAssertEqual(try store.outboxEntries(), [])
    }

    func testLocalOnlyChangeIsKeptWhenRemoteIsUnchangedInThatField() throws {
        let id = try store.applyRemoteLead(provider: provider, remote("ann-lee")).localId
        try store.updateLead(id: id, changes: [.lastName: "Leigh"])
        let outcome = try store.applyRemoteLead(provider: provider, remote("ann-lee", status: "contact"))
        XCTAssertEqual(outcome, .updated(localId: id, fields: ["status"]))
        let lead = try XCTUnwrap(store.lead(id: id))
        XCTAssertEqual(lead.lastName, "Leigh")
        XCTAssertEqual(lead.status, .contact)
    }

    func testFieldChangedOnBothSidesKeepsLocalAndRecordsVisibleConflict() throws {
        let id = try store.applyRemoteLead(provider: provider, remote("ann-lee")).localId
        try store.updateLead(id: id, changes: [.lastName: "Local"])
        let outcome = try store.applyRemoteLead(provider: provider, remote("ann-lee", last: "Remote"))
        XCTAssertEqual(outcome, .conflicted(localId: id, fields: ["last_name"]))
        XCTAssertEqual(try store.lead(id: id)?.lastName, "Local")
        let detail = try XCTUnwrap(store.leadDetail(id: id))
        let conflict = try XCTUnwrap(detail.activities.first { $0.type == "conflict" })
        XCTAssertTrue(conflict.text.contains("Remote"))
        XCTAssertEqual(detail.syncMark, .conflict)
        XCTAssertEqual(try store.leads(filter: LeadFilter(conflictOnly: true)).map(\.id), [id])
        XCTAssertEqual(try store.outboxEntries().first?.payload, ["last_name": "Local"], "the local value still goes out")
        try store.clearConflict(leadId: id)
        XCTAssertEqual(try store.leads(filter: LeadFilter(conflictOnly: true)), [])
    }

    func testLostCreateResponseIsLinkedByEmailInsteadOfDuplicated() throws {
        var local = makeLead("Ann", "Lee")
        local.email = "ann@example.com"
        let id = try store.createLead(local).id
        let outcome = try store.applyRemoteLead(provider: provider, remote("ann-lee"))
        XCTAssertEqual(outcome.localId, id)
        XCTAssertEqual(try store.countLeads(), 1)
        XCTAssertEqual(try store.remoteLink(provider: provider, kind: .lead, remoteId: "ann-lee")?.localId, id)
    }

    func testPageAndItsSyncStateCommitTogether() throws {
        try store.applyRemoteLeads(provider: provider, [remote("a", email: "a@example.com"), remote("b", email: "b@example.com")],
                                   syncState: ["pull.offset": "2"])
        XCTAssertEqual(try store.syncState(provider: provider, key: "pull.offset"), "2")
        XCTAssertThrowsError(try store.transaction {
            try store.applyRemoteLeads(provider: provider, [remote("c", email: "c@example.com")], syncState: ["pull.offset": "3"])
            throw StoreError.notFound(kind: "test", id: 0)
        })
        XCTAssertEqual(try store.syncState(provider: provider, key: "pull.offset"), "2")
        XCTAssertEqual(try store.countLeads(), 2)
        XCTAssertEqual(try store.syncStates(provider: provider), ["pull.offset": "2"])
    }

    func testRemoteDeletionRemovesCleanLeadButKeepsOneWithUnsentEdits() throws {
        let clean = try store.applyRemoteLead(provider: provider, remote("a", email: "a@example.com")).localId
        let edited = try store.applyRemoteLead(provider: provider, remote("b", email: "b@example.com")).localId
        try store.updateLead(id: edited, changes: [.phone: "+4915199999999"])
        XCTAssertFalse(try store.markLeadDeletedRemotely(provider: provider, localId: clean))
        XCTAssertTrue(try store.markLeadDeletedRemotely(provider: provider, localId: edited))
        XCTAssertEqual(try store.leads().map(\.id), [edited])
        XCTAssertEqual(try store.leads().first?.syncMark, .deletedRemotely)
        XCTAssertNil(try store.remoteLink(provider: provider, kind: .lead, localId: clean))
        var seen: [String] = []
        try store.forEachRemoteLink(provider: provider, kind: .lead) { remoteId, _ in seen.append(remoteId) }
        XCTAssertEqual(seen, ["b"])
    }

    func testRemoteNotesAreUpsertedAndRemovedWhenGoneUnlessQueued() throws {
        let id = try store.applyRemoteLead(provider: provider, remote("a")).localId
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        try store.applyRemoteNotes(provider: provider, leadId: id, [
            RemoteNote(remoteId: "1", text: "first", author: "ana", createdAt: at),
            RemoteNote(remoteId: "2", text: "second", author: "ana", createdAt: at),
        ])
        let local = try store.addNote(toLead: id, text: "mine, not sent yet", author: "ana")
        try store.applyRemoteNotes(provider: provider, leadId: id, [
            RemoteNote(remoteId: "1", text: "first (edited)", author: "ana", createdAt: at),
        ])
        let texts = try XCTUnwrap(store.leadDetail(id: id)).notes.map(\.text).sorted()
        XCTAssertEqual(texts, ["first (edited)", "mine, not sent yet"])
        XCTAssertNotNil(try store.note(id: local.id))
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "edited")).map(\.id), [id])
    }

    func testRemoteActivitiesAndAppointmentsAreAppliedOnce() throws {
        let id = try store.applyRemoteLead(provider: provider, remote("a")).localId
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        let activity = RemoteActivity(remoteId: "9", type: "call", text: "Called", createdAt: at)
        try store.applyRemoteActivities(provider: provider, leadId: id, [activity])
        try store.applyRemoteActivities(provider: provider, leadId: id, [activity])
        XCTAssertEqual(try store.leadDetail(id: id)?.activities.filter { $0.type == "call" }.count, 1)
        let start = Date(timeIntervalSince1970: 1_899_999_960)
        let appointment = RemoteAppointment(remoteId: "77", start: start, end: start.addingTimeInterval(1800),
                                            note: "Demo call", status: .confirmed)
        try store.applyRemoteAppointments(provider: provider, leadId: id, [appointment])
        try store.applyRemoteAppointments(provider: provider, leadId: id, [appointment])
        let stored = try XCTUnwrap(store.leadDetail(id: id)).appointments
        XCTAssertEqual(stored.map(\.status), [.confirmed])
        try store.applyRemoteAppointments(provider: provider, leadId: id, [])
        XCTAssertEqual(try store.leadDetail(id: id)?.appointments, [])
    }

    func testBaseUpdateAfterPushMakesTheNextPullQuiet() throws {
        let id = try store.applyRemoteLead(provider: provider, remote("a")).localId
        try store.updateLead(id: id, changes: [.status: "customer"])
        let entry = try XCTUnwrap(store.nextOutboxBatch().first)
        try store.markOutboxDone(entry.id)
        try store.updateRemoteBase(provider: provider, kind: .lead, localId: id, fields: entry.payload)
        let outcome = try store.applyRemoteLead(provider: provider, remote("a", status: "customer"))
        XCTAssertEqual(outcome, .updated(localId: id, fields: []))
        XCTAssertEqual(try store.leadDetail(id: id)?.activities.filter { $0.type == "conflict" }, [])
    }

    func testPulledPageIsSearchableAndLaterInsertsIndexNormally() throws {
        let page = (0..<30).map { remote("slug-\($0)", first: "Zoë\($0)", email: "p\($0)@example.com") }
        try store.transaction {
            try store.applyRemoteLeads(provider: provider, Array(page[0..<15]))
            try store.applyRemoteLeads(provider: provider, Array(page[15...]))  // nested bulk writes
        }
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(search: "zoe7")), 1)
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(search: "p29")), 1)
        let local = try store.createLead(makeLead("Zyx", "After")).id
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "zyx")).map(\.id), [local])
        XCTAssertTrue(try store.diagnostics().isHealthy)
        XCTAssertEqual(try store.db.scalarInt("SELECT fts_deferred FROM bulk_state"), 0)
    }
}
