import Core
import Foundation
import Simulator
import Store
import Sync
import XCTest

/// Sync through injected faults: 20% 5xx, 10% dropped connections, 5% garbled bodies, a tight rate limit.
final class FaultToleranceTests: SyncTestCase {
    override func configuration() -> SimulatorConfiguration {
        SimulatorConfiguration(
            leadCount: 40, seed: 23, userCount: 3,
            faults: FaultSettings(errorRate: 0.2, dropRate: 0.1, malformedRate: 0.05, rateLimit: .init(requests: 25, windowSeconds: 1)))
    }

    func testUnderFaultsTheEndStateEqualsTheServerWithNoDuplicatesAndNoEarlySends() async throws {
        // One request at a time, so "nothing sent before a 429's reset" can be checked exactly in the log.
        let options = SyncOptions(pageSize: 10, concurrency: 1)
        let worker = makeWorker(options: options)
        await syncUntilSettled(worker, limit: 20)
        var created: [Int64] = []
        for n in 0..<8 {
            let lead = try store.createLead(Lead(
                firstName: "Fault", lastName: "Test\(n)", email: "fault.test.\(n)@example.com", phone: "+1555000\(1000 + n)",
                message: "created under faults", status: .prospect, owner: ana.username))
            created.append(lead.id)
            _ = try store.addNote(toLead: lead.id, text: "note \(n)", author: ana.username)
        }
        let owned = serverState().liveLeads.filter { text($0["owner"]) == ana.username }.prefix(6)
        for lead in owned {
            _ = try store.updateLead(id: try localId(slug: text(lead["slug"])!), changes: [.message: "edited under faults"])
        }
        try await control("leads/update", ["slug": text(serverState().liveLeads[0]["slug"])!, "first_name": "Remotely"])
        let report = await syncUntilSettled(worker, limit: 30)
        XCTAssertEqual(report.pendingChanges, 0)
        XCTAssertEqual(report.rejectedChanges, 0)
        XCTAssertGreaterThan(worker.status.counters.retries, 0, "the faults were exercised")

        let server = serverState()
        let emails = server.liveLeads.compactMap { text($0["email"]) }
        XCTAssertEqual(emails.count, Set(emails).count, "duplicate leads on the server")
        for n in 0..<8 {
            XCTAssertEqual(emails.filter { $0 == "fault.test.\(n)@example.com" }.count, 1)
            XCTAssertEqual(server.notes.filter { text($0["note"]) == "note \(n)" }.count, 1, "note \(n) duplicated or lost")
        }
        try assertLocalEqualsServer()

        let log = sim.log.all.filter { $0.user == ana.username }
        let limited = log.filter { $0.status == 429 }
        XCTAssertFalse(limited.isEmpty, "the rate limit was exercised")
        for hit in limited {
            guard let reset = hit.resetAt else { continue }
            // Pushes and detail reads run a few at a time: one already on the wire when the 429
            // came back cannot be called back, so only requests arriving later than that count.
            let inFlight = 0.25
            let early = log.filter { $0.time > hit.time + inFlight && $0.time < reset }
            XCTAssertTrue(early.isEmpty, "sent \(early.count) request(s) before the 429's reset at \(reset): \(early.map { "\($0.path) at \($0.time)" }) after \(hit.path) at \(hit.time)")
        }
    }
}
