import Core
import Foundation
import Simulator
import Store
@testable import Sync
import XCTest

/// A first pull writes several list pages of new leads (with their details) per transaction,
/// the position after the last of them saved with them: leads appear in steps of
/// `PullEngine.heldLeads`, a pull stopped between two steps resumes at the last saved position,
/// and no lead, note or activity is written twice.
final class HeldPagesTests: SyncTestCase {
    override func configuration() -> SimulatorConfiguration {
        SimulatorConfiguration(leadCount: 200, seed: 11, userCount: 3, faults: FaultSettings(latencyMs: 20))
    }

    func testNewLeadsAreWrittenSeveralPagesAtATimeAndAStoppedPullResumesWithoutTwice() async throws {
        let pageSize = 20
        let step = PullEngine.heldLeads(pageSize: pageSize)
        XCTAssertGreaterThan(step, pageSize, "several pages per transaction")
        let worker = makeWorker(options: SyncOptions(pageSize: pageSize, concurrency: 3, interval: 1))
        let run = Task { await worker.runOnce() }
        var counts: Set<Int> = []
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let count = store.allLeads().map(\.id).count
            counts.insert(count)
            if count > 0 { break }
            try await Task.sleep(nanoseconds: 2_000_000)
        }
        run.cancel()
        _ = await run.value
        let stopped = store.allLeads().map(\.id).count
        XCTAssertEqual(counts.subtracting([0]), [step], "the first write holds \(step) leads, not a page's \(pageSize)")
        XCTAssertEqual(stopped % step, 0, "leads are written in steps of \(step)")
        let position = try store.syncState(provider: providerKey, key: "leads.position")
        XCTAssertEqual(position.flatMap { Int($0) }, stopped, "the position saved is the one after the last page written")

        let report = await syncUntilSettled(worker)
        XCTAssertEqual(report.counters.leadsPulled, 200 - stopped, "the leads written before the stop are not written again")
        XCTAssertEqual(store.allLeads().map(\.id).count, 200)
        try assertLocalEqualsServer(activities: true)
    }
}
