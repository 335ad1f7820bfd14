import Core
import Foundation
import Simulator
import Store
import Sync
import XCTest

/// The worker as the TUI runs it: a background task, observed through its status stream.
final class BackgroundWorkerTests: SyncTestCase {
    func testBackgroundWorkerSyncsOnStartAndOnSyncNowAndReportsThroughTheStream() async throws {
        let worker = makeWorker(options: SyncOptions(pageSize: 10, interval: 3600))
        let updates = worker.statusUpdates()
        var seen: [SyncStatus.State] = []
        var iterator = updates.makeAsyncIterator()
        worker.start()
        // The first cycle runs without being asked.
        while let status = await iterator.next() {
            seen.append(status.state)
            if status.state == .online { break }
        }
        XCTAssertTrue(seen.contains { if case .syncing(.pullingLeads, _, _) = $0 { return true } else { return false } },
                      "progress was reported: \(seen)")
        XCTAssertEqual(store.allLeads().map(\.id).count, 30)

        let id = try localId(slug: text(try serverLead(ownedBy: ana.username)["slug"])!)
        _ = try store.updateLead(id: id, changes: [.message: "sent by the background worker"])
        worker.refreshQueueCounts()
        XCTAssertEqual(worker.status.pendingChanges, 1)
        worker.syncNow()
        var sawPush = false
        while let status = await iterator.next() {
            if case .syncing(.pushing, _, _) = status.state { sawPush = true }
            if sawPush, status.state == .online { break }
        }
        XCTAssertEqual(worker.status.pendingChanges, 0)
        XCTAssertEqual(worker.status.summary, "online")
        XCTAssertEqual(serverState().lead(slug: try XCTUnwrap(try store.remoteLink(provider: providerKey, kind: .lead, localId: id)).remoteId)?["message"] as? String,
                       "sent by the background worker")
        worker.stop()
        await worker.waitUntilStopped()
        XCTAssertEqual(worker.status.state, .stopped)
    }
}
