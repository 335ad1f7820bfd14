import Core
import Simulator
import XCTest

final class PagingAndFilterTests: SimulatorTestCase {
    override func configuration() -> SimulatorConfiguration {
        var config = super.configuration()
        config.leadCount = 620
        return config
    }

    func testDefaultPageIs20WithNextAndNullPrevious() async throws {
        let reply = try await call("GET", "leads/list", as: ana)
        XCTAssertEqual(reply.results.count, 20)
        XCTAssertEqual(reply.data["count"] as? Int, 620)
        XCTAssertTrue(reply.data["previous"] is NSNull)
        let next = try XCTUnwrap(reply.data["next"] as? String)
        XCTAssertEqual(next, sim.baseURL.absoluteString + "/leads/list/?limit=20&offset=20")
    }

    func testLimitAbove500IsClampedTo500() async throws {
        let reply = try await call("GET", "leads/list", query: ["limit": "1000"], as: ana)
        XCTAssertEqual(reply.results.count, 500)
        XCTAssertEqual(reply.data["next"] as? String, sim.baseURL.absoluteString + "/leads/list/?limit=500&offset=500")
    }

    func testLastPageHasNullNextAndPreviousKeepsFilters() async throws {
        let reply = try await call("GET", "leads/list", query: ["offset": "600", "limit": "50", "list_type": ""], as: ana)
        XCTAssertEqual(reply.results.count, 20)
        XCTAssertTrue(reply.data["next"] is NSNull)
        XCTAssertEqual(
            reply.data["previous"] as? String,
            sim.baseURL.absoluteString + "/leads/list/?limit=50&list_type=&offset=550")
    }

    func testFollowingNextVisitsEveryLeadOnceInIdOrder() async throws {
        var ids: [Int] = []
        var query = ["limit": "200"]
        while true {
            let reply = try await call("GET", "leads/list", query: query, as: ana)
            ids += reply.results.compactMap { $0["id"] as? Int }
            guard let next = reply.data["next"] as? String, let components = URLComponents(string: next) else { break }
            query = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        }
        XCTAssertEqual(ids, Array(1...620))
    }

    func testNonIntegerOffsetIs400() async throws {
        let reply = try await call("GET", "leads/list", query: ["offset": "abc"], as: ana)
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.errors["offset"], ["A valid integer is required."])
    }

    func testAssignedListsOnlyTheCallersLeads() async throws {
        let reply = try await call("GET", "leads/list", query: ["list_type": "assigned", "limit": "500"], as: ben)
        XCTAssertFalse(reply.results.isEmpty)
        XCTAssertTrue(reply.results.allSatisfy { $0["owner"] as? String == ben.username })
        XCTAssertLessThan(reply.data["count"] as? Int ?? 620, 620)
    }

    func testStatusAndEmailFiltersAndInvalidStatus() async throws {
        let customers = try await call("GET", "leads/list", query: ["status": "customer", "limit": "500"], as: ana)
        XCTAssertFalse(customers.results.isEmpty)
        XCTAssertTrue(customers.results.allSatisfy { $0["status"] as? String == "customer" })
        let first = try XCTUnwrap(customers.results.first)
        let email = try XCTUnwrap(first["email"] as? String)
        let byEmail = try await call("GET", "leads/list", query: ["email": email.uppercased()], as: ana)
        XCTAssertEqual(byEmail.results.count, 1)
        XCTAssertEqual(byEmail.results.first?["slug"] as? String, first["slug"] as? String)
        let bad = try await call("GET", "leads/list", query: ["status": "hot"], as: ana)
        XCTAssertEqual(bad.status, 400)
        XCTAssertEqual(bad.errors["status"], ["hot is not a valid choice."])
    }

    func testListRowsCarryTheSeedFields() async throws {
        let reply = try await call("GET", "leads/list", query: ["limit": "1"], as: ana)
        let row = try XCTUnwrap(reply.results.first)
        for key in ["id", "slug", "first_name", "last_name", "name", "phone", "email", "added_on", "status", "source", "owner"] {
            XCTAssertNotNil(row[key], key)
        }
        XCTAssertNotNil(WireDate.parseTimestamp(row["added_on"] as? String ?? ""))
    }
}
