import Foundation
import Simulator
import XCTest

/// seed 000's statements: the three endpoints, their bodies and answers, and the exact error messages.
final class CleverAppTests: VendorTestCase {
    private var key: String { sim.endpoint(.cleverapp).apiKey }

    private func send(_ method: String, _ path: String, _ json: Any? = nil, key: String? = nil, raw: Data? = nil) async throws -> VendorReply {
        try await vendor(.cleverapp, method, path, json: json, body: raw, headers: ["Authorization": "Bearer \(key ?? self.key)"])
    }

    private func capture(_ email: String = "john@example.com", key: String? = nil) async throws -> String {
        let reply = try await send("POST", "/api/leads", ["name": "John Doe", "email": email, "source": "Website Form"], key: key)
        XCTAssertEqual(reply.status, 200)
        return try XCTUnwrap(reply.object["id"] as? String)
    }

    private func assertError(_ reply: VendorReply, _ status: Int, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(reply.status, status, file: file, line: line)
        XCTAssertEqual(reply.object as NSDictionary, ["error": message] as NSDictionary, file: file, line: line)
    }

    func testLeadCaptureAnswersTheSeedsFieldsWithAnIdAndTimestamp() async throws {
        XCTAssertTrue(key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }, "seed 000's key alphabet")
        let reply = try await send("POST", "/api/leads", ["name": "John Doe", "email": "john@example.com", "source": "Website Form"])
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(Set(reply.object.keys), ["id", "name", "email", "source", "timestamp"])
        XCTAssertEqual(reply.object["name"] as? String, "John Doe")
        XCTAssertEqual(reply.object["source"] as? String, "Website Form")
        let id = try XCTUnwrap(reply.object["id"] as? String)
        XCTAssertEqual(id.count, 9, "like the seed's \"123456789\"")
        XCTAssertTrue(id.allSatisfy(\.isNumber))
        let timestamp = try XCTUnwrap(reply.object["timestamp"] as? String)
        XCTAssertEqual(timestamp.count, "2024-04-08T12:00:00Z".count)
        let second = try await capture("john@example.com")
        XCTAssertNotEqual(second, id, "CleverApp does not deduplicate: the same e-mail makes a second lead")
    }

    func testFollowUpAnswersTheSeedsMessageAndIsStored() async throws {
        let id = try await capture()
        let reply = try await send("POST", "/api/follow-up", ["lead_id": id, "subject": "Follow-up Email", "body": "Hi John, thank you."])
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.object["message"] as? String, "Follow-up email sent successfully to lead with ID: \(id)")
        let state = try await vendorState(.cleverapp)
        let sent = try XCTUnwrap(state["follow_ups"] as? [[String: Any]])
        XCTAssertEqual(sent.count, 1)
        XCTAssertEqual(sent.first?["lead_id"] as? String, id)
        XCTAssertEqual(sent.first?["subject"] as? String, "Follow-up Email")
        XCTAssertEqual(sent.first?["body"] as? String, "Hi John, thank you.")
        let numeric = try await send("POST", "/api/follow-up", ["lead_id": Int(id) ?? 0, "subject": "Again", "body": "Hello"])
        XCTAssertEqual(numeric.status, 200, "a numeric lead_id is the same lead")
    }

    func testUpdateAnswersTheLeadWithTimestampAndKeepsOtherFields() async throws {
        let id = try await capture()
        let reply = try await send("PUT", "/api/leads/\(id)", ["name": "Jane Smith", "email": "jane@example.com", "phone": "+1234567890", "status": "Qualified"])
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(Set(reply.object.keys), ["id", "name", "email", "phone", "status", "timestamp"])
        XCTAssertEqual(reply.object["status"] as? String, "Qualified")
        XCTAssertEqual(reply.object["phone"] as? String, "+1234567890")
        let partial = try await send("PUT", "/api/leads/\(id)", ["status": "Contacted"])
        XCTAssertEqual(partial.object["name"] as? String, "Jane Smith")
        XCTAssertEqual(partial.object["status"] as? String, "Contacted")
        let leads = try await vendorState(.cleverapp)["leads"] as? [[String: Any]]
        XCTAssertEqual(leads?.first?["email"] as? String, "jane@example.com")
        XCTAssertEqual(leads?.first?["source"] as? String, "Website Form", "the source of the capture stays")
    }

    func testMissingOrInvalidParametersAre400WithTheSeedsMessage() async throws {
        let message = "Bad Request: The request is missing required parameters or contains invalid data."
        assertError(try await send("POST", "/api/leads", ["name": "No Mail"]), 400, message)
        assertError(try await send("POST", "/api/leads", ["name": "X", "email": "not-an-email"]), 400, message)
        assertError(try await send("POST", "/api/leads", nil, raw: Data("{garbage".utf8)), 400, message)
        let id = try await capture()
        assertError(try await send("POST", "/api/follow-up", ["lead_id": id, "subject": "No body"]), 400, message)
        assertError(try await send("PUT", "/api/leads/\(id)", [String: String]()), 400, message)
        assertError(try await send("PUT", "/api/leads/\(id)", ["email": "bad"]), 400, message)
        assertError(try await send("PUT", "/api/leads/\(id)", ["status": 3]), 400, message)
    }

    func testAWrongKeyIs401AndAnotherAccountsLeadIs403() async throws {
        let unauthorized = "Unauthorized: Authentication credentials are missing or invalid. Please provide a valid API key."
        assertError(try await send("POST", "/api/leads", ["name": "A", "email": "a@example.com"], key: "wrong"), 401, unauthorized)
        let noHeader = try await vendor(.cleverapp, "POST", "/api/leads", json: ["name": "A", "email": "a@example.com"])
        assertError(noHeader, 401, unauthorized)
        let id = try await capture()
        let other = sim.vendors.cleverAppKeys[1]
        let forbidden = "Forbidden: You do not have permission to access the requested resource."
        assertError(try await send("PUT", "/api/leads/\(id)", ["status": "Lost"], key: other), 403, forbidden)
        assertError(try await send("POST", "/api/follow-up", ["lead_id": id, "subject": "s", "body": "b"], key: other), 403, forbidden)
    }

    func testUnknownLeadsAndPathsAre404WithTheSeedsMessage() async throws {
        let notFound = "Not Found: The requested resource could not be found."
        assertError(try await send("PUT", "/api/leads/999999999", ["status": "Lost"]), 404, notFound)
        assertError(try await send("POST", "/api/follow-up", ["lead_id": "999999999", "subject": "s", "body": "b"]), 404, notFound)
        assertError(try await send("GET", "/api/contacts"), 404, notFound)
    }

    func testInjectedServerErrorsUseTheSeeds5xxMessage() async throws {
        _ = try await control("POST", "/_sim/faults", form: ["vendor": "cleverapp", "error_rate": "1"])
        let reply = try await send("POST", "/api/leads", ["name": "A", "email": "a@example.com"])
        XCTAssertTrue([500, 503].contains(reply.status))
        XCTAssertEqual(reply.object["error"] as? String,
                       "Internal Server Error: An unexpected error occurred while processing your request. Please try again later.")
        let leads = try await vendorState(.cleverapp)["leads"] as? [[String: Any]]
        XCTAssertEqual(leads?.count, 0)
    }
}
