import Core
import Foundation
import Simulator
import Store
import Sync
import XCTest

/// Pushing local changes to the simulator over loopback.
final class PushTests: SyncTestCase {
    func testOfflineEditsArePushedAndEqualServerState() async throws {
        let worker = makeWorker()
        await syncUntilSettled(worker)
        let mine = try serverLead(ownedBy: ana.username, 0)
        let other = try serverLead(ownedBy: ana.username, 1)
        let doomed = try serverLead(ownedBy: ana.username, 2)
        let id = try localId(slug: text(mine["slug"])!)
        // Offline: several edits of one lead (merged), a new lead with a note and an appointment,
        // a note and an appointment on an existing lead, a deleted note, a deleted lead.
        _ = try store.updateLead(id: id, changes: [.firstName: "Edited", .status: "customer"])
        _ = try store.updateLead(id: id, changes: [.phone: "+15551234567", .location: "Lisbon", .message: "Call after 5"])
        let created = try store.createLead(Lead(firstName: "Nova", lastName: "Pessoa", email: "nova.pessoa@example.com",
                                                phone: "+351912345678", location: "Porto", message: "From the fair",
                                                source: .website, status: .potential, owner: ana.username))
        _ = try store.addNote(toLead: created.id, text: "First call went well", author: ana.username)
        _ = try store.createAppointment(Appointment(
            leadId: created.id, start: date("2031-03-04 09:00"), end: date("2031-03-04 10:00"), note: "Kick-off", status: .confirmed))
        let otherId = try localId(slug: text(other["slug"])!)
        _ = try store.addNote(toLead: otherId, text: "Sent the brochure", author: ana.username)
        let appointment = try store.createAppointment(Appointment(
            leadId: otherId, start: date("2031-05-06 14:00"), end: date("2031-05-06 15:00"), note: "Demo"))
        var moved = appointment
        moved.note = "Demo (moved)"
        moved.start = date("2031-05-06 15:00")
        moved.end = date("2031-05-06 16:30")
        _ = try store.updateAppointment(moved)
        if let note = try store.leadDetail(id: id)?.notes.first {
            try store.deleteNote(id: note.id)
        }
        try store.deleteLead(id: try localId(slug: text(doomed["slug"])!))

        let report = await syncUntilSettled(worker)
        XCTAssertEqual(report.counters.rejected, 0)
        XCTAssertEqual(report.pendingChanges, 0)
        XCTAssertEqual(try store.outboxCounts()[.rejected], 0)
        let server = serverState()
        XCTAssertEqual(server.lead(slug: text(mine["slug"])!)?["first_name"] as? String, "Edited")
        XCTAssertEqual(server.lead(slug: text(mine["slug"])!)?["location"] as? String, "Lisbon")
        XCTAssertEqual(server.lead(slug: text(doomed["slug"])!)?["deleted"] as? Bool, true)
        XCTAssertEqual(server.liveLeads.filter { text($0["email"]) == "nova.pessoa@example.com" }.count, 1)
        try assertLocalEqualsServer()
    }

    func testConsecutiveEditsOfOneLeadGoOutAsOneRequest() async throws {
        let worker = makeWorker()
        await syncUntilSettled(worker)
        let id = try localId(slug: text(try serverLead(ownedBy: ana.username)["slug"])!)
        for n in 0..<5 { _ = try store.updateLead(id: id, changes: [.message: "Version \(n)"]) }
        sim.log.reset()
        await syncUntilSettled(worker)
        let updates = sim.log.all.filter { $0.path.contains("/leads/update/lead") }
        XCTAssertEqual(updates.count, 1)
        XCTAssertEqual(try store.lead(id: id)?.message, "Version 4")
        try assertLocalEqualsServer()
    }

    func testFieldConflictKeepsLocalPushesItAndRecordsTheRemoteValue() async throws {
        let worker = makeWorker()
        await syncUntilSettled(worker)
        let lead = try serverLead(ownedBy: ana.username)
        let slug = text(lead["slug"])!
        let id = try localId(slug: slug)
        _ = try store.updateLead(id: id, changes: [.lastName: "Local-Name"])
        try await control("leads/update", ["slug": slug, "last_name": "Remote-Name", "phone": "+15557654321"])
        let report = await syncUntilSettled(worker)
        XCTAssertEqual(report.counters.conflicts, 1)
        XCTAssertEqual(serverState().lead(slug: slug)?["last_name"] as? String, "Local-Name", "local value pushed")
        XCTAssertEqual(serverState().lead(slug: slug)?["phone"] as? String, "+15557654321", "remote-only change kept")
        let detail = try XCTUnwrap(try store.leadDetail(id: id))
        XCTAssertEqual(detail.lead.lastName, "Local-Name")
        XCTAssertEqual(detail.lead.phone, "+15557654321")
        let conflict = try XCTUnwrap(detail.activities.first { $0.type == "conflict" })
        XCTAssertTrue(conflict.text.contains("Remote-Name"), conflict.text)
        try assertLocalEqualsServer()
    }

    func testRejectedChangeKeepsLocalValueAndServerMessageWhileOthersFlow() async throws {
        let worker = makeWorker()
        await syncUntilSettled(worker)
        let bad = try localId(slug: text(try serverLead(ownedBy: ana.username, 0)["slug"])!)
        let good = try localId(slug: text(try serverLead(ownedBy: ana.username, 1)["slug"])!)
        let notMine = try serverLead(ownedBy: sim.users[1].username, 0)
        let notMineId = try localId(slug: text(notMine["slug"])!)
        _ = try store.updateLead(id: bad, changes: [.email: "not-an-email"])
        _ = try store.updateLead(id: notMineId, changes: [.status: "closed"])
        _ = try store.updateLead(id: good, changes: [.status: "customer"])
        let report = await worker.runOnce()
        XCTAssertNil(report.error)
        XCTAssertEqual(report.counters.rejected, 2)
        XCTAssertEqual(report.rejectedChanges, 2)
        XCTAssertEqual(worker.status.rejectedChanges, 2)
        let rejected = try store.outboxEntries(forLead: bad)
        XCTAssertEqual(rejected.first?.state, .rejected)
        XCTAssertEqual(rejected.first?.serverMessages["email"], [VendorMessages.invalidEmail])
        XCTAssertEqual(try store.lead(id: bad)?.email, "not-an-email", "the local value stays")
        XCTAssertEqual(try store.outboxEntries(forLead: notMineId).first?.serverMessages["request"], [VendorMessages.notOwner])
        XCTAssertEqual(try store.lead(id: good)?.status, .customer)
        XCTAssertEqual(serverState().lead(slug: text(try serverLead(ownedBy: ana.username, 1)["slug"])!)?["status"] as? String,
                       "customer", "a later change to another record still went out")
    }

    func testAuthFailurePausesEverythingWithoutLosingAnything() async throws {
        await syncUntilSettled(makeWorker())
        let id = try localId(slug: text(try serverLead(ownedBy: ana.username)["slug"])!)
        _ = try store.updateLead(id: id, changes: [.message: "Waiting for good credentials"])
        let created = try store.createLead(Lead(firstName: "Kept", lastName: "Safe", email: "kept.safe@example.com",
                                                phone: "+15550009999", owner: ana.username))
        let before = try store.outboxEntries()
        let broken = makeWorker(token: "tk_wrong")
        let report = await broken.runOnce()
        XCTAssertEqual(report.error, .credentialsRejected(VendorMessages.invalidCredentials))
        XCTAssertEqual(broken.status.state, .credentialsRejected(VendorMessages.invalidCredentials))
        XCTAssertEqual(try store.outboxEntries().map(\.id), before.map(\.id), "outbox intact")
        XCTAssertTrue(try store.outboxEntries().allSatisfy { $0.state == .pending })
        // Paused: a further run sends nothing.
        sim.log.reset()
        _ = await broken.runOnce()
        XCTAssertEqual(sim.log.count, 0, "a paused worker must not keep hammering the server")
        // Good credentials again: everything goes out.
        await syncUntilSettled(makeWorker())
        XCTAssertEqual(serverState().liveLeads.filter { text($0["email"]) == "kept.safe@example.com" }.count, 1)
        XCTAssertNotNil(try store.remoteLink(provider: providerKey, kind: .lead, localId: created.id))
        try assertLocalEqualsServer()
    }

    func testLeadDeletedRemotelyWithUnsentEditsIsKeptAndFlagged() async throws {
        let worker = makeWorker()
        await syncUntilSettled(worker)
        let slug = text(try serverLead(ownedBy: ana.username)["slug"])!
        let id = try localId(slug: slug)
        _ = try store.updateLead(id: id, changes: [.message: "My unsent edit"])
        try await control("leads/delete", ["slug": slug])
        let report = await worker.runOnce()
        XCTAssertEqual(report.counters.deletedRemotely, 1)
        let detail = try XCTUnwrap(try store.leadDetail(id: id))
        XCTAssertFalse(detail.isDeleted, "never silently dropped")
        XCTAssertEqual(detail.syncMark, .deletedRemotely)
        XCTAssertEqual(detail.lead.message, "My unsent edit")
        XCTAssertEqual(try store.outboxEntries(forLead: id).first?.state, .rejected, "the edit waits for the user")
    }

    func testCreatesWhoseAnswersWereLostAreLinkedNotSentTwice() async throws {
        await syncUntilSettled(makeWorker())
        let leadId = try localId(slug: text(try serverLead(ownedBy: ana.username)["slug"])!)
        let created = try store.createLead(Lead(firstName: "Once", lastName: "Only", email: "once.only@example.com",
                                                phone: "+15550002222", owner: ana.username))
        let note = try store.addNote(toLead: leadId, text: "Exactly one copy of me", author: ana.username)
        let appointment = try store.createAppointment(Appointment(
            leadId: leadId, start: date("2032-02-02 10:00"), end: date("2032-02-02 11:00"), note: "Once"))
        // Each create reaches the server, but its answer is lost (twice), as with a dropped connection.
        let losing = AnswerLosingTransport(base: SocketHTTPClient(timeout: 5), pathsContaining: "/create/", times: 2)
        let api = LeadsCRMAPI(baseURL: sim.baseURL,
                              credentials: RemoteCredentials(apiKey: Secret(ana.apiKey), token: Secret(ana.token)),
                              transport: losing, retryPolicy: fastRetry)
        let worker = SyncWorker(store: store, provider: LeadsCRMProvider(providerKey: providerKey, api: api),
                                options: SyncOptions(pageSize: 10), username: ana.username, retryPolicy: fastRetry)
        sim.log.reset()
        await syncUntilSettled(worker)
        XCTAssertEqual(losing.lost, 3, "every create lost its answer")
        XCTAssertEqual(sim.log.all.filter { $0.path.contains("/create/") }.count, 3,
                       "after a lost answer the client looked and found the record instead of sending it again")
        let server = serverState()
        XCTAssertEqual(server.liveLeads.filter { text($0["email"]) == "once.only@example.com" }.count, 1)
        XCTAssertEqual(server.notes.filter { text($0["note"]) == "Exactly one copy of me" }.count, 1)
        XCTAssertEqual(server.appointments.filter { text($0["appointment_date"]) == "2032-02-02 10:00" }.count, 1)
        XCTAssertNotNil(try store.remoteLink(provider: providerKey, kind: .lead, localId: created.id))
        XCTAssertNotNil(try store.remoteLink(provider: providerKey, kind: .note, localId: note.id))
        XCTAssertNotNil(try store.remoteLink(provider: providerKey, kind: .appointment, localId: appointment.id))
        try assertLocalEqualsServer()
    }

    func testConcurrentCyclesDoNotSendAChangeTwice() async throws {
        let worker = makeWorker()
        await syncUntilSettled(worker)
        for n in 0..<20 {
            _ = try store.createLead(Lead(firstName: "Twice", lastName: "Never\(n)", email: "twice.never.\(n)@example.com",
                                          phone: "+1555321\(1000 + n)", owner: ana.username))
        }
        sim.log.reset()
        async let first = worker.runOnce()
        async let second = worker.runOnce()
        let reports = await [first, second]
        XCTAssertEqual(reports.map(\.counters.pushed).reduce(0, +), 20)
        XCTAssertEqual(sim.log.all.filter { $0.path.contains("/create/lead") }.count, 20)
        let emails = serverState().liveLeads.compactMap { text($0["email"]) }.filter { $0.hasPrefix("twice.never.") }
        XCTAssertEqual(emails.count, 20)
        XCTAssertEqual(Set(emails).count, 20)
    }

    func date(_ text: String) -> Date {
        Date(timeIntervalSince1970: TimeInterval(WireDate.parseAppointment(text) ?? 0))
    }
}

/// Sends requests for real, but for matching paths throws "connection lost" after the server
/// answered, the first `times` times per request body: the change is made, the client never learns it.
final class AnswerLosingTransport: HTTPTransport, @unchecked Sendable {
    let base: any HTTPTransport
    let fragment: String
    let times: Int
    private let lock = NSLock()
    private var losses: [Data: Int] = [:]
    private(set) var lost = 0

    init(base: any HTTPTransport, pathsContaining fragment: String, times: Int) {
        self.base = base
        self.fragment = fragment
        self.times = times
    }

    func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let response = try await base.send(request)
        guard request.url.path.contains(fragment), response.status == 200 else { return response }
        let body = request.body ?? Data()
        let lose: Bool = lock.withLock {
            guard losses[body, default: 0] < times else { return false }
            losses[body, default: 0] += 1
            lost += 1
            return true
        }
        if lose { throw SyncError.connectionLost }
        return response
    }
}
