import Core
import Foundation
import Simulator
import XCTest

/// seed 004's interactions and messaging, with README §2's reading of `proactive` and the 24 h window.
final class ZenviaConversationTests: ZenviaTestCase {
    func testSeededInteractionsCoverEveryViaAndMessagesCarryTheSeedsFields() async throws {
        let state = try await vendorState(.zenvia)
        let interactions = try XCTUnwrap(state["interactions"] as? [[String: Any]])
        XCTAssertEqual(Set(interactions.compactMap { $0["via"] as? String }),
                       ["walkIn", "sms", "whatsApp", "email", "testDrive", "visit", "phoneCall", "outboundCall", "inboundCall", "facebook"])
        for item in interactions {
            XCTAssertTrue(Self.isObjectId(item["id"]) && Self.isObjectId(item["prospectId"]))
            XCTAssertNotNil(item["createdAt"] as? String)
            XCTAssertNotNil(item["proactive"] as? Bool)
            XCTAssertNotNil(item["status"] as? String)
            let via = item["via"] as? String ?? ""
            let message = (item["output"] as? [String: Any])?["message"] as? [String: Any]
            if ["sms", "whatsApp", "email", "facebook"].contains(via) {
                let body = try XCTUnwrap(message, "a \(via) interaction has output.message")
                XCTAssertNotNil(body["content"] as? String)
                XCTAssertEqual(body["delivered"] as? Bool, true)
                XCTAssertNotNil(body["sender"] as? String)
                XCTAssertNotNil(body["recipient"] as? String)
                XCTAssertEqual(body["via"] as? String, via)
            }
            if via == "inboundCall" || via == "walkIn" { XCTAssertEqual(item["proactive"] as? Bool, false, "the prospect started it") }
            if via == "outboundCall" { XCTAssertEqual(item["proactive"] as? Bool, true, "the agent started it") }
        }
        let now = Int64(Date().timeIntervalSince1970)
        let recentInbound = Set(interactions.filter {
            $0["proactive"] as? Bool == false && now - (WireDate.parseTimestamp($0["createdAt"] as? String ?? "") ?? 0) < 24 * 3600
        }.compactMap { $0["prospectId"] as? String })
        XCTAssertEqual(recentInbound.count, 5, "prospects 0, 3, 6, 9, 12 of 14 wrote within the last 24 h")
    }

    func testTheSeededConversationIsTheSameOnEveryStart() throws {
        var config = configuration()
        config.dataNow = 1_795_262_400
        let one = try SimulatorServer.start(config)
        defer { one.stop() }
        let two = try SimulatorServer.start(config)
        defer { two.stop() }
        XCTAssertEqual(one.endpoint(.zenvia).apiKey, sim.endpoint(.zenvia).apiKey, "keys depend on the seed only")
        XCTAssertEqual(one.endpoint(.chatbot).chatbotId, sim.endpoint(.chatbot).chatbotId)
        let first = try JSONSerialization.data(withJSONObject: one.vendorState(.zenvia), options: [.sortedKeys])
        let second = try JSONSerialization.data(withJSONObject: two.vendorState(.zenvia), options: [.sortedKeys])
        XCTAssertEqual(first, second, "same seed and clock, same prospects, ids and conversations")
        XCTAssertGreaterThan(first.count, 10_000)
    }

    func testInteractionListsFilterByViaDatesAndProspect() async throws {
        let all = try await zenvia("GET", "/prospects/interactions", query: ["limit": "1000"]).array
        let calls = try await zenvia("GET", "/prospects/interactions", query: ["limit": "1000"], rawQuery: "via=inboundCall&via[]=outboundCall").array
        XCTAssertEqual(calls.count, all.filter { ["inboundCall", "outboundCall"].contains($0["via"] as? String) }.count)
        XCTAssertFalse(calls.isEmpty)
        assertError(try await zenvia("GET", "/prospects/interactions", rawQuery: "via=fax"), 400, code: "INVALID_PARAMETER")
        let day = WireDate.formatTimestamp(Int64(Date().timeIntervalSince1970) - 86_400)
        let lastDay = try await zenvia("GET", "/prospects/interactions", query: ["createdAfter": day]).array
        XCTAssertEqual(lastDay.count, 5, "only the five recent inbound messages")
        XCTAssertTrue(lastDay.allSatisfy { $0["proactive"] as? Bool == false })

        let prospectId = try XCTUnwrap(all.first?["prospectId"] as? String)
        let own = try await zenvia("GET", "/prospect/\(prospectId)/interactions").array
        XCTAssertEqual(own.count, all.filter { $0["prospectId"] as? String == prospectId }.count)
        let ids = own.compactMap { $0["id"] as? String }
        XCTAssertEqual(ids, ids.sorted(), "oldest first")
        let one = try await zenvia("GET", "/prospect/\(prospectId)/interaction/\(ids[0])")
        XCTAssertEqual(one.object["id"] as? String, ids[0])
        assertError(try await zenvia("GET", "/prospect/\(prospectId)/interaction/0123456789abcdef01234567"), 404, code: "NOT_FOUND")
    }

    func testChannelsAndTemplates() async throws {
        let channels = try await zenvia("GET", "/messaging/channels").array
        XCTAssertEqual(channels.compactMap { $0["channel"] as? String }, ["whatsapp", "facebook"])
        let templates = try XCTUnwrap(channels.first?["templates"] as? [[String: Any]])
        XCTAssertTrue(templates.allSatisfy { ["key", "name", "body", "template"].allSatisfy($0.keys.contains) })
        let prospect = try await prospect(windowOpen: false)
        let open = try await zenvia("GET", "/prospect/\(prospect["id"] as? String ?? "")/messaging/channels").array
        XCTAssertTrue(open.contains { $0["channel"] as? String == "whatsapp" }, "a prospect with a phone can get WhatsApp")
    }

    func testSendTemplateWorksAnyTimeAndRendersParameters() async throws {
        let prospect = try await prospect(windowOpen: false)
        let id = try XCTUnwrap(prospect["id"] as? String)
        let sent = try await zenvia("POST", "/prospect/\(id)/messaging/whatsapp/send-template",
                                    json: ["key": "welcome", "parameters": ["prospect.firstName": "Jonathan"]])
        XCTAssertEqual(sent.status, 200)
        let item = try XCTUnwrap(sent.array.first)
        XCTAssertEqual(item["proactive"] as? Bool, true)
        XCTAssertEqual(item["via"] as? String, "whatsApp")
        let message = try XCTUnwrap((item["output"] as? [String: Any])?["message"] as? [String: Any])
        XCTAssertEqual(message["template"] as? String, "welcome")
        XCTAssertTrue((message["body"] as? String)?.hasPrefix("Hi Jonathan,") ?? false, "\(message)")
        XCTAssertEqual(message["recipient"] as? String, (prospect["phones"] as? [String])?.first)
        assertError(try await zenvia("POST", "/prospect/\(id)/messaging/whatsapp/send-template", json: ["key": "nope"]), 404, code: "TEMPLATE_NOT_FOUND")
        assertError(try await zenvia("POST", "/prospect/\(id)/messaging/whatsapp/send-template", json: ["key": "appointment_reminder"]), 400,
                    code: "MISSING_PARAMETER")
        assertError(try await zenvia("POST", "/prospect/\(id)/messaging/whatsapp/send-template",
                                     json: ["key": "welcome", "parameters": ["prospect.firstName": "a    b"]]), 400, code: "INVALID_PARAMETER")
        assertError(try await zenvia("POST", "/prospect/\(id)/messaging/telegram/send-template", json: ["key": "welcome"]), 400,
                    code: "INVALID_PARAMETER")
        let dumped = try await zenvia("GET", "/prospect/\(id)/interactions").array
        XCTAssertEqual(dumped.last?["id"] as? String, item["id"] as? String)
    }

    func testSendIsRefusedOutsideTheWindowAndAllowedOnceTheProspectWritesIn() async throws {
        let prospect = try await prospect(windowOpen: false)
        let id = try XCTUnwrap(prospect["id"] as? String)
        let refused = try await zenvia("POST", "/prospect/\(id)/messaging/whatsapp/send", json: ["content": "Hello?"])
        XCTAssertEqual(refused.status, 400)
        XCTAssertEqual(refused.object["code"] as? String, "WINDOW_CLOSED")
        XCTAssertEqual(Set(refused.object.keys), ["message", "code"])
        let inbound = try await control("POST", "/_sim/zenvia/inbound", form: ["prospect": id, "content": "Still interested!"])
        XCTAssertEqual(inbound.status, 200)
        XCTAssertEqual((inbound.json["interaction"] as? [String: Any])?["proactive"] as? Bool, false)
        let sent = try await zenvia("POST", "/prospect/\(id)/messaging/whatsapp/send", json: ["content": "Great, let's talk."])
        XCTAssertEqual(sent.status, 200)
        let message = (sent.array.first?["output"] as? [String: Any])?["message"] as? [String: Any]
        XCTAssertEqual(message?["content"] as? String, "Great, let's talk.")
        assertError(try await zenvia("POST", "/prospect/\(id)/messaging/whatsapp/send", json: ["content": ""]), 400, code: "MISSING_PARAMETER")
        let byEmail = try await control("POST", "/_sim/zenvia/inbound", form: ["prospect": (prospect["emails"] as? [String])?.first ?? "", "via": "email"])
        XCTAssertEqual(byEmail.status, 200, "the control endpoint finds a prospect by e-mail too")
        let unknown = try await control("POST", "/_sim/zenvia/inbound", form: ["prospect": "nobody@example.com"])
        XCTAssertEqual(unknown.status, 404)
    }

    func testTheSwiftAPIAddsAnInboundMessageAndShowsTheVendorsState() async throws {
        let prospect = try await prospect(windowOpen: false)
        let phone = try XCTUnwrap((prospect["phones"] as? [String])?.first)
        let id = try XCTUnwrap(sim.vendors.zenviaInbound(prospect: phone, content: "Call me back, please"))
        XCTAssertNil(sim.vendors.zenviaInbound(prospect: "nobody@example.com", content: "x"))
        let interactions = try XCTUnwrap(sim.vendorState(.zenvia)["interactions"] as? [[String: Any]])
        let added = try XCTUnwrap(interactions.first { $0["id"] as? String == id })
        XCTAssertEqual(added["prospectId"] as? String, prospect["id"] as? String)
        XCTAssertEqual(((added["output"] as? [String: Any])?["message"] as? [String: Any])?["content"] as? String, "Call me back, please")
        let sent = try await zenvia("POST", "/prospect/\(prospect["id"] as? String ?? "")/messaging/whatsapp/send", json: ["content": "Sure!"])
        XCTAssertEqual(sent.status, 200, "the window is open now")
    }

    func testASeededRecentInboundMessageOpensTheWindow() async throws {
        let prospect = try await prospect(windowOpen: true)
        let sent = try await zenvia("POST", "/prospect/\(prospect["id"] as? String ?? "")/messaging/whatsapp/send", json: ["content": "Hi!"])
        XCTAssertEqual(sent.status, 200)
    }

    private func multipart(_ bytes: [UInt8], filename: String = "quote.pdf") -> (Data, String) {
        let boundary = "zenvia-test-boundary"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
        body.append(contentsOf: bytes)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    func testSendFileTakesAMultipartFileWithinTheWindowAndTheSizeLimit() async throws {
        let prospect = try await prospect(windowOpen: true)
        let id = try XCTUnwrap(prospect["id"] as? String)
        let bytes: [UInt8] = [0x25, 0x50, 0x44, 0x46, 0, 1, 2, 13, 10, 0xFF]
        let (body, type) = multipart(bytes)
        let sent = try await zenvia("POST", "/prospect/\(id)/messaging/whatsapp/send-file", body: body, headers: ["Content-Type": type])
        XCTAssertEqual(sent.status, 200, "\(sent.object)")
        let attachment = (((sent.array.first?["output"] as? [String: Any])?["message"] as? [String: Any])?["attachment"]) as? [String: Any]
        XCTAssertEqual(attachment?["type"] as? String, "application/pdf")
        let url = try XCTUnwrap(attachment?["url"] as? String)
        let (data, _) = try await session.data(from: try XCTUnwrap(URL(string: url + "?api-key=" + key)))
        XCTAssertEqual([UInt8](data), bytes, "the file is kept byte for byte")

        let (big, bigType) = multipart([UInt8](repeating: 65, count: 512 * 1024 + 1))
        assertError(try await zenvia("POST", "/prospect/\(id)/messaging/whatsapp/send-file", body: big, headers: ["Content-Type": bigType]), 413,
                    code: "FILE_TOO_LARGE")
        assertError(try await zenvia("POST", "/prospect/\(id)/messaging/whatsapp/send-file", body: Data("x".utf8),
                                     headers: ["Content-Type": "multipart/form-data; boundary=zzz"]), 400, code: "INVALID_BODY")
        let closed = try await self.prospect(windowOpen: false)
        let (small, smallType) = multipart([1, 2, 3])
        assertError(try await zenvia("POST", "/prospect/\(closed["id"] as? String ?? "")/messaging/whatsapp/send-file", body: small,
                                     headers: ["Content-Type": smallType]), 400, code: "WINDOW_CLOSED")
        let files = try await vendorState(.zenvia)["files"] as? [[String: Any]]
        XCTAssertEqual(files?.count, 1)
        XCTAssertEqual(files?.first?["filename"] as? String, "quote.pdf")
    }

    func testZenviaFaultsDoNotTouchTheOtherVendors() async throws {
        _ = try await control("POST", "/_sim/faults", form: ["vendor": "zenvia", "error_rate": "1"])
        let failed = try await zenvia("GET", "/prospects")
        XCTAssertTrue([500, 503].contains(failed.status))
        XCTAssertEqual(failed.object["code"] as? String, "INTERNAL_ERROR")
        let crm = try await call("GET", "leads/list", query: ["limit": "1"], as: ana)
        XCTAssertEqual(crm.status, 200)
    }
}

/// seed 004: "We will respond with 429 Too Many Requests and the following headers" (a small limit here).
final class ZenviaRateLimitTests: ZenviaTestCase {
    override func configuration() -> SimulatorConfiguration {
        var config = super.configuration()
        config.zenviaRateLimit = FaultSettings.RateLimit(requests: 3, windowSeconds: 3600)
        return config
    }

    func testEveryAnswerCarriesTheRateLimitHeadersAndTheFourthIs429() async throws {
        var remaining: [String] = []
        var limited: VendorReply?
        for _ in 0..<8 {
            let reply = try await zenvia("GET", "/groups")
            if reply.status == 429 { limited = reply; break }
            XCTAssertEqual(reply.header("X-RateLimit-Limit"), "3")
            remaining.append(reply.header("X-RateLimit-Remaining") ?? "?")
        }
        let reply = try XCTUnwrap(limited)
        XCTAssertEqual(Array(remaining.suffix(3)), ["2", "1", "0"])
        XCTAssertEqual(reply.object["code"] as? String, "RATE_LIMITED")
        XCTAssertEqual(reply.header("X-RateLimit-Remaining"), "0")
        let reset = try XCTUnwrap(Double(reply.header("X-RateLimit-Reset") ?? ""))
        XCTAssertGreaterThan(reset, Date().timeIntervalSince1970)
        let other = try await vendor(.closingdealz, "POST", "/api/v1/leads", json: [["email": "a@example.com"]],
                                     headers: ["X-API-Key": sim.endpoint(.closingdealz).apiKey])
        XCTAssertEqual(other.status, 200, "each vendor has its own limit")
    }
}
