import Core
import Simulator
import XCTest

final class AppointmentRulesTests: SimulatorTestCase {
    private func anaSlug() async throws -> String {
        try await slugOwned(by: ana)
    }

    private func create(_ form: [String: String], as user: SimUser? = nil) async throws -> Reply {
        try await call("POST", "leads/create/appointment", form: form, as: user ?? ana)
    }

    func testCreatedAppointmentIsListedWithDefaults() async throws {
        let slug = try await anaSlug()
        let start = appointmentTime(daysFromNow: 400, hour: 10)
        let reply = try await create(["slug": slug, "appointment_date": start, "appointment_to": appointmentTime(daysFromNow: 400, hour: 11)])
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.data.count, 0)
        let day = try XCTUnwrap(WireDate.parseAppointment(start))
        let list = try await call("GET", "leads/appointments/list", query: ["datesetting": "on", "ondate": WireDate.formatOnDate(day)], as: ana)
        let row = try XCTUnwrap(list.results.first { $0["leadslug"] as? String == slug })
        XCTAssertEqual(row["fromdate"] as? String, start)
        XCTAssertEqual(row["appointment_note"] as? String, "Prospect appointment")
        XCTAssertEqual(row["appointment_status"] as? String, "pending")
        for key in ["id", "lead_id", "lead", "leadstatus", "todate"] { XCTAssertNotNil(row[key], key) }
    }

    func testOverlappingAppointmentForTheSameUserIsRejected() async throws {
        let slug = try await anaSlug()
        let first = try await create(["slug": slug, "appointment_date": appointmentTime(daysFromNow: 401, hour: 10),
                                      "appointment_to": appointmentTime(daysFromNow: 401, hour: 11)])
        XCTAssertEqual(first.status, 200)
        let overlap = try await create(["slug": slug, "appointment_date": appointmentTime(daysFromNow: 401, hour: 10, minute: 30),
                                        "appointment_to": appointmentTime(daysFromNow: 401, hour: 12)])
        XCTAssertEqual(overlap.status, 401)
        XCTAssertEqual(overlap.errors, ["request": [VendorMessages.appointmentExists]])
        let adjacent = try await create(["slug": slug, "appointment_date": appointmentTime(daysFromNow: 401, hour: 11),
                                         "appointment_to": appointmentTime(daysFromNow: 401, hour: 12)])
        XCTAssertEqual(adjacent.status, 200, "back-to-back appointments do not overlap")
    }

    func testAnotherUserMayBookTheSameTime() async throws {
        let slug = try await anaSlug()
        let bensSlug = try await slugOwned(by: ben)
        let times = ["appointment_date": appointmentTime(daysFromNow: 402, hour: 9), "appointment_to": appointmentTime(daysFromNow: 402, hour: 10)]
        let mine = try await create(times.merging(["slug": slug]) { a, _ in a })
        let his = try await create(times.merging(["slug": bensSlug]) { a, _ in a }, as: ben)
        XCTAssertEqual(mine.status, 200)
        XCTAssertEqual(his.status, 200)
    }

    func testPastStartIsRejected() async throws {
        let reply = try await create(["slug": try await anaSlug(), "appointment_date": appointmentTime(daysFromNow: -1, hour: 10),
                                      "appointment_to": appointmentTime(daysFromNow: -1, hour: 11)])
        XCTAssertEqual(reply.status, 401)
        XCTAssertEqual(reply.errors["request"], [VendorMessages.dateInPast])
    }

    func testEndBeforeStartIsRejected() async throws {
        let reply = try await create(["slug": try await anaSlug(), "appointment_date": appointmentTime(daysFromNow: 403, hour: 11),
                                      "appointment_to": appointmentTime(daysFromNow: 403, hour: 10)])
        XCTAssertEqual(reply.status, 401)
        XCTAssertEqual(reply.errors["request"], [VendorMessages.endBeforeStart])
    }

    func testNoteOver200AndBadFormatsAndStatusAre400() async throws {
        let reply = try await create(["slug": try await anaSlug(), "appointment_date": "2030-13-01 10:00",
                                      "appointment_to": "tomorrow", "appointment_note": String(repeating: "a", count: 201),
                                      "appointment_status": "done"])
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.errors["appointment_date"], [VendorMessages.invalidDateFormat])
        XCTAssertEqual(reply.errors["appointment_to"], [VendorMessages.invalidDateFormat])
        XCTAssertEqual(reply.errors["appointment_note"], [VendorMessages.tooLong(200)])
        XCTAssertEqual(reply.errors["appointment_status"], [VendorMessages.invalidAppointmentStatus])
    }

    func testAppointmentUnderAnotherUsersLeadIsRefusedOnSlug() async throws {
        let bensSlug = try await slugOwned(by: ben)
        let reply = try await create(["slug": bensSlug, "appointment_date": appointmentTime(daysFromNow: 404, hour: 9),
                                      "appointment_to": appointmentTime(daysFromNow: 404, hour: 10)])
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.errors["slug"], [VendorMessages.cannotTakeAppointment])
    }

    func testEmptyBodySaysBodyDataNotFound() async throws {
        let reply = try await create([:])
        XCTAssertEqual(reply.status, 401)
        XCTAssertEqual(reply.errors["request"], [VendorMessages.bodyDataNotFound])
    }

    func testUpdateAndDeleteAppointment() async throws {
        let slug = try await anaSlug()
        _ = try await create(["slug": slug, "appointment_date": appointmentTime(daysFromNow: 405, hour: 9),
                              "appointment_to": appointmentTime(daysFromNow: 405, hour: 10)])
        let list = try await call("GET", "leads/appointments/list", query: ["limit": "500", "status": "pending"], as: ana)
        let id = try XCTUnwrap(list.results.last { $0["leadslug"] as? String == slug }?["id"] as? Int)
        let denied = try await call("POST", "leads/update/appointment", form: ["appointment_id": String(id), "appointment_status": "confirmed"], as: ben)
        XCTAssertEqual(denied.errors["request"], [VendorMessages.cannotUpdateAppointment])
        let updated = try await call("POST", "leads/update/appointment", form: ["appointment_id": String(id), "appointment_status": "confirmed", "appointment_note": "Demo"], as: ana)
        XCTAssertEqual(updated.status, 200)
        let state = try await control("GET", "/_sim/state")
        let stored = (state.json["appointments"] as? [[String: Any]] ?? []).first { $0["id"] as? Int == id }
        XCTAssertEqual(stored?["appointment_status"] as? String, "confirmed")
        XCTAssertEqual(stored?["appointment_note"] as? String, "Demo")
        let deleted = try await call("POST", "leads/delete/appointment", form: ["appointment_id": String(id)], as: ana)
        XCTAssertEqual(deleted.status, 200)
        let gone = try await call("POST", "leads/delete/appointment", form: ["appointment_id": String(id)], as: ana)
        XCTAssertEqual(gone.errors["appointment_id"], [VendorMessages.appointmentNotFound])
    }

    func testListFiltersNeedOndateAndValidStatus() async throws {
        let missing = try await call("GET", "leads/appointments/list", query: ["datesetting": "after"], as: ana)
        XCTAssertEqual(missing.errors["ondate"], [VendorMessages.required])
        let badDate = try await call("GET", "leads/appointments/list", query: ["datesetting": "after", "ondate": "2026-01-01"], as: ana)
        XCTAssertEqual(badDate.errors["ondate"], [VendorMessages.invalidDateFormat])
        let badStatus = try await call("GET", "leads/appointments/list", query: ["status": "done"], as: ana)
        XCTAssertEqual(badStatus.errors["status"], [VendorMessages.invalidAppointmentStatus])
    }

    func testBeforeAndAfterSplitTheAppointments() async throws {
        let today = WireDate.formatOnDate(Int64(Date().timeIntervalSince1970))
        let all = try await call("GET", "leads/appointments/list", query: ["limit": "500"], as: ana)
        let before = try await call("GET", "leads/appointments/list", query: ["datesetting": "before", "ondate": today], as: ana)
        let on = try await call("GET", "leads/appointments/list", query: ["datesetting": "on", "ondate": today], as: ana)
        let after = try await call("GET", "leads/appointments/list", query: ["datesetting": "after", "ondate": today], as: ana)
        let total = (before.data["count"] as? Int ?? 0) + (on.data["count"] as? Int ?? 0) + (after.data["count"] as? Int ?? 0)
        XCTAssertGreaterThan(all.data["count"] as? Int ?? 0, 0)
        XCTAssertEqual(total, all.data["count"] as? Int)
    }
}
