import Foundation
import Simulator
import XCTest

/// `/_sim/faults` with `vendor`: each fault kind hits only the named vendor, in that vendor's shape.
final class VendorFaultTests: VendorTestCase {
    private func cleverAppCapture() async throws -> VendorReply {
        try await vendor(.cleverapp, "POST", "/api/leads", json: ["name": "A", "email": "a@example.com"],
                         headers: ["Authorization": "Bearer \(sim.endpoint(.cleverapp).apiKey)"])
    }

    func testAnInjectedRateLimitOnOneVendorAnswers429InItsShapeWithHeaders() async throws {
        _ = try await control("POST", "/_sim/faults", form: ["vendor": "cleverapp", "rate_limit": "1/3600"])
        var limited: VendorReply?
        for _ in 0..<4 {
            let reply = try await cleverAppCapture()
            if reply.status == 429 { limited = reply; break }
        }
        let reply = try XCTUnwrap(limited)
        XCTAssertNotNil(reply.object["error"] as? String, "CleverApp's {\"error\"} shape")
        XCTAssertEqual(reply.header("X-RateLimit-Limit"), "1")
        XCTAssertNotNil(reply.header("Retry-After"))
        let chatbot = sim.endpoint(.chatbot)
        for n in 0..<3 {
            let other = try await vendor(.chatbot, "POST", "/api/v1/chatbots/\(chatbot.chatbotId ?? "")/leads", json: ["email": "c\(n)@example.com"],
                                         headers: ["Authorization": "Bearer \(chatbot.apiKey)"])
            XCTAssertEqual(other.status, 200, "the chatbot is not limited")
        }
        let stats = try await control("GET", "/_sim/stats")
        let record = (stats.json["requests"] as? [[String: Any]])?.first { $0["status"] as? Int == 429 }
        XCTAssertEqual(record?["vendor"] as? String, "cleverapp")
        XCTAssertEqual(record?["fault"] as? String, "rate_limit")
    }

    func testMalformedBodiesOnZenviaOnlyAndTheChangeIsStillMade() async throws {
        _ = try await control("POST", "/_sim/faults", form: ["vendor": "zenvia", "malformed_rate": "1"])
        let key = sim.endpoint(.zenvia).apiKey
        let reply = try await vendor(.zenvia, "POST", "/lead?api-key=\(key)", json: ["utmSource": "x", "emails": ["malformed@example.com"]])
        XCTAssertEqual(reply.status, 200)
        XCTAssertNil(reply.body, "not JSON")
        let prospects = sim.vendorState(.zenvia)["prospects"] as? [[String: Any]] ?? []
        XCTAssertTrue(prospects.contains { ($0["emails"] as? [String]) == ["malformed@example.com"] })
        let clever = try await cleverAppCapture()
        XCTAssertNotNil(clever.body, "CleverApp answers clean JSON")
    }

    func testLatencyOnZenviaDoesNotSlowClosingDealz() async throws {
        _ = try await control("POST", "/_sim/faults", form: ["vendor": "zenvia", "latency_ms": "400"])
        let start = Date()
        _ = try await vendor(.closingdealz, "POST", "/api/v1/leads", json: [["email": "fast@example.com"]],
                             headers: ["X-API-Key": sim.endpoint(.closingdealz).apiKey])
        let fast = Date().timeIntervalSince(start)
        let slowStart = Date()
        _ = try await vendor(.zenvia, "GET", "/groups?api-key=\(sim.endpoint(.zenvia).apiKey)")
        let slow = Date().timeIntervalSince(slowStart)
        XCTAssertGreaterThanOrEqual(slow, 0.4)
        XCTAssertLessThan(fast, slow)
        let settings = try await control("GET", "/_sim/faults", form: [:])
        let vendors = try XCTUnwrap(settings.json["vendors"] as? [String: [String: Any]])
        XCTAssertEqual(vendors["zenvia"]?["latency_ms"] as? Int, 400)
        XCTAssertEqual(vendors["closingdealz"]?["latency_ms"] as? Int, 0)
    }

    func testFaultsWithoutAVendorHitEveryVendor() async throws {
        _ = try await control("POST", "/_sim/faults", form: ["error_rate": "1"])
        let crm = try await call("GET", "leads/list", query: ["limit": "1"], as: ana)
        XCTAssertTrue([500, 503].contains(crm.status))
        let clever = try await cleverAppCapture()
        XCTAssertTrue([500, 503].contains(clever.status))
        let zenvia = try await vendor(.zenvia, "GET", "/groups?api-key=\(sim.endpoint(.zenvia).apiKey)")
        XCTAssertTrue([500, 503].contains(zenvia.status))
    }
}

/// `--fault-vendor`: the command-line fault flags for one vendor only.
final class FaultVendorFlagTests: VendorTestCase {
    override func configuration() -> SimulatorConfiguration {
        var config = super.configuration()
        config.faults.errorRate = 1
        config.faultVendor = .closingdealz
        return config
    }

    func testOnlyTheNamedVendorStartsWithTheFaults() async throws {
        let pushed = try await vendor(.closingdealz, "POST", "/api/v1/leads", json: [["email": "x@example.com"]],
                                      headers: ["X-API-Key": sim.endpoint(.closingdealz).apiKey])
        XCTAssertTrue([500, 503].contains(pushed.status))
        let crm = try await call("GET", "leads/list", query: ["limit": "1"], as: ana)
        XCTAssertEqual(crm.status, 200)
    }
}
