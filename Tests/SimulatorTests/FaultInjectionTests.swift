import Core
import Foundation
import Simulator
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

final class FaultInjectionTests: SimulatorTestCase {
    func testRateLimitAnswers429WithRetryAfterAndRateLimitHeaders() async throws {
        _ = try await control("POST", "/_sim/faults", form: ["rate_limit": "3/3600"])
        var limited: Reply?
        var remaining: [String] = []
        for _ in 0..<8 {  // a window boundary can pass once during the loop
            let reply = try await call("GET", "leads/list", query: ["limit": "1"], as: ana)
            if reply.status == 429 { limited = reply; break }
            remaining.append(reply.header("X-RateLimit-Remaining") ?? "?")
        }
        let reply = try XCTUnwrap(limited, "no 429 after 8 requests with a limit of 3")
        XCTAssertEqual(Array(remaining.suffix(3)), ["2", "1", "0"])
        XCTAssertEqual(reply.header("X-RateLimit-Limit"), "3")
        XCTAssertEqual(reply.header("X-RateLimit-Remaining"), "0")
        let retryAfter = try XCTUnwrap(Int(reply.header("Retry-After") ?? ""))
        XCTAssertGreaterThanOrEqual(retryAfter, 1)
        let reset = try XCTUnwrap(Double(reply.header("X-RateLimit-Reset") ?? ""))
        XCTAssertGreaterThan(reset, Date().timeIntervalSince1970)
        XCTAssertEqual(reset.truncatingRemainder(dividingBy: 3600), 0, "windows are aligned, so the reset is exact")

        let other = try await call("GET", "leads/list", query: ["limit": "1"], as: ben)
        XCTAssertEqual(other.status, 200, "the limit is per key")

        let stats = try await control("GET", "/_sim/stats")
        XCTAssertEqual(stats.json["rate_limited"] as? Int, 1)
        let records = try XCTUnwrap(stats.json["requests"] as? [[String: Any]])
        let record = try XCTUnwrap(records.first { $0["status"] as? Int == 429 })
        XCTAssertEqual(record["reset"] as? Double, reset)
        XCTAssertEqual(record["user"] as? String, ana.username, "the log names the user, never the key")
        XCTAssertNotNil(record["time"] as? Double)
        XCTAssertFalse(String(decoding: try JSONSerialization.data(withJSONObject: stats.json), as: UTF8.self).contains(ana.apiKey))
    }

    func testWaitingUntilTheAnnouncedResetIsEnough() async throws {
        _ = try await control("POST", "/_sim/faults", form: ["rate_limit": "1/1"])
        var limited: Reply?
        for _ in 0..<4 {
            let reply = try await call("GET", "leads/list", query: ["limit": "1"], as: ana)
            if reply.status == 429 { limited = reply; break }
        }
        let reset = try XCTUnwrap(Double(try XCTUnwrap(limited?.header("X-RateLimit-Reset"))))
        let wait = reset - Date().timeIntervalSince1970
        if wait > 0 { try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000) + 1_000_000) }
        let after = try await call("GET", "leads/list", query: ["limit": "1"], as: ana)
        XCTAssertEqual(after.status, 200, "a request at the announced reset is served")
    }

    func testErrorRateOneAnswers5xxWithoutChangingStateButNeverOnControlEndpoints() async throws {
        let set = try await control("POST", "/_sim/faults", form: ["error_rate": "1"])
        XCTAssertEqual(set.json["error_rate"] as? Double, 1)
        let before = sim.state.liveLeads
        for _ in 0..<4 {
            let reply = try await call("POST", "leads/create/lead", form: validLeadForm(assignee: ana.username), as: ana)
            XCTAssertTrue([500, 503].contains(reply.status), "got \(reply.status)")
        }
        XCTAssertEqual(sim.state.liveLeads, before, "injected errors happen before processing")
        let health = try await control("GET", "/_sim/health")
        XCTAssertEqual(health.status, 200)
        let state = try await control("GET", "/_sim/state")
        XCTAssertEqual((state.json["leads"] as? [Any])?.count, before)
        let stats = try await control("GET", "/_sim/stats")
        XCTAssertEqual((stats.json["faults"] as? [String: Int])?["error"], 4)
    }

    func testDroppedConnectionCutsTheResponseButTheChangeIsMade() async throws {
        _ = try await control("POST", "/_sim/faults", form: ["drop_rate": "1"])
        let body = SimulatorTestCase.encode(validLeadForm(email: "dropped@example.com", assignee: ana.username))
        let connection = try XCTUnwrap(RawConnection(port: sim.port))
        connection.send("POST /api/v1/leads/create/lead/ HTTP/1.1\r\nHost: x\r\napikey: \(ana.apiKey)\r\nAuthorization: Bearer \(ana.token)\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body)
        let partial = connection.readUntilClosed()
        XCTAssertFalse(partial.isEmpty)
        XCTAssertFalse(partial.hasSuffix("\"data\":{}}") && partial.contains("\r\n\r\n"), "the response must be cut short: \(partial)")
        _ = try await control("POST", "/_sim/faults", form: ["reset": "1"])
        let found = try await call("GET", "leads/list", query: ["email": "dropped@example.com"], as: ana)
        XCTAssertEqual(found.results.count, 1, "the lead was created although the client never saw the answer")
    }

    func testMalformedRateOneGives200WithABodyThatIsNotJSON() async throws {
        _ = try await control("POST", "/_sim/faults", form: ["malformed_rate": "1"])
        let request = URLRequest(url: sim.baseURL.appendingPathComponent("leads/list/"))
        var authorized = request
        authorized.setValue(ana.apiKey, forHTTPHeaderField: "apikey")
        authorized.setValue("Bearer \(ana.token)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await session.data(for: authorized)
        XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)
        XCTAssertThrowsError(try JSONSerialization.jsonObject(with: data))
    }

    func testFaultSettingsRoundTripAndRejectBadValues() async throws {
        let set = try await control("POST", "/_sim/faults", form: ["latency_ms": "5", "drop_rate": "0.25", "rate_limit": "10/1"])
        XCTAssertEqual(set.json["latency_ms"] as? Int, 5)
        XCTAssertEqual(set.json["drop_rate"] as? Double, 0.25)
        XCTAssertEqual(set.json["rate_limit"] as? String, "10/1")
        XCTAssertEqual(sim.faults.settings.rateLimit, FaultSettings.RateLimit(requests: 10, windowSeconds: 1))
        let bad = try await control("POST", "/_sim/faults", form: ["error_rate": "2"])
        XCTAssertEqual(bad.status, 400)
        let off = try await control("POST", "/_sim/faults", form: ["rate_limit": "off", "latency_ms": "0"])
        XCTAssertTrue(off.json["rate_limit"] is NSNull)
        XCTAssertEqual(sim.faults.settings.dropRate, 0.25, "fields not sent stay as they were")
    }
}
