import Core
import Simulator
import XCTest

final class AuthAndEnvelopeTests: SimulatorTestCase {
    func testMissingCredentialsAnswer401WithAuthKey() async throws {
        let reply = try await call("GET", "leads/list", as: nil)
        XCTAssertEqual(reply.status, 401)
        XCTAssertEqual(reply.errors, ["auth": [VendorMessages.invalidCredentials]])
        XCTAssertEqual(reply.json["status_code"] as? Int, 401)
    }

    func testApiKeyWithAnotherUsersTokenIsRejectedAsAuth() async throws {
        let mixed = SimUser(username: "x", displayName: "x", apiKey: ana.apiKey, token: ben.token)
        let reply = try await call("GET", "leads/list", as: mixed)
        XCTAssertEqual(reply.status, 401)
        XCTAssertEqual(reply.errors["auth"], [VendorMessages.invalidCredentials])
    }

    func testApiKeyWithoutBearerHeaderIsRejectedAsAuth() async throws {
        let reply = try await call("GET", "leads/list", as: nil, headers: ["apikey": ana.apiKey])
        XCTAssertEqual(reply.errors["auth"], [VendorMessages.invalidCredentials])
    }

    func testBusinessRejectionIs401WithRequestKeyNotAuth() async throws {
        let bens = try await leadOwned(by: ben)
        var form = validLeadForm(assignee: ana.username)
        form["slug"] = bens["slug"] as? String
        let reply = try await call("POST", "leads/update/lead", form: form, as: ana)
        XCTAssertEqual(reply.status, 401)
        XCTAssertEqual(reply.errors, ["request": [VendorMessages.notOwner]])
        XCTAssertNil(reply.errors["auth"])
    }

    func testSuccessfulCallUsesEnvelopeAndCreateReturnsEmptyData() async throws {
        let reply = try await call("POST", "leads/create/lead", form: validLeadForm(assignee: ana.username), as: ana)
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.json["status_code"] as? Int, 200)
        XCTAssertEqual(reply.errors.count, 0)
        XCTAssertEqual(reply.data.count, 0, "seed 001 creates return data {} with no id")
    }

    func testUnknownPathIs404AndWrongMethodIs405() async throws {
        let missing = try await call("GET", "leads/nothing", as: ana)
        XCTAssertEqual(missing.status, 404)
        let wrongMethod = try await call("POST", "leads/list", as: ana)
        XCTAssertEqual(wrongMethod.status, 405)
    }
}
