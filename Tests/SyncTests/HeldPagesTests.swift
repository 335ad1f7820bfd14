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

/// A list request that fails while pages are held does not lose them: their leads and details
/// are written with the position after them before the error ends the scan.
final class HeldPagesFailureTests: SyncTestCase {
    override func configuration() -> SimulatorConfiguration {
        SimulatorConfiguration(leadCount: 100, seed: 11, userCount: 3)
    }

    /// seed 001's pull, with the list failing from offset `failFrom` on while `failing` is set.
    struct FailingList: HashedLeadPaging {
        let base: LeadsCRMProvider
        let failFrom: Int
        let failing: Bool
        var providerKey: String { base.providerKey }
        var metrics: RequestMetrics { base.metrics }
        let capabilities = ProviderCapabilities(features: [.pullLeads], createRecovery: .lookUp)
        var detailOnlyLeadFields: [String] { base.detailOnlyLeadFields }

        func leads(from position: String?, limit: Int) async throws -> RemotePage<RemoteLead> {
            if failing, (position.flatMap { Int($0) } ?? 0) >= failFrom { throw SyncError.serverError(status: 503) }
            return try await base.leads(from: position, limit: limit)
        }

        func leadRows(from position: String?, limit: Int) async throws -> RemotePage<RemoteLeadRow> {
            if failing, (position.flatMap { Int($0) } ?? 0) >= failFrom { throw SyncError.serverError(status: 503) }
            return try await base.leadRows(from: position, limit: limit)
        }

        func leadDetail(remoteId: String) async throws -> RemoteLeadDetail? { try await base.leadDetail(remoteId: remoteId) }
    }

    func testHeldPagesAreWrittenWhenTheNextListRequestFails() async throws {
        let pageSize = 10
        XCTAssertGreaterThan(PullEngine.heldLeads(pageSize: pageSize), 30, "three pages stay held")
        let options = SyncOptions(pageSize: pageSize, concurrency: 3, interval: 1)
        let failing = SyncWorker(store: store, provider: FailingList(base: makeProvider(), failFrom: 30, failing: true),
                                 options: options, username: ana.username, retryPolicy: fastRetry)
        let report = await failing.runOnce()
        XCTAssertNotNil(report.error, "the list failed at offset 30")
        XCTAssertEqual(store.allLeads().map(\.id).count, 30, "the three held pages were written")
        XCTAssertEqual(try store.syncState(provider: providerKey, key: "leads.position"), "30")
        for id in store.allLeads().map(\.id) {
            let link = try XCTUnwrap(try store.remoteLink(provider: providerKey, kind: .lead, localId: id))
            XCTAssertFalse(link.contentHash.hasSuffix("/-"), "lead \(id) was stored with its detail")
        }

        let healthy = SyncWorker(store: store, provider: FailingList(base: makeProvider(), failFrom: 30, failing: false),
                                 options: options, username: ana.username, retryPolicy: fastRetry)
        let resumed = await syncUntilSettled(healthy)
        XCTAssertEqual(resumed.counters.leadsPulled, 70, "the scan resumed after the written pages")
        XCTAssertEqual(store.allLeads().map(\.id).count, 100)
        let full = await syncUntilSettled(makeWorker(options: options))  // + appointments, which the wrapper leaves out
        XCTAssertEqual(full.counters.leadsPulled, 0, "nothing twice")
        try assertLocalEqualsServer(activities: true)
    }
}
