import Core
import Foundation
import Simulator
import Store
import Sync
import XCTest

/// A first pull stores its first leads with their details before the rest of the first page
/// (the list fills after a few requests, not a page's worth), and a pull stopped then resumes
/// without writing any lead twice.
final class FirstPullChunkTests: SyncTestCase {
    override func configuration() -> SimulatorConfiguration {
        SimulatorConfiguration(leadCount: 200, seed: 11, userCount: 3, faults: FaultSettings(latencyMs: 20))
    }

    func testTheFirstLeadsArriveWithTheirDetailsBeforeThePageAndAResumeWritesNoneTwice() async throws {
        let worker = makeWorker(options: SyncOptions(pageSize: 500, concurrency: 3, interval: 1))
        let run = Task { await worker.runOnce() }
        var seen = 0
        let deadline = Date().addingTimeInterval(30)
        while seen == 0 && Date() < deadline {
            try await Task.sleep(nanoseconds: 5_000_000)
            seen = store.allLeads().map(\.id).count
        }
        run.cancel()
        _ = await run.value
        XCTAssertEqual(seen, 50, "the first leads come on their own, before the rest of the page's 200 details")
        let early = store.allLeads().map(\.id)
        XCTAssertEqual(early.count, 50, "the rest of the page was not stored: the run stopped during its details")
        for id in early {
            let link = try XCTUnwrap(try store.remoteLink(provider: providerKey, kind: .lead, localId: id))
            XCTAssertFalse(link.contentHash.hasSuffix("/-"), "lead \(id) was stored with its detail")
        }
        XCTAssertNil(try store.syncState(provider: providerKey, key: "leads.position"), "the page position waits for the page")

        let report = await syncUntilSettled(worker)
        XCTAssertEqual(report.counters.leadsPulled, 150, "the first 50 are not written again")
        XCTAssertEqual(store.allLeads().map(\.id).count, 200)
        try assertLocalEqualsServer(activities: true)
    }
}
