import Core
import Simulator
import XCTest

final class LeadValidationTests: SimulatorTestCase {
    private func createErrors(_ change: (inout [String: String]) -> Void) async throws -> [String: [String]] {
        var form = validLeadForm(assignee: ana.username)
        change(&form)
        let reply = try await call("POST", "leads/create/lead", form: form, as: ana)
        XCTAssertEqual(reply.status, 400)
        return reply.errors
    }

    func testMissingRequiredFieldsSayThisFieldIsRequired() async throws {
        let errors = try await createErrors { form in
            for field in ["first_name", "last_name", "email", "phone", "assignee"] { form[field] = nil }
        }
        for field in ["first_name", "last_name", "email", "phone", "assignee"] {
            XCTAssertEqual(errors[field], [VendorMessages.required], field)
        }
    }

    func testBlankFieldsSayMayNotBeBlank() async throws {
        let errors = try await createErrors { form in
            form["first_name"] = "  "
            form["assignee"] = ""
        }
        XCTAssertEqual(errors["first_name"], [VendorMessages.blank])
        XCTAssertEqual(errors["assignee"], [VendorMessages.blank])
    }

    func testOverlongFieldsSayNoMoreThan255Characters() async throws {
        let long = String(repeating: "é", count: 256)
        let errors = try await createErrors { form in
            for field in ["first_name", "last_name", "location", "message"] { form[field] = long }
        }
        for field in ["first_name", "last_name", "location", "message"] {
            XCTAssertEqual(errors[field], [VendorMessages.tooLong(255)], field)
        }
    }

    func testInvalidEmailPhoneStatusSourceAndAssignee() async throws {
        let errors = try await createErrors { form in
            form["email"] = "not-an-email"
            form["phone"] = "12-34"
            form["status"] = "hot"
            form["source"] = "tv"
            form["assignee"] = "nobody"
        }
        XCTAssertEqual(errors["email"], [VendorMessages.invalidEmail])
        XCTAssertEqual(errors["phone"], [VendorMessages.invalidPhone])
        XCTAssertEqual(errors["status"], ["hot is not a valid choice."])
        XCTAssertEqual(errors["source"], ["tv is not a valid choice."])
        XCTAssertEqual(errors["assignee"], [VendorMessages.assigneeNotFound])
    }

    func testRejectedCreateStoresNothing() async throws {
        let before = sim.state.liveLeads
        _ = try await createErrors { $0["email"] = "bad" }
        XCTAssertEqual(sim.state.liveLeads, before)
    }

    func testUpdateRequiresSlugAndValidFields() async throws {
        var form = validLeadForm(assignee: ana.username)
        form["email"] = "bad@"
        let reply = try await call("POST", "leads/update/lead", form: form, as: ana)
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.errors["slug"], [VendorMessages.required])
        XCTAssertEqual(reply.errors["email"], [VendorMessages.invalidEmail])
    }

    func testUpdateOfUnknownSlugSaysLeadDoesNotEsixt() async throws {
        var form = validLeadForm(assignee: ana.username)
        form["slug"] = "no-such-lead-999"
        let reply = try await call("POST", "leads/update/lead", form: form, as: ana)
        XCTAssertEqual(reply.status, 401)
        XCTAssertEqual(reply.errors["request"], ["Requested lead does not esixt."])
    }
}
