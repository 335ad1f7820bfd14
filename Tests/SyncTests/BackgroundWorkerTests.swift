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
        let recorder = StateRecorder()
        worker.observeStatus { recorder.add($0.state) }
        worker.start()
        // The first cycle runs without being asked.
        try await waitFor(worker) { $0.state == .online }
        let seen = recorder.states
        XCTAssertTrue(seen.contains { if case .syncing(.pullingLeads, _, _) = $0 { return true } else { return false } },
                      "progress was reported: \(seen)")
        // New leads are stored with their details: those requests are counted too (not "0 of 0").
        XCTAssertTrue(seen.contains { if case .syncing(.fetchingDetails, let done, let total) = $0 { return total > 0 && done == total } else { return false } },
                      "detail progress was reported: \(seen)")
        XCTAssertEqual(store.allLeads().map(\.id).count, 30)

        let id = try localId(slug: text(try serverLead(ownedBy: ana.username)["slug"])!)
        _ = try store.updateLead(id: id, changes: [.message: "sent by the background worker"])
        worker.refreshQueueCounts()
        XCTAssertEqual(worker.status.pendingChanges, 1)
        worker.syncNow()
        try await waitFor(worker) { $0.state == .online && $0.counters.pushed == 1 }
        XCTAssertEqual(worker.status.pendingChanges, 0)
        XCTAssertEqual(worker.status.summary, "online")
        XCTAssertEqual(serverState().lead(slug: try XCTUnwrap(try store.remoteLink(provider: providerKey, kind: .lead, localId: id)).remoteId)?["message"] as? String,
                       "sent by the background worker")
        worker.stop()
        await worker.waitUntilStopped()
        XCTAssertEqual(worker.status.state, .stopped)
    }
}

extension BackgroundWorkerTests {
    /// Waits for a status matching `condition`; fails (instead of hanging) after a generous minute.
    func waitFor(_ worker: SyncWorker, _ condition: @escaping @Sendable (SyncStatus) -> Bool) async throws {
        let updates = worker.statusUpdates()
        let matched = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await status in updates where condition(status) { return true }
                return false
            }
            group.addTask {
                try? await Task.sleep(nanoseconds: 60_000_000_000)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        XCTAssertTrue(matched, "the worker never reached the expected status; last: \(worker.status)")
        if !matched { throw WaitTimedOut() }
    }
}

/// Every state the worker reported, in order (the callback is not buffered like the stream).
final class StateRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [SyncStatus.State] = []

    func add(_ state: SyncStatus.State) { lock.withLock { recorded.append(state) } }
    var states: [SyncStatus.State] { lock.withLock { recorded } }
}

struct WaitTimedOut: Error {}
