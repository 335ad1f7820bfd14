import Core
import Store
import ViewModels
import XCTest
@testable import TerminalUI

/// The split view shows the selected lead's detail once a first pull fills a list that was empty
/// when the app started (it said "No lead selected" until the cursor moved).
final class SplitDetailAfterFirstPullTests: XCTestCase {
    @MainActor
    func testAFirstPullIntoAnEmptyListOpensTheSelectedLeadsDetail() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-split-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try LeadStore(path: directory.appendingPathComponent("closer.db").path)
        let app = AppFixture.app(store, size: Size(rows: 60, columns: 250), clock: TestClock(AppFixture.start))
        XCTAssertTrue(app.frame().snapshot().contains("No lead selected"))
        _ = try store.applyRemoteLeads(provider: "test", (1...5).map { n in
            RemoteLead(remoteId: "p\(n)", fields: ["first_name": "Pulled\(n)", "last_name": "Lead", "email": "p\(n)@example.test",
                                             "phone": "+1555000100\(n)", "status": "prospect", "assignee": "ana"],
                       createdAt: AppFixture.start, updatedAt: AppFixture.start)
        })
        try XCTUnwrap(app.leadsPane).reload()
        let screen = app.frame().snapshot()
        XCTAssertFalse(screen.contains("No lead selected"), screen)
        XCTAssertTrue(screen.contains("First name"), "the detail of the selected lead is shown: \(screen)")
    }
}
