import Core
import Foundation
import Simulator
import Store
import Sync
import XCTest

/// The rolling detail refresh: fields only a lead's detail carries (seed 001: location, message)
/// reach the local store within N cycles when another agent edits them, and freshness is counted.
final class DetailRefreshTests: SyncTestCase {
    override func configuration() -> SimulatorConfiguration {
        SimulatorConfiguration(leadCount: 80, seed: 12, userCount: 3)
    }

    func testARemoteLocationEditArrivesWithinNCyclesThoughTheListRowIsUnchanged() async throws {
        let cycles = 4
        let worker = makeWorker(options: SyncOptions(pageSize: 50, concurrency: 3, interval: 1, detailRefreshCycles: cycles))
        await syncUntilSettled(worker)
        let edited = try XCTUnwrap(text(serverState().liveLeads[37]["slug"]))
        try await control("leads/update", ["slug": edited, "location": "Remotely Moved", "message": "Edited elsewhere"])
        let id = try localId(slug: edited)
        var seenAt: Int?
        for cycle in 1...cycles {
            let report = await worker.runOnce()
            XCTAssertNil(report.error)
            XCTAssertEqual(report.counters.detailsFetched, 20, "ceil(80 / \(cycles)) details per cycle")
            if seenAt == nil, try store.lead(id: id)?.location == "Remotely Moved" { seenAt = cycle }
        }
        XCTAssertNotNil(seenAt, "the detail-only edit never arrived within \(cycles) cycles")
        XCTAssertEqual(try store.lead(id: id)?.message, "Edited elsewhere")
        let freshness = try DetailFreshness.read(store: store, remote: providerKey, cycles: cycles, interval: 60)
        XCTAssertEqual(freshness.counts.linked, 80)
        XCTAssertEqual(freshness.counts.neverFetched, 0)
        XCTAssertFalse(freshness.isStale, freshness.summary)
    }

    func testWithoutTheRefreshADetailOnlyEditStaysStale() async throws {
        let worker = makeWorker(options: SyncOptions(pageSize: 50, concurrency: 3, interval: 1, detailRefreshCycles: 0))
        await syncUntilSettled(worker)
        let edited = try XCTUnwrap(text(serverState().liveLeads[5]["slug"]))
        try await control("leads/update", ["slug": edited, "location": "Nowhere Seen"])
        for _ in 0..<3 { _ = await worker.runOnce() }
        XCTAssertNotEqual(try store.lead(id: try localId(slug: edited))?.location, "Nowhere Seen",
                          "the list scan alone cannot see a detail-only edit (why the refresh exists)")
    }
}
