import Core
import Foundation
import Simulator
import XCTest

final class ControlEndpointTests: SimulatorTestCase {
    private func dumpedLead(_ slug: String) async throws -> [String: Any]? {
        let state = try await control("GET", "/_sim/state")
        return (state.json["leads"] as? [[String: Any]] ?? []).first { $0["slug"] as? String == slug }
    }

    func testAnotherAgentCreatesEditsAndDeletesALeadAndTheStateDumpFollows() async throws {
        let created = try await control("POST", "/_sim/leads/create", form: validLeadForm(email: "agent@example.com", assignee: ben.username))
        XCTAssertEqual(created.status, 200)
        let slug = try XCTUnwrap((created.json["lead"] as? [String: Any])?["slug"] as? String)
        let listed = try await call("GET", "leads/list", query: ["email": "agent@example.com"], as: ana)
        XCTAssertEqual(listed.results.first?["slug"] as? String, slug)

        let edited = try await control("POST", "/_sim/leads/update", form: ["slug": slug, "status": "closed", "location": "Oslo"])
        XCTAssertEqual(edited.status, 200)
        let detail = try await call("GET", "leads/view/lead", query: ["slug": slug], as: ana)
        XCTAssertEqual(detail.data["status"] as? String, "closed")
        XCTAssertEqual(detail.data["location"] as? String, "Oslo")
        XCTAssertEqual(detail.data["first_name"] as? String, "Zoë", "a partial edit keeps the other fields")
        let dumped = try await dumpedLead(slug)
        XCTAssertEqual(dumped?["status"] as? String, "closed")
        XCTAssertEqual(dumped?["deleted"] as? Bool, false)

        let deleted = try await control("POST", "/_sim/leads/delete", form: ["slug": slug])
        XCTAssertEqual(deleted.status, 200)
        let afterDelete = try await dumpedLead(slug)
        XCTAssertEqual(afterDelete?["deleted"] as? Bool, true)
        let view = try await call("GET", "leads/view/lead", query: ["slug": slug], as: ana)
        XCTAssertEqual(view.status, 400)
    }

    func testControlNotesAndAppointmentsShowInTheAPIAndTheDump() async throws {
        let slug = try await slugOwned(by: ben)
        let note = try await control("POST", "/_sim/notes/create", form: ["slug": slug, "note": "From the back office", "user": "chen"])
        let noteId = try XCTUnwrap((note.json["note"] as? [String: Any])?["id"] as? Int)
        let detail = try await call("GET", "leads/view/lead", query: ["slug": slug], as: ana)
        XCTAssertEqual((detail.data["notes"] as? [[String: Any]])?.first?["user"] as? String, "chen")

        let past = appointmentTime(daysFromNow: -3, hour: 9)
        let made = try await control("POST", "/_sim/appointments/create", form: [
            "slug": slug, "appointment_date": past, "appointment_to": appointmentTime(daysFromNow: -3, hour: 10),
            "appointment_status": "fullfilled",
        ])
        XCTAssertEqual(made.status, 200, "control writes skip the future rule")
        let appointmentId = try XCTUnwrap((made.json["appointment"] as? [String: Any])?["id"] as? Int)
        let moved = try await control("POST", "/_sim/appointments/update", form: ["appointment_id": String(appointmentId), "appointment_note": "Moved"])
        XCTAssertEqual((moved.json["appointment"] as? [String: Any])?["appointment_note"] as? String, "Moved")

        var state = try await control("GET", "/_sim/state")
        XCTAssertTrue((state.json["notes"] as? [[String: Any]] ?? []).contains { $0["id"] as? Int == noteId })
        XCTAssertTrue((state.json["appointments"] as? [[String: Any]] ?? []).contains {
            $0["id"] as? Int == appointmentId && $0["appointment_date"] as? String == past && $0["appointment_note"] as? String == "Moved"
        })

        _ = try await control("POST", "/_sim/notes/delete", form: ["note_id": String(noteId)])
        _ = try await control("POST", "/_sim/appointments/delete", form: ["appointment_id": String(appointmentId)])
        state = try await control("GET", "/_sim/state")
        XCTAssertFalse((state.json["notes"] as? [[String: Any]] ?? []).contains { $0["id"] as? Int == noteId })
        XCTAssertFalse((state.json["appointments"] as? [[String: Any]] ?? []).contains { $0["id"] as? Int == appointmentId })
    }

    func testControlValidationUsesTheSameRules() async throws {
        var form = validLeadForm(assignee: "nobody")
        form["email"] = "x"
        let reply = try await control("POST", "/_sim/leads/create", form: form)
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.errors["email"], [VendorMessages.invalidEmail])
        XCTAssertEqual(reply.errors["assignee"], [VendorMessages.assigneeNotFound])
        let unknown = try await control("POST", "/_sim/leads/delete", form: ["slug": "nope-9"])
        XCTAssertEqual(unknown.errors["slug"], [VendorMessages.leadNotFound])
    }

    func testUsersStateAndStatsDescribeTheServer() async throws {
        let users = try await control("GET", "/_sim/users")
        let listed = try XCTUnwrap(users.json["users"] as? [[String: Any]])
        XCTAssertEqual(listed.compactMap { $0["apikey"] as? String }, sim.users.map(\.apiKey))
        _ = try await call("GET", "leads/list", as: ana)
        _ = try await call("GET", "leads/list", as: nil)
        let stats = try await control("GET", "/_sim/stats")
        XCTAssertEqual(stats.json["total"] as? Int, 2, "control calls are not counted")
        XCTAssertEqual((stats.json["per_path"] as? [String: Int])?["/api/v1/leads/list/"], 2)
        XCTAssertEqual((stats.json["per_status"] as? [String: Int])?["401"], 1)
        let times = (stats.json["requests"] as? [[String: Any]] ?? []).compactMap { $0["time"] as? Double }
        XCTAssertEqual(times.count, 2)
        XCTAssertEqual(times, times.sorted())
        let later = try await control("GET", "/_sim/stats?since=1")
        XCTAssertEqual((later.json["requests"] as? [Any])?.count, 1)
        _ = try await control("POST", "/_sim/stats/reset")
        let cleared = try await control("GET", "/_sim/stats")
        XCTAssertEqual(cleared.json["total"] as? Int, 0)
        let state = try await control("GET", "/_sim/state")
        XCTAssertEqual((state.json["leads"] as? [Any])?.count, 40)
        XCTAssertNotNil(state.json["activities"] as? [Any])
    }

    func testRotatedCredentialsRevokeTheOldKey() async throws {
        let old = ana
        let rotated = try await control("POST", "/_sim/users/rotate", form: ["username": old.username])
        let user = try XCTUnwrap(rotated.json["user"] as? [String: Any])
        let fresh = SimUser(username: old.username, displayName: old.displayName,
                            apiKey: try XCTUnwrap(user["apikey"] as? String), token: try XCTUnwrap(user["token"] as? String))
        XCTAssertNotEqual(fresh.apiKey, old.apiKey)
        let refused = try await call("GET", "leads/list", as: old)
        XCTAssertEqual(refused.errors["auth"], [VendorMessages.invalidCredentials])
        let accepted = try await call("GET", "leads/list", as: fresh)
        XCTAssertEqual(accepted.status, 200)
        let unknown = try await control("POST", "/_sim/users/rotate", form: ["username": "nobody"])
        XCTAssertEqual(unknown.status, 404)
    }

    func testUnknownControlEndpointIs404() async throws {
        let reply = try await control("GET", "/_sim/nothing")
        XCTAssertEqual(reply.status, 404)
    }
}
