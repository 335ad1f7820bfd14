import Foundation
import Simulator
import XCTest

/// The vendors beside seed 001 under hostile traffic: garbage bodies, huge bodies, slow clients,
/// hundreds of connections at once; plus the shared surface (`/_sim/vendors`, `/_sim/state`).
final class VendorRobustnessTests: VendorTestCase {
    /// One raw request per vendor: method, path, auth header line and a JSON body.
    private func requests(body: String) -> [String] {
        let zenvia = sim.endpoint(.zenvia).apiKey
        let chatbot = sim.endpoint(.chatbot)
        return [
            "POST /zenvia/v1/lead?api-key=\(zenvia) HTTP/1.1\r\nHost: x\r\n",
            "POST /cleverapp/api/leads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(sim.endpoint(.cleverapp).apiKey)\r\n",
            "POST /closingdealz/api/v1/leads HTTP/1.1\r\nHost: x\r\nX-API-Key: \(sim.endpoint(.closingdealz).apiKey)\r\n",
            "POST /chatbot/api/v1/chatbots/\(chatbot.chatbotId ?? "")/leads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(chatbot.apiKey)\r\n",
        ].map { $0 + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body }
    }

    private func assertEveryVendorServes(file: StaticString = #filePath, line: UInt = #line) async throws {
        let groups = try await vendor(.zenvia, "GET", "/groups?api-key=\(sim.endpoint(.zenvia).apiKey)")
        XCTAssertEqual(groups.status, 200, file: file, line: line)
        let pushed = try await vendor(.closingdealz, "POST", "/api/v1/leads", json: [["email": "ok@example.com"]],
                                      headers: ["X-API-Key": sim.endpoint(.closingdealz).apiKey])
        XCTAssertEqual(pushed.status, 200, file: file, line: line)
    }

    func testGarbageAndBinaryBodiesGetEachVendors400AndNothingIsStored() async throws {
        for garbage in ["{\"a\":", "\u{0}\u{1}\u{2}\u{FF}", String(repeating: "[", count: 100_000), "null", "\"text\""] {
            for request in requests(body: garbage) {
                let connection = try XCTUnwrap(RawConnection(port: sim.port))
                connection.send(request)
                let response = connection.readResponse()
                XCTAssertEqual(response?.status, 400, "\(request.prefix(40)) with \(garbage.prefix(8).debugDescription): \(response?.body ?? "")")
            }
        }
        let state = try await control("GET", "/_sim/state")
        XCTAssertEqual(((state.json["closingdealz"] as? [String: Any])?["leads"] as? [Any])?.count, 0)
        XCTAssertEqual(((state.json["chatbot"] as? [String: Any])?["leads"] as? [Any])?.count, 0)
        XCTAssertEqual(((state.json["cleverapp"] as? [String: Any])?["leads"] as? [Any])?.count, 0)
        try await assertEveryVendorServes()
    }

    func testOversizedBodiesAre413ForEveryVendorWithoutBeingRead() async throws {
        for path in ["/zenvia/v1/lead", "/cleverapp/api/leads", "/closingdealz/api/v1/leads", "/chatbot/api/v1/chatbots/x/leads"] {
            let connection = try XCTUnwrap(RawConnection(port: sim.port))
            connection.send("POST \(path) HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n")
            XCTAssertEqual(connection.readResponse()?.status, 413, path)
        }
        try await assertEveryVendorServes()
    }

    func testASlowClientOnOneVendorDoesNotHoldUpTheOthers() async throws {
        let slow = try XCTUnwrap(RawConnection(port: sim.port))
        slow.send("POST /closingdealz/api/v1/leads HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n[{")
        try await assertEveryVendorServes()
        XCTAssertEqual(slow.readResponse()?.status, 408)
    }

    func testThreeHundredConnectionsAcrossTheVendorsAreAllServed() throws {
        let body = "[{\"email\":\"bulk@example.com\"}]"
        let chatBody = "{\"email\":\"bulk@example.com\"}"
        var connections: [(RawConnection, Int)] = []
        for n in 0..<300 {
            let connection = try XCTUnwrap(RawConnection(port: sim.port))
            connections.append((connection, n % 3))
        }
        for (connection, kind) in connections {
            switch kind {
            case 0: connection.send("GET /zenvia/v1/groups?api-key=\(sim.endpoint(.zenvia).apiKey) HTTP/1.1\r\nHost: x\r\n\r\n")
            case 1: connection.send(requests(body: body)[2])
            default: connection.send(requests(body: chatBody)[3])
            }
        }
        var statuses: [Int: Int] = [:]
        for (connection, _) in connections { statuses[connection.readResponse()?.status ?? 0, default: 0] += 1 }
        XCTAssertEqual(statuses[200], 201, "Zenvia's 100 (its limit is 120), ClosingDealz's 100, one chatbot create: \(statuses)")
        XCTAssertEqual(statuses[409], 99, "the other 99 chatbot creates are duplicates")
        XCTAssertEqual(sim.vendors.closingDealzLeads.count, 100)
    }

    func testVendorsAndStateListEveryVendor() async throws {
        let listed = try await control("GET", "/_sim/vendors")
        let vendors = try XCTUnwrap(listed.json["vendors"] as? [[String: Any]])
        XCTAssertEqual(vendors.compactMap { $0["kind"] as? String }, ["zenvia", "cleverapp", "closingdealz", "chatbot"])
        for item in vendors {
            let kind = try XCTUnwrap(VendorKind(rawValue: item["kind"] as? String ?? ""))
            XCTAssertEqual(item["url"] as? String, sim.endpoint(kind).url.absoluteString)
            XCTAssertEqual(item["key"] as? String, sim.endpoint(kind).apiKey)
        }
        XCTAssertEqual(vendors.last?["chatbot_id"] as? String, sim.endpoint(.chatbot).chatbotId)
        XCTAssertEqual(sim.endpoints.map(\.line).count, 4)
        XCTAssertTrue(sim.endpoint(.chatbot).line.hasSuffix(" chatbot_id=\(sim.endpoint(.chatbot).chatbotId ?? "")"))
        let state = try await control("GET", "/_sim/state")
        XCTAssertNotNil(state.json["leads"] as? [Any], "seed 001's dump stays at the top level")
        XCTAssertEqual(Set((state.json["zenvia"] as? [String: Any])?.keys.map { $0 } ?? []),
                       ["prospects", "interactions", "agents", "groups", "channels", "files", "subscriptions"])
        XCTAssertEqual(Set((state.json["cleverapp"] as? [String: Any])?.keys.map { $0 } ?? []), ["leads", "follow_ups"])
        XCTAssertNotNil((state.json["closingdealz"] as? [String: Any])?["leads"])
        XCTAssertNotNil((state.json["chatbot"] as? [String: Any])?["leads"])
    }
}
