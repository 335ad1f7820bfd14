import Core
import Simulator
import XCTest

final class OverviewTests: SimulatorTestCase {
    func testUnknownAppointmentFilterIs400() async throws {
        let reply = try await call("GET", "leads/overview", query: ["appointment": "yearly"], as: ana)
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.errors, ["appointment": [VendorMessages.invalidAppointmentFilter]])
    }

    func testCountsCoverEveryLiveLeadWithDescriptionAndColor() async throws {
        let reply = try await call("GET", "leads/overview", query: ["appointment": "month"], as: ana)
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.data["TotalLeads"] as? Int, 40)
        let data = try XCTUnwrap(reply.data["LeadsData"] as? [String: Any])
        let statuses = try XCTUnwrap(data["status"] as? [[String: Any]])
        XCTAssertEqual(statuses.compactMap { $0["count"] as? Int }.reduce(0, +), 40)
        XCTAssertEqual(Set(statuses.compactMap { $0["status"] as? String }), Set(LeadStatus.allCases.map(\.rawValue)))
        XCTAssertTrue(statuses.allSatisfy { $0["Description"] is String && $0["Color"] is String })
        XCTAssertNotNil(data["source"] as? [[String: Any]])
    }

    func testUpcomingListsOnlyFutureAppointmentsInOrder() async throws {
        let reply = try await call("GET", "leads/overview", query: ["appointment": "upcoming"], as: ana)
        let rows = try XCTUnwrap(reply.data["appointments"] as? [[String: Any]])
        let starts = rows.compactMap { ($0["appointment_date"] as? String).flatMap(WireDate.parseAppointment) }
        XCTAssertEqual(starts.count, rows.count)
        let minute = Int64(Date().timeIntervalSince1970) / 60 * 60
        XCTAssertTrue(starts.allSatisfy { $0 >= minute })
        XCTAssertEqual(starts, starts.sorted())
        for row in rows {
            for key in ["appointment_note", "appointment_status", "appointment_date", "appointment_to"] { XCTAssertNotNil(row[key], key) }
        }
    }

    func testDeletedLeadLeavesTheTotals() async throws {
        let slug = try await slugOwned(by: ana)
        _ = try await call("POST", "leads/delete/lead", form: ["slug": slug], as: ana)
        let reply = try await call("GET", "leads/overview", as: ana)
        XCTAssertEqual(reply.data["TotalLeads"] as? Int, 39)
    }

    func testOverviewListsAtMost100Appointments() async throws {
        let slug = try await slugOwned(by: ana)
        for index in 0..<105 {
            let made = try await control("POST", "/_sim/appointments/create", form: [
                "slug": slug, "appointment_date": appointmentTime(daysFromNow: 500 + index, hour: 9),
                "appointment_to": appointmentTime(daysFromNow: 500 + index, hour: 10),
            ])
            XCTAssertEqual(made.status, 200)
        }
        let reply = try await call("GET", "leads/overview", query: ["appointment": "upcoming"], as: ana)
        XCTAssertEqual((reply.data["appointments"] as? [Any])?.count, SimulatorState.overviewAppointmentLimit)
    }
}
