import Core
import Foundation
import Simulator
import Store
import Sync
import XCTest

/// Pulling from the simulator over loopback.
final class PullTests: SyncTestCase {
    func testFirstPullEqualsServerStateExactly() async throws {
        let worker = makeWorker()
        let report = await syncUntilSettled(worker)
        XCTAssertEqual(report.counters.leadsPulled, 30)
        XCTAssertEqual(report.counters.detailsFetched, 30)
        XCTAssertEqual(worker.status.state, .online)
        XCTAssertEqual(worker.status.overview?.totalLeads, 30)
        try assertLocalEqualsServer(activities: true)
    }

    func testASecondPullOfAnUnchangedServerWritesNothing() async throws {
        let worker = makeWorker()
        await syncUntilSettled(worker)
        let changes = store.totalChanges
        let report = await syncUntilSettled(worker)
        XCTAssertEqual(report.counters.leadsScanned, 30)
        XCTAssertEqual(report.counters.leadsPulled, 0)
        XCTAssertEqual(report.counters.detailsFetched, 0)
        XCTAssertEqual(store.totalChanges, changes, "an unchanged lead must cost no writes")
    }

    func testRemoteEditsAndDeletionsArrive() async throws {
        let worker = makeWorker()
        await syncUntilSettled(worker)
        let state = serverState()
        let edited = try XCTUnwrap(text(state.liveLeads[0]["slug"]))
        let deleted = try XCTUnwrap(text(state.liveLeads[1]["slug"]))
        let noted = try XCTUnwrap(text(state.liveLeads[2]["slug"]))
        try await control("leads/update", ["slug": edited, "first_name": "Renamed", "status": "customer", "message": "New message"])
        try await control("leads/delete", ["slug": deleted])
        try await control("notes/create", ["slug": noted, "note": "Written by another agent"])
        // Another agent's changes to the notes of a lead whose list row is unchanged only arrive with its detail.
        try await control("leads/update", ["slug": noted, "phone": "+15550001111"])
        // A note deleted by another agent disappears locally once the lead's detail is fetched again.
        if let note = state.notes.first(where: { text($0["leadslug"]) != deleted }), let noteId = text(note["id"]),
           let slug = text(note["leadslug"]) {
            try await control("notes/delete", ["note_id": noteId])
            try await control("leads/update", ["slug": slug, "location": "Elsewhere"])
            try await control("leads/update", ["slug": slug, "phone": "+15550002323"])
        }
        if let appointment = state.appointments.first, let id = text(appointment["id"]) {
            try await control("appointments/delete", ["appointment_id": id])
        }
        try await control("appointments/create", [
            "slug": edited, "appointment_date": "2031-01-02 10:00", "appointment_to": "2031-01-02 11:00",
            "appointment_note": "Booked by another agent",
        ])
        let report = await syncUntilSettled(worker)
        XCTAssertEqual(report.counters.deletedRemotely, 1)
        XCTAssertEqual(try store.lead(id: try localId(slug: edited))?.firstName, "Renamed")
        XCTAssertEqual(try store.lead(id: try localId(slug: edited))?.message, "New message")
        XCTAssertNil(try store.remoteLink(provider: providerKey, kind: .lead, remoteId: deleted))
        try assertLocalEqualsServer()
    }

    func testRequestedDetailFetchesNotesOfThatLeadOnly() async throws {
        let worker = makeWorker(options: SyncOptions(pageSize: 10, detailsForNewLeads: false))
        await syncUntilSettled(worker)
        let server = serverState()
        guard let withNotes = server.liveLeads.first(where: { lead in
            server.notes.contains { text($0["lead_id"]) == text(lead["id"]) }
        }), let slug = text(withNotes["slug"]) else { throw XCTSkip("no lead with notes in this seed") }
        let id = try localId(slug: slug)
        XCTAssertEqual(try store.leadDetail(id: id)?.notes.count, 0, "details were not asked for")
        let fetched = try await worker.refreshDetail(leadId: id)
        XCTAssertTrue(fetched)
        let expected = server.notes.filter { text($0["lead_id"]) == text(withNotes["id"]) }.count
        XCTAssertEqual(try store.leadDetail(id: id)?.notes.count, expected)
        XCTAssertEqual(try store.lead(id: id)?.message, text(withNotes["message"]))
    }

    func testAResumedScanStartsAtTheSavedPagePosition() async throws {
        let worker = makeWorker(options: SyncOptions(pageSize: 10, detailsForNewLeads: false))
        // As if a crash came after the first page was saved: the next run starts at offset 10.
        try store.setSyncState(provider: providerKey, key: "leads.position", value: "10")
        await syncUntilSettled(worker)
        XCTAssertEqual(store.allLeads().map(\.id).count, 20, "pages before the saved position are not read again")
        XCTAssertNil(try store.syncState(provider: providerKey, key: "leads.position"), "a finished scan clears the position")
    }
}
