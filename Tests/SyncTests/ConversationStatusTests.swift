import Simulator
import Sync
import XCTest

/// The messaging remote's entry in the status bar follows what the conversation cycle's reads
/// meet (the remote's own worker cycle reads nothing of the conversation): against the simulator's
/// Zenvia over loopback, with every request failing, then healthy again.
final class ConversationStatusTests: DestinationTestCase {
    func testAFailingConversationReadShowsOnTheMessagingRemoteUntilItGoesThrough() async throws {
        let sync = try coordinator([(.zenvia, "zenvia", nil)], crm: false)
        let zenvia = try XCTUnwrap(sync.worker(named: "zenvia"))
        _ = await sync.runOnce()
        XCTAssertEqual(zenvia.status.state, .online)

        try await setVendorFaults(.zenvia, ["error_rate": "1"])
        _ = await sync.runOnce()
        guard case .offline(let reason) = zenvia.status.state else {
            return XCTFail("every Zenvia request failed, yet its status is \(zenvia.status.state)")
        }
        XCTAssertFalse(reason.isEmpty)
        XCTAssertNotNil(zenvia.status.lastError)
        _ = await zenvia.runOnce()  // the worker's own cycle goes through: the conversation's failure stays shown
        guard case .offline = zenvia.status.state else { return XCTFail("the worker's cycle hid the failure: \(zenvia.status.state)") }

        try await setVendorFaults(.zenvia, ["reset": "1"])
        _ = await sync.runOnce()
        XCTAssertEqual(zenvia.status.state, .online)
        XCTAssertNil(zenvia.status.lastError)
    }
}
