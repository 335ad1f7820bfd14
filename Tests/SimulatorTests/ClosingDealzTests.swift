import Foundation
import Simulator
import XCTest

/// seed 002's statements: `POST /api/v1/leads`, `X-API-Key`, 1–100 leads, the envelope and its messages.
final class ClosingDealzTests: VendorTestCase {
    private var key: String { sim.endpoint(.closingdealz).apiKey }

    private func push(_ leads: Any, key: String? = nil) async throws -> VendorReply {
        try await vendor(.closingdealz, "POST", "/api/v1/leads", json: leads, headers: ["X-API-Key": key ?? self.key])
    }

    private func leads(_ count: Int, from start: Int = 0) -> [[String: String]] {
        (start..<(start + count)).map { ["company": "Firm \($0)", "contactPerson": "Person \($0)", "email": "p\($0)@example.com"] }
    }

    private func assertEnvelope(_ reply: VendorReply, _ status: Int, _ message: String?, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(reply.status, status, file: file, line: line)
        XCTAssertEqual(reply.object["succeeded"] as? Bool, status == 200, file: file, line: line)
        XCTAssertEqual(reply.object["statusCode"] as? Int, status, file: file, line: line)
        XCTAssertEqual(reply.object["statusCodeDescription"] as? String, "NONE", file: file, line: line)
        if let message {
            XCTAssertEqual(reply.object["message"] as? String, message, file: file, line: line)
        } else {
            XCTAssertTrue(reply.object["message"] is NSNull, "message must be null: \(reply.object)", file: file, line: line)
        }
        XCTAssertEqual(Set(reply.object.keys), ["succeeded", "statusCode", "statusCodeDescription", "message"], file: file, line: line)
    }

    func testCreatedLeadsAnswerTheSuccessEnvelopeAndAreStoredWithTheSeedsFieldNames() async throws {
        let reply = try await push([[
            "company": "Company Name", "contactPerson": "Contact Person Name", "jobTitle": "Job Title",
            "email": "email@example.com", "phoneNumber": "Phone Number", "notes": "Any relevant notes",
        ]])
        assertEnvelope(reply, 200, nil)
        let stored = try await vendorState(.closingdealz)
        let leads = try XCTUnwrap(stored["leads"] as? [[String: String]])
        XCTAssertEqual(leads, [[
            "company": "Company Name", "contactPerson": "Contact Person Name", "jobTitle": "Job Title",
            "email": "email@example.com", "phoneNumber": "Phone Number", "notes": "Any relevant notes",
        ]])
        XCTAssertEqual(stored["plan"] as? String, "basic")
    }

    func testKeysAreCaseInsensitiveAsInTheSeedsCurl() async throws {
        assertEnvelope(try await push([["Company": "Open AI", "Notes": "Interested in API integration", "PHONENUMBER": "+1 555"]]), 200, nil)
        XCTAssertEqual(sim.vendors.closingDealzLeads, [["company": "Open AI", "notes": "Interested in API integration", "phoneNumber": "+1 555"]])
    }

    func testAWrongOrMissingKeyIs401InvalidAPIKey() async throws {
        assertEnvelope(try await push(leads(1), key: "nope"), 401, "Invalid API key.")
        let missing = try await vendor(.closingdealz, "POST", "/api/v1/leads", json: leads(1))
        assertEnvelope(missing, 401, "Invalid API key.")
        XCTAssertTrue(sim.vendors.closingDealzLeads.isEmpty)
    }

    func testOneHundredLeadsAreAcceptedAndOneHundredAndOneRefusedWithTheCount() async throws {
        assertEnvelope(try await push(leads(100)), 200, nil)
        XCTAssertEqual(sim.vendors.closingDealzLeads.count, 100)
        assertEnvelope(try await push(leads(101, from: 100)), 400, "The maximum amount of leads to create at once is 100, but was 101.")
        assertEnvelope(try await push(leads(250, from: 100)), 400, "The maximum amount of leads to create at once is 100, but was 250.")
        XCTAssertEqual(sim.vendors.closingDealzLeads.count, 100, "a refused batch stores nothing")
    }

    func testBodiesThatAreNotAnArrayOfLeadObjectsAre400AndStoreNothing() async throws {
        assertEnvelope(try await push([[String: String]]()), 400, "The request body must contain at least one lead.")
        assertEnvelope(try await push(["company": "not in an array"]), 400, "The request body must be a JSON array of leads.")
        assertEnvelope(try await push([["company": "ok"], "text"]), 400, "Lead 1 must be a JSON object.")
        assertEnvelope(try await push([["company": 42]]), 400, "Lead 0: company must be a string.")
        let garbage = try await vendor(.closingdealz, "POST", "/api/v1/leads", body: Data("[{\"company\":".utf8), headers: ["X-API-Key": key])
        assertEnvelope(garbage, 400, "The request body must be a JSON array of leads.")
        let deep = try await vendor(.closingdealz, "POST", "/api/v1/leads", body: Data((String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)).utf8),
                                    headers: ["X-API-Key": key])
        assertEnvelope(deep, 400, "The request body must be a JSON array of leads.")
        XCTAssertTrue(sim.vendors.closingDealzLeads.isEmpty)
    }

    func testUnknownPathsAndMethodsAreEnveloped() async throws {
        assertEnvelope(try await vendor(.closingdealz, "GET", "/api/v1/leads", headers: ["X-API-Key": key]), 405, "Method GET not allowed.")
        assertEnvelope(try await vendor(.closingdealz, "POST", "/api/v1/contacts", json: leads(1), headers: ["X-API-Key": key]), 404, "Not found.")
    }

    func testInjectedFaultsCanTargetClosingDealzAloneAndUseItsEnvelope() async throws {
        let set = try await control("POST", "/_sim/faults", form: ["vendor": "closingdealz", "error_rate": "1"])
        XCTAssertEqual(set.json["vendor"] as? String, "closingdealz")
        XCTAssertEqual(set.json["error_rate"] as? Double, 1)
        let failed = try await push(leads(1))
        XCTAssertTrue([500, 503].contains(failed.status))
        XCTAssertEqual(failed.object["succeeded"] as? Bool, false)
        XCTAssertEqual(failed.object["statusCode"] as? Int, failed.status)
        XCTAssertTrue(sim.vendors.closingDealzLeads.isEmpty, "an injected error happens before processing")
        let crm = try await call("GET", "leads/list", query: ["limit": "1"], as: ana)
        XCTAssertEqual(crm.status, 200, "seed 001 is untouched by a ClosingDealz fault")
        let all = try await control("GET", "/_sim/faults")
        XCTAssertEqual(((all.json["vendors"] as? [String: Any])?["closingdealz"] as? [String: Any])?["error_rate"] as? Double, 1)
        XCTAssertEqual(all.json["error_rate"] as? Double, 0, "the top level stays seed 001's settings")
        let bad = try await control("POST", "/_sim/faults", form: ["vendor": "acme", "error_rate": "1"])
        XCTAssertEqual(bad.status, 400)
        _ = try await control("POST", "/_sim/faults", form: ["reset": "1"])
        assertEnvelope(try await push(leads(1)), 200, nil)
        let stats = try await control("GET", "/_sim/stats")
        XCTAssertEqual((stats.json["per_vendor"] as? [String: Int])?["closingdealz"], 2)
    }
}

/// `--closingdealz-plan free`: at most 5 leads in the workspace, with the seed's two messages.
final class ClosingDealzFreePlanTests: VendorTestCase {
    override func configuration() -> SimulatorConfiguration {
        var config = super.configuration()
        config.closingDealzPlan = .free
        return config
    }

    func testFreePlanTakesFiveLeadsThenRefusesWithTheSeedsMessages() async throws {
        let key = sim.endpoint(.closingdealz).apiKey
        func push(_ count: Int) async throws -> VendorReply {
            let leads = (0..<count).map { ["email": "free\($0)@example.com"] }
            return try await vendor(.closingdealz, "POST", "/api/v1/leads", json: leads, headers: ["X-API-Key": key])
        }
        let six = try await push(6)
        XCTAssertEqual(six.status, 400)
        XCTAssertEqual(six.object["message"] as? String, "Can not have more than 5 leads on the free plan.")
        let three = try await push(3)
        XCTAssertEqual(three.status, 200)
        let over = try await push(3)
        XCTAssertEqual(over.object["message"] as? String, "Can not have more than 5 leads on the free plan.")
        let two = try await push(2)
        XCTAssertEqual(two.status, 200)
        let full = try await push(1)
        XCTAssertEqual(full.status, 400)
        XCTAssertEqual(full.object["message"] as? String, "Reached the maximum limit of leads on the free plan.")
        XCTAssertEqual(sim.vendors.closingDealzLeads.count, 5)
        let state = try await vendorState(.closingdealz)
        XCTAssertEqual(state["plan"] as? String, "free")
    }
}

/// seed 002: "only 1000 requests every 5 minutes is allowed" (a small limit here, same rule).
final class ClosingDealzRateLimitTests: VendorTestCase {
    override func configuration() -> SimulatorConfiguration {
        var config = super.configuration()
        config.closingDealzRateLimit = FaultSettings.RateLimit(requests: 3, windowSeconds: 3600)
        return config
    }

    func testRequestsBeyondTheWindowAre429WithTheSeedsMessage() async throws {
        let key = sim.endpoint(.closingdealz).apiKey
        var statuses: [Int] = []
        var limited: VendorReply?
        for n in 0..<8 {
            let reply = try await vendor(.closingdealz, "POST", "/api/v1/leads", json: [["email": "r\(n)@example.com"]], headers: ["X-API-Key": key])
            statuses.append(reply.status)
            if reply.status == 429 { limited = reply; break }
        }
        let reply = try XCTUnwrap(limited, "no 429: \(statuses)")
        XCTAssertEqual(reply.object["message"] as? String, "Too many requests. Please try again later.")
        XCTAssertEqual(reply.object["succeeded"] as? Bool, false)
        XCTAssertEqual(reply.object["statusCode"] as? Int, 429)
        XCTAssertGreaterThanOrEqual(Int(reply.header("Retry-After") ?? "") ?? 0, 1)
        XCTAssertLessThanOrEqual(sim.vendors.closingDealzLeads.count, 3)
        XCTAssertGreaterThanOrEqual(sim.vendors.closingDealzLeads.count, 1)
    }
}
