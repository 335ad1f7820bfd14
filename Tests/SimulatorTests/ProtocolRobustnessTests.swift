import Core
import Foundation
import Simulator
import XCTest

final class ProtocolRobustnessTests: SimulatorTestCase {
    private func authorizedGet(_ path: String, connection: String = "keep-alive") -> String {
        "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\napikey: \(ana.apiKey)\r\nAuthorization: Bearer \(ana.token)\r\nConnection: \(connection)\r\n\r\n"
    }

    private func assertStillServing(file: StaticString = #filePath, line: UInt = #line) async throws {
        let reply = try await call("GET", "leads/list", query: ["limit": "1"], as: ana)
        XCTAssertEqual(reply.status, 200, file: file, line: line)
    }

    func testGarbageRequestsGet400AndTheServerKeepsServing() async throws {
        let garbage = ["HELLO\r\n\r\n", "GET\r\n\r\n", "GET /x HTTP/1.1\r\nno colon here\r\n\r\n",
                       "get / HTTP/1.1\r\n\r\n", "GET nopath HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n"]
        for text in garbage {
            let connection = try XCTUnwrap(RawConnection(port: sim.port))
            connection.send(text)
            let response = connection.readResponse()
            XCTAssertEqual(response?.status, 400, text.debugDescription)
        }
        let binary = try XCTUnwrap(RawConnection(port: sim.port))
        binary.send(bytes: [0, 1, 2, 0xFF, 0xFE, 13, 10, 13, 10])
        XCTAssertEqual(binary.readResponse()?.status, 400)
        try await assertStillServing()
    }

    func testUnsupportedHTTPVersionIs505() throws {
        let connection = try XCTUnwrap(RawConnection(port: sim.port))
        connection.send("GET / HTTP/2.0\r\n\r\n")
        XCTAssertEqual(connection.readResponse()?.status, 505)
    }

    func testOversizedBodyGets413WithoutBeingRead() async throws {
        let connection = try XCTUnwrap(RawConnection(port: sim.port))
        connection.send("POST /api/v1/leads/create/lead/ HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n")
        let response = connection.readResponse()
        XCTAssertEqual(response?.status, 413)
        XCTAssertEqual(response?.header("Connection"), "close")
        try await assertStillServing()
    }

    func testChunkedBodyIsRefusedWith411() throws {
        let connection = try XCTUnwrap(RawConnection(port: sim.port))
        connection.send("POST /api/v1/leads/create/lead/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
        XCTAssertEqual(connection.readResponse()?.status, 411)
    }

    func testHugeHeadersGet431() throws {
        let connection = try XCTUnwrap(RawConnection(port: sim.port))
        connection.send("GET / HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 40_000))\r\n\r\n")
        XCTAssertEqual(connection.readResponse()?.status, 431)
    }

    func testSlowClientIsTimedOutWhileOthersAreServed() async throws {
        let slow = try XCTUnwrap(RawConnection(port: sim.port))
        slow.send("GET /api/v1/leads/list/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")  // headers never finish
        let slowBody = try XCTUnwrap(RawConnection(port: sim.port))
        slowBody.send("POST /api/v1/leads/create/lead/ HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nfirst_name=")
        try await assertStillServing()  // while both hold their connections open
        XCTAssertEqual(slow.readResponse()?.status, 408)
        XCTAssertEqual(slow.readUntilClosed(), "", "the connection is closed after the 408")
        XCTAssertEqual(slowBody.readResponse()?.status, 408)
        try await assertStillServing()
    }

    func testKeepAliveAndPipelinedRequestsShareOneConnection() throws {
        let connection = try XCTUnwrap(RawConnection(port: sim.port))
        connection.send(authorizedGet("/api/v1/leads/list/?limit=1") + authorizedGet("/api/v1/leads/overview/"))
        let first = connection.readResponse()
        let second = connection.readResponse()
        XCTAssertEqual(first?.status, 200)
        XCTAssertEqual(second?.status, 200)
        XCTAssertTrue(second?.body.contains("TotalLeads") ?? false)
        connection.send(authorizedGet("/api/v1/leads/list/?limit=1", connection: "close"))
        let third = connection.readResponse()
        XCTAssertEqual(third?.status, 200)
        XCTAssertEqual(third?.header("Connection"), "close")
        XCTAssertEqual(connection.readUntilClosed(), "")
    }

    func testExpectContinueGetsInterimResponseThenTheAnswer() throws {
        let connection = try XCTUnwrap(RawConnection(port: sim.port))
        let body = "slug=nope-1"
        connection.send("POST /api/v1/leads/delete/lead/ HTTP/1.1\r\nHost: x\r\napikey: \(ana.apiKey)\r\nAuthorization: Bearer \(ana.token)\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\nExpect: 100-continue\r\n\r\n")
        XCTAssertEqual(connection.readResponse()?.status, 100)
        connection.send(body)
        let answer = connection.readResponse()
        XCTAssertEqual(answer?.status, 400)
        XCTAssertTrue(answer?.body.contains(VendorMessages.leadNotFound) ?? false)
    }

    func testTwoHundredConcurrentConnectionsAreAllServed() throws {
        let count = 200
        var connections: [RawConnection] = []
        for _ in 0..<count { connections.append(try XCTUnwrap(RawConnection(port: sim.port))) }
        for connection in connections { connection.send(authorizedGet("/api/v1/leads/list/?limit=5")) }
        var statuses: [Int] = []
        for connection in connections { statuses.append(connection.readResponse()?.status ?? 0) }
        XCTAssertEqual(statuses, Array(repeating: 200, count: count))
        XCTAssertGreaterThanOrEqual(sim.log.count, count)
    }

    func testConnectionsBeyondTheCapGet503() throws {
        sim.stop()
        var config = configuration()
        config.limits.maxConnections = 2
        sim = try SimulatorServer.start(config)
        let held = [try XCTUnwrap(RawConnection(port: sim.port)), try XCTUnwrap(RawConnection(port: sim.port))]
        for connection in held { connection.send(authorizedGet("/api/v1/leads/list/?limit=1")) }
        for connection in held { XCTAssertEqual(connection.readResponse()?.status, 200) }
        let extra = try XCTUnwrap(RawConnection(port: sim.port))
        XCTAssertEqual(extra.readResponse()?.status, 503)
    }
}
