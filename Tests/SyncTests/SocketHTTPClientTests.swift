import Foundation
import Simulator
import Sync
import XCTest

/// The plain-socket transport against the simulator, including connections dropped mid-answer
/// (which stop the process inside URLSession on Linux).
final class SocketHTTPClientTests: SyncTestCase {
    func testEveryDroppedAnswerIsATypedErrorNotACrash() async throws {
        try await setFaults(["drop_rate": "1"])
        let client = SocketHTTPClient(timeout: 5)
        var lost = 0
        for _ in 0..<40 {
            let request = HTTPClientRequest(url: sim.baseURL.appendingPathComponent("leads/overview/"),
                                            headers: ["apikey": ana.apiKey, "Authorization": "Bearer \(ana.token)"])
            do {
                _ = try await client.send(request)
            } catch SyncError.connectionLost {
                lost += 1
            } catch SyncError.malformedResponse {
                lost += 1  // cut inside the status line
            }
        }
        XCTAssertEqual(lost, 40)
    }

    func testKeptAliveConnectionsAreReused() async throws {
        let client = SocketHTTPClient(timeout: 5)
        let before = sim.openConnections
        for _ in 0..<20 {
            let request = HTTPClientRequest(url: sim.baseURL.appendingPathComponent("leads/list/"),
                                            headers: ["apikey": ana.apiKey, "Authorization": "Bearer \(ana.token)"])
            let response = try await client.send(request)
            XCTAssertEqual(response.status, 200)
        }
        XCTAssertLessThanOrEqual(sim.openConnections - before, 1, "one connection serves sequential requests")
    }

    func testConnectionRefusedIsUnreachable() async {
        let client = SocketHTTPClient(timeout: 2)
        do {
            _ = try await client.send(HTTPClientRequest(url: URL(string: "http://127.0.0.1:9/x")!))
            XCTFail("nothing listens on port 9")
        } catch let error as SyncError {
            guard case .unreachable = error else { return XCTFail("got \(error)") }
        } catch {
            XCTFail("\(error)")
        }
    }
}
