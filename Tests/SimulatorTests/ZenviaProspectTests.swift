import Core
import Foundation
import Simulator
import XCTest

/// seed 004's prospects: ids, the seeded people, `POST /lead`, list filters and paging, search, edit, archive, transfer.
final class ZenviaProspectTests: ZenviaTestCase {
    func testSeededProspectsAreTheDemoLeadsWithHexIdsPhonesEmailsLeadsAndAgent() async throws {
        let prospects = try await allProspects()
        XCTAssertEqual(prospects.count, 14, "one prospect per three of the 40 demo leads")
        for (number, prospect) in prospects.enumerated() {
            XCTAssertTrue(Self.isObjectId(prospect["id"]), "\(prospect["id"] ?? "")")
            XCTAssertNotNil(prospect["leads"] as? [[String: Any]])
            XCTAssertNotNil(prospect["agent"] as? [String: Any])
            _ = number
        }
        let lead = demoLead(forProspect: 0)
        let first = try XCTUnwrap(prospects.first { ($0["emails"] as? [String]) == [lead.email] }, "demo lead 0 is a prospect")
        XCTAssertEqual(first["phones"] as? [String], [lead.phone])
        XCTAssertEqual(first["firstName"] as? String, lead.firstName)
        XCTAssertEqual(first["lastName"] as? String, lead.lastName)
        XCTAssertEqual((first["agent"] as? [String: Any])?["legacyId"] as? String, lead.owner)
        let ids = prospects.compactMap { $0["id"] as? String }
        XCTAssertEqual(ids, ids.sorted(), "ascending id order = creation order")
    }

    func testAuthByQueryOrHeaderAndA401InZenviasErrorShape() async throws {
        let byHeader = try await zenvia("GET", "/prospects", query: ["limit": "1"], headers: ["api-key": key])
        XCTAssertEqual(byHeader.status, 200)
        assertError(try await zenvia("GET", "/prospects", query: ["api-key": "wrong"]), 401, code: "UNAUTHORIZED")
        assertError(try await vendor(.zenvia, "GET", "/prospects"), 401, code: "UNAUTHORIZED")
        assertError(try await zenvia("GET", "/nothing-here"), 404, code: "NOT_FOUND")
    }

    func testPostLeadCreatesAProspectThenReturnsTheSameOneWithoutEarlierLeadData() async throws {
        let lead: [String: Any] = [
            "utmSource": "google", "firstName": "Jorge", "lastName": "Letona", "phones": ["+54 9 11 4552 0371"],
            "emails": ["jorge@example.com"], "comments": "Wants financing", "company": "Southern Group",
        ]
        let created = try await zenvia("POST", "/lead", json: lead)
        XCTAssertEqual(created.status, 200)
        let id = try XCTUnwrap(created.object["id"] as? String)
        XCTAssertTrue(Self.isObjectId(id))
        XCTAssertEqual(created.object["status"] as? String, "unclaimed")
        XCTAssertEqual((created.object["leads"] as? [[String: Any]])?.first?["comments"] as? String, "Wants financing")

        let again = try await zenvia("POST", "/lead", json: ["utmSource": "newsletter4", "phones": ["+549114552 0371"], "comments": "Second visit"])
        XCTAssertEqual(again.object["id"] as? String, id, "matched by phone digits")
        let leads = try XCTUnwrap(again.object["leads"] as? [[String: Any]])
        XCTAssertEqual(leads.count, 1, "previous lead data is not returned")
        XCTAssertEqual(leads.first?["utmSource"] as? String, "newsletter4")
        let stored = try await zenvia("GET", "/prospect/\(id)")
        XCTAssertEqual((stored.object["leads"] as? [Any])?.count, 2, "the prospect keeps both leads")

        let byEmail = try await zenvia("POST", "/lead", json: ["utmSource": "x", "emails": ["JORGE@example.com"]])
        XCTAssertEqual(byEmail.object["id"] as? String, id, "matched by e-mail, case-insensitively")

        assertError(try await zenvia("POST", "/lead", json: ["firstName": "No source"]), 400, code: "MISSING_PARAMETER")
        assertError(try await zenvia("POST", "/lead", json: ["utmSource": "x", "emails": ["not mail"]]), 400, code: "INVALID_PARAMETER")
        assertError(try await zenvia("POST", "/lead", body: Data("{oops".utf8)), 400, code: "INVALID_BODY")
    }

    func testListFiltersAndPagingByIds() async throws {
        let all = try await allProspects()
        let ids = all.compactMap { $0["id"] as? String }
        let firstPage = try await zenvia("GET", "/prospects", query: ["limit": "5"]).array.compactMap { $0["id"] as? String }
        XCTAssertEqual(firstPage, Array(ids.prefix(5)))
        let next = try await zenvia("GET", "/prospects", query: ["limit": "5", "after": firstPage[4]]).array.compactMap { $0["id"] as? String }
        XCTAssertEqual(next, Array(ids[5..<10]))
        let back = try await zenvia("GET", "/prospects", query: ["limit": "3", "before": ids[6]]).array.compactMap { $0["id"] as? String }
        XCTAssertEqual(back, Array(ids[3..<6]))

        let lead = demoLead(forProspect: 1)
        let byPhone = try await zenvia("GET", "/prospects", query: ["limit": "100", "phoneNumber": lead.phone]).array
        XCTAssertEqual(byPhone.compactMap { ($0["emails"] as? [String])?.first }, [lead.email])
        let bySearch = try await zenvia("GET", "/prospects", query: ["limit": "100", "search": lead.email.uppercased()]).array
        XCTAssertEqual(bySearch.count, 1)
        let agentId = try XCTUnwrap((all[0]["agent"] as? [String: Any])?["id"] as? String)
        let byAgent = try await zenvia("GET", "/prospects", query: ["limit": "100", "agent": agentId]).array
        XCTAssertEqual(byAgent.count, all.filter { ($0["agent"] as? [String: Any])?["id"] as? String == agentId }.count)
        XCTAssertFalse(byAgent.isEmpty)
        let archived = try await zenvia("GET", "/prospects", query: ["limit": "100", "status": "archived"]).array
        XCTAssertTrue(archived.allSatisfy { $0["status"] as? String == "archived" })
        let unassigned = try await zenvia("GET", "/prospects", query: ["limit": "100", "withAgent": "false"]).array
        XCTAssertTrue(unassigned.isEmpty, "every seeded prospect has an agent")
        assertError(try await zenvia("GET", "/prospects", query: ["agent": "XYZ"]), 400, code: "INVALID_PARAMETER")
    }

    func testWithoutALimitTheListIsTheLast31DaysAndLongerRangesAreRefused() async throws {
        let now = Int64(Date().timeIntervalSince1970)
        let recent = try await zenvia("GET", "/prospects").array
        let all = try await allProspects()
        let expected = all.filter { (WireDate.parseTimestamp($0["created"] as? String ?? "") ?? 0) >= now - 31 * 86_400 - 5 }
        XCTAssertEqual(recent.count, expected.count)
        XCTAssertLessThan(recent.count, all.count, "demo leads span a year")
        let tooLong = ["createdAfter": WireDate.formatTimestamp(now - 40 * 86_400), "createdBefore": WireDate.formatTimestamp(now)]
        assertError(try await zenvia("GET", "/prospects", query: tooLong), 400, code: "INVALID_DATE_RANGE")
        let reversed = ["createdAfter": WireDate.formatTimestamp(now), "createdBefore": WireDate.formatTimestamp(now - 86_400)]
        assertError(try await zenvia("GET", "/prospects", query: reversed), 400, code: "INVALID_DATE_RANGE")
        assertError(try await zenvia("GET", "/prospects", query: ["createdAfter": WireDate.formatTimestamp(now - 60 * 86_400)]), 400,
                    code: "INVALID_DATE_RANGE")
        let valid = try await zenvia("GET", "/prospects", query: ["start": WireDate.formatTimestamp(now - 30 * 86_400)])
        XCTAssertEqual(valid.status, 200, "the deprecated alias works")
        let withLimit = try await zenvia("GET", "/prospects", query: ["limit": "1000", "createdAfter": WireDate.formatTimestamp(now - 400 * 86_400)])
        XCTAssertEqual(withLimit.array.count, all.count, "with a limit, dates only filter")
    }

    func testSearchByEmailOrPhoneAndNeitherIs400() async throws {
        let lead = demoLead(forProspect: 2)
        let byEmail = try await zenvia("GET", "/prospects/search", query: ["email": lead.email])
        XCTAssertEqual(byEmail.status, 200)
        XCTAssertEqual(byEmail.object["phones"] as? [String], [lead.phone])
        XCTAssertNotNil(byEmail.object["claimedBy"])
        let byPhone = try await zenvia("GET", "/prospects/search", query: ["phoneNumber": lead.phone])
        XCTAssertEqual(byPhone.object["id"] as? String, byEmail.object["id"] as? String)
        assertError(try await zenvia("GET", "/prospects/search"), 400, code: "MISSING_PARAMETER")
        assertError(try await zenvia("GET", "/prospects/search", query: ["email": "nobody@example.com"]), 404, code: "NOT_FOUND")
    }

    func testGetUpdateArchiveDeleteOneProspect() async throws {
        let prospects = try await allProspects()
        let id = try XCTUnwrap(prospects.first?["id"] as? String)
        let updated = try await zenvia("PUT", "/prospect/\(id)", json: ["firstName": "Zoë", "label": "warm", "phone": "+49 151 000", "email": "zoe@example.com"])
        XCTAssertEqual(updated.status, 200)
        XCTAssertEqual(updated.object["firstName"] as? String, "Zoë")
        XCTAssertEqual(updated.object["label"] as? String, "warm")
        XCTAssertEqual((updated.object["phones"] as? [String])?.last, "+49 151 000", "phone is added")
        XCTAssertEqual((updated.object["emails"] as? [String])?.count, 2, "email is added")
        assertError(try await zenvia("PUT", "/prospect/\(id)", json: ["email": "bad"]), 400, code: "INVALID_PARAMETER")

        let archived = try await zenvia("POST", "/prospect/\(id)/archive", json: ["archivingReason": "lost-to-competitor"])
        XCTAssertEqual(archived.object["status"] as? String, "archived")
        XCTAssertEqual(archived.object["archivingReason"] as? String, "lost-to-competitor")

        let deleted = try await zenvia("DELETE", "/prospect/\(id)")
        XCTAssertEqual(deleted.status, 200)
        assertError(try await zenvia("GET", "/prospect/\(id)"), 404, code: "NOT_FOUND")
        assertError(try await zenvia("GET", "/prospect/NOT-AN-ID"), 400, code: "INVALID_PARAMETER")
        assertError(try await zenvia("GET", "/prospect/0123456789abcdef01234567"), 404, code: "NOT_FOUND")
        let state = try await vendorState(.zenvia)
        let dumped = (state["prospects"] as? [[String: Any]])?.first { $0["id"] as? String == id }
        XCTAssertEqual(dumped?["deleted"] as? Bool, true)
    }

    func testTransferTargetsAndTransfer() async throws {
        let targets = try await zenvia("GET", "/prospects/transfer-targets")
        let agents = try XCTUnwrap(targets.object["agents"] as? [[String: Any]])
        let groups = try XCTUnwrap(targets.object["groups"] as? [[String: Any]])
        XCTAssertEqual(agents.count, 3, "one agent per seed 001 user")
        XCTAssertEqual(groups.count, 3)
        XCTAssertTrue(agents.allSatisfy { Self.isObjectId($0["id"]) && $0["email"] is String })
        let prospects = try await allProspects()
        let prospect = try XCTUnwrap(prospects.first)
        let id = try XCTUnwrap(prospect["id"] as? String)
        let other = try XCTUnwrap(agents.first { $0["id"] as? String != (prospect["agent"] as? [String: Any])?["id"] as? String })
        let moved = try await zenvia("POST", "/prospect/\(id)/transfer", json: ["user": other["id"] ?? ""])
        XCTAssertEqual(moved.status, 200)
        XCTAssertEqual(moved.object["success"] as? Bool, true)
        let after = try await zenvia("GET", "/prospect/\(id)")
        XCTAssertEqual((after.object["agent"] as? [String: Any])?["id"] as? String, other["id"] as? String)
        let toGroup = try await zenvia("POST", "/prospect/\(id)/transfer", json: ["group": groups[0]["id"] ?? ""])
        XCTAssertEqual(toGroup.status, 200)
        assertError(try await zenvia("POST", "/prospect/\(id)/transfer", json: [String: String]()), 400, code: "MISSING_PARAMETER")
        assertError(try await zenvia("POST", "/prospect/\(id)/transfer", json: ["user": "0123456789abcdef01234567"]), 404, code: "NOT_FOUND")
    }

    func testGroupsAndAgentsDirectory() async throws {
        let groups = try await zenvia("GET", "/groups").array
        XCTAssertEqual(groups.count, 3)
        let root = try XCTUnwrap(groups.first { $0["parent"] is NSNull })
        let rootId = try XCTUnwrap(root["id"] as? String)
        XCTAssertEqual((root["descendants"] as? [String])?.count, 2)
        let children = try await zenvia("GET", "/groups/children").array
        XCTAssertEqual(children.count, 2, "children of the key's group by default")
        let one = try await zenvia("GET", "/group/\(rootId)")
        XCTAssertEqual(one.object["name"] as? String, "Sales")
        let online = try await zenvia("GET", "/group/\(rootId)/agents/online")
        XCTAssertEqual((online.object["agents"] as? [Any])?.count, 3)
        XCTAssertEqual(online.object["officeHours"] as? Bool, true)
        let childId = try XCTUnwrap(children.first?["id"] as? String)
        let agents = try await zenvia("GET", "/agents", query: ["group": childId]).array
        XCTAssertFalse(agents.isEmpty)
        XCTAssertLessThan(agents.count, 3)
        assertError(try await zenvia("GET", "/agents"), 400, code: "MISSING_PARAMETER")
    }

    func testWebhookSubscriptionsAreOnePerGroupAndCanBeDeleted() async throws {
        let topics = try await zenvia("GET", "/notifications/topics").array.compactMap { $0["name"] as? String }
        XCTAssertEqual(topics, ["prospects", "interactions", "quotes", "agents"])
        let first = try await zenvia("POST", "/notifications/subscriptions", json: ["topics": ["prospects"], "callbackUrl": "https://example.com/hook"])
        let firstId = try XCTUnwrap(first.object["id"] as? String)
        XCTAssertTrue(Self.isObjectId(firstId))
        let second = try await zenvia("POST", "/notifications/subscriptions", json: ["topics": ["interactions"], "callbackUrl": "https://example.com/h2"])
        let active = try await zenvia("GET", "/notifications/subscriptions").array
        XCTAssertEqual(active.compactMap { $0["id"] as? String }, [second.object["id"] as? String ?? ""], "subscribing twice deactivates the first")
        assertError(try await zenvia("GET", "/notifications/subscription/\(firstId)"), 404, code: "NOT_FOUND")
        let deleted = try await zenvia("DELETE", "/notifications/subscription/\(second.object["id"] as? String ?? "")")
        XCTAssertEqual(deleted.status, 200)
        let none = try await zenvia("GET", "/notifications/subscriptions")
        XCTAssertTrue(none.array.isEmpty)
        assertError(try await zenvia("POST", "/notifications/subscriptions", json: ["topics": ["weather"], "callbackUrl": "https://x.example"]), 400,
                    code: "INVALID_PARAMETER")
    }
}
