import Core
import Foundation
import Simulator
import Store
import Sync
import XCTest

/// A pulled copy read from the server before a push of the same lead, applied after it, must
/// not put the older value back over the local edit (the "nothing lost" rule). The interleavings
/// are made deterministic by holding a real answer of the simulator until the test lets it go.
final class StalePullTests: SyncTestCase {
    override func configuration() -> SimulatorConfiguration {
        SimulatorConfiguration(leadCount: 30, seed: 11, userCount: 3)
    }

    /// Everything on one page, so the held page holds the lead under test.
    let onePage = SyncOptions(pageSize: 100, concurrency: 3, interval: 1)

    func makeWorker(transport: any HTTPTransport) -> SyncWorker {
        let api = LeadsCRMAPI(baseURL: sim.baseURL,
                              credentials: RemoteCredentials(apiKey: Secret(ana.apiKey), token: Secret(ana.token)),
                              transport: transport, retryPolicy: fastRetry)
        return SyncWorker(store: store, provider: LeadsCRMProvider(providerKey: providerKey, api: api),
                          options: onePage, username: ana.username, retryPolicy: fastRetry)
    }

    /// An ana lead, its local id, its status and a different status to set.
    func pickLead(_ index: Int = 0) throws -> (slug: String, id: Int64, old: String, new: String) {
        let lead = try serverLead(ownedBy: ana.username, index)
        let slug = try XCTUnwrap(text(lead["slug"]))
        let old = text(lead["status"]) ?? ""
        return (slug, try localId(slug: slug), old, old == "customer" ? "closed" : "customer")
    }

    func assertNoConflict(_ id: Int64, file: StaticString = #filePath, line: UInt = #line) throws {
        let detail = try XCTUnwrap(try store.leadDetail(id: id), file: file, line: line)
        XCTAssertFalse(detail.activities.contains { $0.type == "conflict" }, "no conflict: \(detail.activities.map(\.text))",
                       file: file, line: line)
    }

    // MARK: - A page read before the push, applied after it

    func testAPageReadBeforeAPushDoesNotUndoThePushedEdit() async throws {
        let list = HoldingTransport(base: SocketHTTPClient(timeout: 5), pathsContaining: "/leads/list")
        let puller = makeWorker(transport: list)
        // A second worker on the same file (e.g. `closer push` beside the terminal UI): it pushes
        // while the first one is between reading a page and applying it.
        let pusher = makeWorker(transport: SocketHTTPClient(timeout: 5))
        await syncUntilSettled(puller)
        let lead = try pickLead()
        // Another agent changes a different lead: that change must still arrive from the same page.
        let other = try pickLead(1)
        try await control("leads/update", ["slug": other.slug, "last_name": "Renamed-Remotely"])

        list.hold()
        let pull = Task { await puller.runOnce(.pull) }
        try await list.waitUntilHeld()                 // the page (old status) is read, not applied
        _ = try store.updateLead(id: lead.id, changes: [.status: lead.new])
        let pushed = await pusher.runOnce(.push)
        XCTAssertNil(pushed.error)
        XCTAssertEqual(pushed.counters.pushed, 1)
        XCTAssertEqual(serverState().lead(slug: lead.slug)?["status"] as? String, lead.new)
        list.release()
        let report = await pull.value
        // Only the renamed lead was taken from the page (and its detail read): the stale copy of
        // the pushed lead was not written (before the fix it was, until its detail overwrote it again).
        XCTAssertEqual(report.counters.leadsPulled, 1, "the stale copy of the pushed lead was applied")
        XCTAssertNil(report.error)

        XCTAssertEqual(try store.lead(id: lead.id)?.status.rawValue, lead.new, "the stale page put \(lead.old) back")
        try assertNoConflict(lead.id)
        XCTAssertEqual(try store.lead(id: other.id)?.lastName, "Renamed-Remotely", "the page's other changes arrive")
        XCTAssertEqual(try store.outboxEntries(forLead: lead.id).count, 0)
        // A later remote change of another field of the same lead still arrives, the edit stays.
        try await control("leads/update", ["slug": lead.slug, "phone": "+15550001111"])
        await syncUntilSettled(puller)
        XCTAssertEqual(try store.lead(id: lead.id)?.status.rawValue, lead.new)
        XCTAssertEqual(try store.lead(id: lead.id)?.phone, "+15550001111")
        XCTAssertEqual(serverState().lead(slug: lead.slug)?["status"] as? String, lead.new)
        try assertNoConflict(lead.id)
        try assertLocalEqualsServer()
    }

    func testAPendingEditSurvivesAPageReadBeforeItAndBeforeAnEarlierPush() async throws {
        let list = HoldingTransport(base: SocketHTTPClient(timeout: 5), pathsContaining: "/leads/list")
        let puller = makeWorker(transport: list)
        let pusher = makeWorker(transport: SocketHTTPClient(timeout: 5))
        await syncUntilSettled(puller)
        let lead = try pickLead()

        list.hold()
        let pull = Task { await puller.runOnce(.pull) }
        try await list.waitUntilHeld()
        _ = try store.updateLead(id: lead.id, changes: [.status: lead.new])   // pushed before the page is applied
        let settled1 = await pusher.runOnce(.push)
        XCTAssertNil(settled1.error)
        _ = try store.updateLead(id: lead.id, changes: [.lastName: "Pending-Name"])  // still pending then
        list.release()
        let settled2 = await pull.value
        XCTAssertNil(settled2.error)
        XCTAssertEqual(settled2.counters.leadsPulled, 0, "the stale copy of the pushed lead was applied")

        let local = try XCTUnwrap(try store.lead(id: lead.id))
        XCTAssertEqual(local.status.rawValue, lead.new, "the pushed edit stays")
        XCTAssertEqual(local.lastName, "Pending-Name", "the pending edit stays")
        XCTAssertEqual(try store.outboxEntries(forLead: lead.id).map(\.state), [.pending])
        try assertNoConflict(lead.id)
        await syncUntilSettled(puller)
        XCTAssertEqual(serverState().lead(slug: lead.slug)?["status"] as? String, lead.new)
        XCTAssertEqual(serverState().lead(slug: lead.slug)?["last_name"] as? String, "Pending-Name")
        try assertNoConflict(lead.id)
        try assertLocalEqualsServer()
    }

    func testAnEditInFlightSurvivesAPageReadBeforeIt() async throws {
        let list = HoldingTransport(base: SocketHTTPClient(timeout: 5), pathsContaining: "/leads/list")
        let update = HoldingTransport(base: SocketHTTPClient(timeout: 5), pathsContaining: "/leads/update/lead")
        let puller = makeWorker(transport: list)
        let pusher = makeWorker(transport: update)
        await syncUntilSettled(puller)
        let lead = try pickLead()

        list.hold()
        let pull = Task { await puller.runOnce(.pull) }
        try await list.waitUntilHeld()                 // old status read
        _ = try store.updateLead(id: lead.id, changes: [.status: lead.new])
        update.hold()
        let push = Task { await pusher.runOnce(.push) }
        try await update.waitUntilHeld()               // the server took it; the answer is not in yet
        XCTAssertEqual(serverState().lead(slug: lead.slug)?["status"] as? String, lead.new)
        XCTAssertEqual(try store.outboxEntries(forLead: lead.id).map(\.state), [.inflight])
        list.release()
        let settled3 = await pull.value
        XCTAssertNil(settled3.error)
        XCTAssertEqual(try store.lead(id: lead.id)?.status.rawValue, lead.new, "an edit in flight wins over the page")
        update.release()
        let settled4 = await push.value
        XCTAssertNil(settled4.error)

        XCTAssertEqual(try store.lead(id: lead.id)?.status.rawValue, lead.new)
        try assertNoConflict(lead.id)
        await syncUntilSettled(puller)
        XCTAssertEqual(try store.lead(id: lead.id)?.status.rawValue, lead.new)
        try assertLocalEqualsServer()
    }

    // MARK: - A detail read before the push, applied after it

    func testADetailReadBeforeAPushDoesNotUndoThePushedEdit() async throws {
        let view = HoldingTransport(base: SocketHTTPClient(timeout: 5), pathsContaining: "/leads/view/lead")
        let worker = makeWorker(transport: view)
        await syncUntilSettled(worker)
        let lead = try pickLead()

        // The user opens the lead (its detail is asked for, outside the cycle), edits it, and the
        // worker pushes the edit before the detail's answer is applied.
        view.hold()
        let detail = Task { try await worker.refreshDetail(leadId: lead.id) }
        try await view.waitUntilHeld()
        _ = try store.updateLead(id: lead.id, changes: [.status: lead.new, .message: "Pushed message"])
        let pushed = await worker.runOnce(.push)
        XCTAssertNil(pushed.error)
        XCTAssertEqual(pushed.counters.pushed, 1)
        view.release()
        _ = try await detail.value

        let local = try XCTUnwrap(try store.lead(id: lead.id))
        XCTAssertEqual(local.status.rawValue, lead.new, "the stale detail put \(lead.old) back")
        XCTAssertEqual(local.message, "Pushed message", "the stale detail put the old message back")
        try assertNoConflict(lead.id)
        await syncUntilSettled(worker)
        _ = try await worker.refreshDetail(leadId: lead.id)
        XCTAssertEqual(try store.lead(id: lead.id)?.status.rawValue, lead.new)
        try assertLocalEqualsServer()
    }
}

/// Sends requests for real; while holding, an answer to a matching path is kept back (the
/// server has acted, the client has not seen it) until `release()`.
final class HoldingTransport: HTTPTransport, @unchecked Sendable {
    let base: any HTTPTransport
    let fragment: String
    private let lock = NSLock()
    private var holding = false
    private var held: [CheckedContinuation<Void, Never>] = []

    init(base: any HTTPTransport, pathsContaining fragment: String) {
        self.base = base
        self.fragment = fragment
    }

    /// Holds the next matching answers.
    func hold() { lock.withLock { holding = true } }

    /// Lets every held answer go and stops holding.
    func release() {
        let waiting: [CheckedContinuation<Void, Never>] = lock.withLock {
            holding = false
            defer { held = [] }
            return held
        }
        waiting.forEach { $0.resume() }
    }

    /// Waits (up to 10 s) until an answer is held.
    func waitUntilHeld() async throws {
        for _ in 0..<1000 {
            if lock.withLock({ !held.isEmpty }) { return }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        XCTFail("no answer to \(fragment) was held")
    }

    func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let response = try await base.send(request)
        guard request.url.path.contains(fragment) else { return response }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let keep: Bool = lock.withLock {
                if holding { held.append(continuation) }
                return holding
            }
            if !keep { continuation.resume() }
        }
        return response
    }
}
