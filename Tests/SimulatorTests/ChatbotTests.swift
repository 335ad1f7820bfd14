import Foundation
import Simulator
import XCTest

/// seed 003's statements: the path with the chatbot id, Bearer `sk-workspace_`, the success and error shapes.
final class ChatbotTests: VendorTestCase {
    private var endpoint: VendorEndpoint { sim.endpoint(.chatbot) }

    private func create(_ lead: Any, key: String? = nil, chatbot: String? = nil) async throws -> VendorReply {
        let id = chatbot ?? endpoint.chatbotId ?? ""
        return try await vendor(.chatbot, "POST", "/api/v1/chatbots/\(id)/leads", json: lead,
                                headers: ["Authorization": "Bearer \(key ?? endpoint.apiKey)"])
    }

    private let sample: [String: Any] = [
        "name": "John Doe", "email": "john.doe@example.com", "phone": "+1-555-123-4567", "source": "website", "status": "new",
        "metadata": ["utm_source": "google", "utm_campaign": "spring_2024", "interests": ["product_a", "product_b"],
                     "company": "Tech Corp", "job_title": "Marketing Manager"],
    ]

    func testTheSeedsSampleCreatesALeadWithAnIdTimestampsAndTheWorkspace() async throws {
        XCTAssertTrue(endpoint.apiKey.hasPrefix("sk-workspace_"))
        XCTAssertTrue(endpoint.chatbotId?.hasPrefix("cb_") ?? false)
        let reply = try await create(sample)
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.object["success"] as? Bool, true)
        let data = try XCTUnwrap(reply.object["data"] as? [String: Any])
        let id = try XCTUnwrap(data["id"] as? String)
        XCTAssertTrue(id.hasPrefix("lead_") && id.count == 21, id)
        for field in ["name", "email", "phone", "source", "status"] {
            XCTAssertEqual(data[field] as? String, sample[field] as? String, field)
        }
        XCTAssertEqual((data["metadata"] as? [String: Any])?["interests"] as? [String], ["product_a", "product_b"])
        let created = try XCTUnwrap(data["createdAt"] as? String)
        XCTAssertEqual(created.count, "2024-01-15T10:30:00.000Z".count)
        XCTAssertTrue(created.hasSuffix("Z") && created.contains("."))
        XCTAssertEqual(data["updatedAt"] as? String, created)
        XCTAssertTrue((data["workspaceId"] as? String)?.hasPrefix("ws_") ?? false)

        let state = try await vendorState(.chatbot)
        let leads = try XCTUnwrap(state["leads"] as? [[String: Any]])
        XCTAssertEqual(leads.count, 1)
        XCTAssertEqual(leads.first?["id"] as? String, id)
        XCTAssertEqual(leads.first?["chatbotId"] as? String, endpoint.chatbotId)
        XCTAssertEqual((leads.first?["metadata"] as? [String: Any])?["company"] as? String, "Tech Corp")
    }

    func testASecondLeadWithTheSameEmailIsDuplicateEmailWithTheExistingId() async throws {
        let first = try await create(sample)
        let id = try XCTUnwrap((first.object["data"] as? [String: Any])?["id"] as? String)
        var again = sample
        again["email"] = "John.Doe@Example.com"
        again["name"] = "Johnny"
        let reply = try await create(again)
        XCTAssertEqual(reply.status, 409)
        XCTAssertEqual(reply.object["success"] as? Bool, false)
        XCTAssertEqual(reply.object["error"] as? String, "Email already exists")
        XCTAssertEqual(reply.object["code"] as? String, "DUPLICATE_EMAIL")
        let details = try XCTUnwrap(reply.object["details"] as? [String: Any])
        XCTAssertEqual(details["existingLeadId"] as? String, id)
        XCTAssertEqual(details["email"] as? String, "John.Doe@Example.com")
        XCTAssertEqual(details["message"] as? String, "A lead with this email already exists in your workspace")
        let leads = try await vendorState(.chatbot)["leads"] as? [[String: Any]]
        XCTAssertEqual(leads?.count, 1, "the duplicate is not stored")
    }

    func testAnInvalidEmailIsValidationErrorWithFieldValueAndMessage() async throws {
        let reply = try await create(["name": "X", "email": "invalid-email"])
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.object["error"] as? String, "Validation failed")
        XCTAssertEqual(reply.object["code"] as? String, "VALIDATION_ERROR")
        let details = try XCTUnwrap(reply.object["details"] as? [String: Any])
        XCTAssertEqual(details["field"] as? String, "email")
        XCTAssertEqual(details["value"] as? String, "invalid-email")
        XCTAssertEqual(details["message"] as? String, "Must be a valid email address")
    }

    func testOtherBadBodiesAreValidationErrorsNamingTheField() async throws {
        let cases: [(Any, String)] = [
            (["name": "No mail"], "email"), (["email": "a@b.example", "metadata": "text"], "metadata"),
            (["email": "a@b.example", "phone": 5551234], "phone"), (["email": "a@b.example", "name": String(repeating: "n", count: 256)], "name"),
            ([1, 2], "body"),
        ]
        for (body, field) in cases {
            let reply = try await create(body)
            XCTAssertEqual(reply.status, 400, "\(body)")
            XCTAssertEqual(reply.object["code"] as? String, "VALIDATION_ERROR")
            XCTAssertEqual((reply.object["details"] as? [String: Any])?["field"] as? String, field, "\(body)")
        }
        let garbage = try await vendor(.chatbot, "POST", "/api/v1/chatbots/\(endpoint.chatbotId ?? "")/leads",
                                       body: Data("{not json".utf8), headers: ["Authorization": "Bearer \(endpoint.apiKey)"])
        XCTAssertEqual(garbage.object["code"] as? String, "VALIDATION_ERROR")
    }

    func testAuthChatbotPathAndMethodErrorsUseTheErrorShape() async throws {
        let wrongKey = try await create(sample, key: "sk-workspace_wrong")
        XCTAssertEqual(wrongKey.status, 401)
        XCTAssertEqual(wrongKey.object["code"] as? String, "UNAUTHORIZED")
        XCTAssertEqual(wrongKey.object["success"] as? Bool, false)
        let unknownBot = try await create(sample, chatbot: "cb_nope")
        XCTAssertEqual(unknownBot.status, 404)
        XCTAssertEqual(unknownBot.object["code"] as? String, "CHATBOT_NOT_FOUND")
        let path = try await vendor(.chatbot, "POST", "/api/v1/leads", json: sample, headers: ["Authorization": "Bearer \(endpoint.apiKey)"])
        XCTAssertEqual(path.status, 404)
        let method = try await vendor(.chatbot, "GET", "/api/v1/chatbots/\(endpoint.chatbotId ?? "")/leads",
                                      headers: ["Authorization": "Bearer \(endpoint.apiKey)"])
        XCTAssertEqual(method.status, 405)
        let leads = try await vendorState(.chatbot)["leads"] as? [[String: Any]]
        XCTAssertEqual(leads?.count, 0)
    }

    func testADroppedAnswerThenARetryGivesDuplicateEmailSoRetriesAreSafe() async throws {
        _ = try await control("POST", "/_sim/faults", form: ["vendor": "chatbot", "drop_rate": "1"])
        let id = endpoint.chatbotId ?? ""
        let body = try JSONSerialization.data(withJSONObject: sample)
        let connection = try XCTUnwrap(RawConnection(port: sim.port))
        connection.send("POST /chatbot/api/v1/chatbots/\(id)/leads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(endpoint.apiKey)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n" + String(decoding: body, as: UTF8.self))
        let partial = connection.readUntilClosed()
        XCTAssertFalse(partial.contains("\"workspaceId\"") && partial.hasSuffix("}"), "the answer must be cut: \(partial)")
        _ = try await control("POST", "/_sim/faults", form: ["vendor": "chatbot", "reset": "1"])
        let retry = try await create(sample)
        XCTAssertEqual(retry.object["code"] as? String, "DUPLICATE_EMAIL")
        let stored = try await vendorState(.chatbot)["leads"] as? [[String: Any]]
        XCTAssertEqual((retry.object["details"] as? [String: Any])?["existingLeadId"] as? String, stored?.first?["id"] as? String)
    }
}
