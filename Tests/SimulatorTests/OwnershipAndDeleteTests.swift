import Core
import Simulator
import XCTest

final class OwnershipAndDeleteTests: SimulatorTestCase {
    func testOwnerCanUpdateAndChangeIsVisibleWithActivities() async throws {
        let lead = try await leadOwned(by: ana)
        let slug = try XCTUnwrap(lead["slug"] as? String)
        var form = validLeadForm(email: "changed@example.com", assignee: ana.username)
        form["slug"] = slug
        form["status"] = "customer"
        let reply = try await call("POST", "leads/update/lead", form: form, as: ana)
        XCTAssertEqual(reply.status, 200)
        let detail = try await call("GET", "leads/view/lead", query: ["slug": slug], as: ana)
        XCTAssertEqual(detail.data["email"] as? String, "changed@example.com")
        XCTAssertEqual(detail.data["status"] as? String, "customer")
        let types = (detail.data["recent_activities"] as? [[String: Any]] ?? []).compactMap { $0["activity_type"] as? String }
        XCTAssertTrue(types.contains("status"))
        XCTAssertTrue(types.contains("updated"))
    }

    func testDeletingAnotherUsersLeadSaysYouCantDeleteThisLead() async throws {
        let bens = try await leadOwned(by: ben)
        let reply = try await call("POST", "leads/delete/lead", form: ["slug": bens["slug"] as? String ?? ""], as: ana)
        XCTAssertEqual(reply.status, 401)
        XCTAssertEqual(reply.errors["request"], [VendorMessages.cannotDeleteLead])
    }

    func testNoteOnAnotherUsersLeadIsRejected() async throws {
        let bens = try await leadOwned(by: ben)
        let reply = try await call("POST", "leads/create/leadnote", form: ["slug": bens["slug"] as? String ?? "", "note": "hi"], as: ana)
        XCTAssertEqual(reply.status, 401)
        XCTAssertEqual(reply.errors["request"], [VendorMessages.cannotAddNote])
    }

    func testSoftDeletedLeadIsHiddenAndCannotBeDeletedTwice() async throws {
        let lead = try await leadOwned(by: ana)
        let slug = try XCTUnwrap(lead["slug"] as? String)
        let before = try await call("GET", "leads/list", as: ana)
        let first = try await call("POST", "leads/delete/lead", form: ["slug": slug], as: ana)
        XCTAssertEqual(first.status, 200)
        let second = try await call("POST", "leads/delete/lead", form: ["slug": slug], as: ana)
        XCTAssertEqual(second.status, 400)
        XCTAssertEqual(second.errors["slug"], [VendorMessages.leadAlreadyDeleted])
        let view = try await call("GET", "leads/view/lead", query: ["slug": slug], as: ana)
        XCTAssertEqual(view.status, 400)
        XCTAssertEqual(view.errors["slug"], [VendorMessages.leadNotFound])
        let after = try await call("GET", "leads/list", query: ["limit": "500"], as: ana)
        XCTAssertEqual(after.data["count"] as? Int, (before.data["count"] as? Int ?? 0) - 1)
        XCTAssertFalse(after.results.contains { $0["slug"] as? String == slug })
        let note = try await call("POST", "leads/create/leadnote", form: ["slug": slug, "note": "x"], as: ana)
        XCTAssertEqual(note.errors["slug"], [VendorMessages.leadAlreadyDeleted])
        XCTAssertEqual(sim.state.lead(slug: slug)?.deleted, true, "soft delete keeps the record")
    }

    func testDeleteUnknownSlugSaysLeadNotFound() async throws {
        let reply = try await call("POST", "leads/delete/lead", form: ["slug": "nope-1234"], as: ana)
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.errors["slug"], [VendorMessages.leadNotFound])
    }

    func testViewUnknownOrMissingSlugIs400() async throws {
        let unknown = try await call("GET", "leads/view/lead", query: ["slug": "nope-1234"], as: ana)
        XCTAssertEqual(unknown.errors["slug"], [VendorMessages.invalidSlug])
        let missing = try await call("GET", "leads/view/lead", as: ana)
        XCTAssertEqual(missing.errors["slug"], ["This field is required and this may not be blank."])
    }
}
