import Core
import Store
import XCTest
@testable import ViewModels

final class StatusBarModelTests: ViewModelsTestCase {
    func testCountsComeFromTheOutbox() throws {
        let a = try store.createLead(makeLead("Ada", "One"))
        _ = try store.createLead(makeLead("Bea", "Two"))
        let entry = try XCTUnwrap(try outbox(a.id).first)
        try store.markOutboxRejected(entry.id, messages: ["email": ["Invalid email."]])
        var bar = StatusBarModel()
        try bar.refreshCounts(from: store)
        XCTAssertEqual(bar.pendingCount, 1)
        XCTAssertEqual(bar.rejectedCount, 1)
        XCTAssertEqual(bar.countsText, "1 pending · 1 rejected")
    }

    func testSyncIndicatorTextsAndMessageExpiry() {
        XCTAssertEqual(SyncIndicator.syncing(done: 3, total: 10).text, "syncing 3 of 10")
        XCTAssertEqual(SyncIndicator.offline(reason: "timed out\u{1B}[2J").text, "offline: timed out")
        XCTAssertEqual(SyncIndicator.credentialsRejected.text, "credentials rejected")
        XCTAssertTrue(SyncIndicator.credentialsRejected.isProblem)
        XCTAssertFalse(SyncIndicator.paused.isProblem)
        var bar = StatusBarModel(sync: .online, pendingKeys: "g")
        bar.post(.info("Saved", now: fixedNow))
        XCTAssertEqual(bar.visibleMessage(at: fixedNow.addingTimeInterval(4))?.text, "Saved")
        XCTAssertNil(bar.visibleMessage(at: fixedNow.addingTimeInterval(5)))
        XCTAssertEqual(bar.pendingKeysText, "g")
        XCTAssertEqual(StatusMessage("two\nlines").text, "two lines")
    }
}
