import Foundation
import Sync
import XCTest

final class HTTPClientTests: XCTestCase {
    func testConnectionRefusedIsUnreachableWithoutTheHeaders() async {
        // Port 9 (discard) is not listening on loopback here; the OS refuses at once.
        let client = HTTPClient(timeout: 2)
        let request = HTTPClientRequest(url: URL(string: "http://127.0.0.1:9/api/v1/leads/list/")!,
                                        headers: ["apikey": "SECRET-KEY"])
        do {
            _ = try await client.send(request)
            XCTFail("nothing listens on port 9")
        } catch let error as SyncError {
            guard case .unreachable = error else { return XCTFail("expected unreachable, got \(error)") }
            XCTAssertTrue(error.isTransient)
            XCTAssertFalse(error.description.contains("SECRET"))
        } catch {
            XCTFail("not a SyncError: \(error)")
        }
    }
}
