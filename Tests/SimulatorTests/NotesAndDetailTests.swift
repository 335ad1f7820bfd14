import Core
import Simulator
import XCTest

final class NotesAndDetailTests: SimulatorTestCase {
    func testAddedNoteAppearsInDetailWithActivityNewestFirst() async throws {
        let lead = try await leadOwned(by: ana)
        let slug = try XCTUnwrap(lead["slug"] as? String)
        let added = try await call("POST", "leads/create/leadnote", form: ["slug": slug, "note": "Rappeler lundi — 月曜日"], as: ana)
        XCTAssertEqual(added.status, 200)
        XCTAssertEqual(added.data.count, 0)
        let detail = try await call("GET", "leads/view/lead", query: ["slug": slug], as: ana)
        let notes = try XCTUnwrap(detail.data["notes"] as? [[String: Any]])
        XCTAssertEqual(notes.first?["note"] as? String, "Rappeler lundi — 月曜日")
        XCTAssertEqual(notes.first?["user"] as? String, ana.username)
        XCTAssertNotNil(WireDate.parseTimestamp(notes.first?["note_created"] as? String ?? ""))
        let activities = try XCTUnwrap(detail.data["recent_activities"] as? [[String: Any]])
        XCTAssertEqual(activities.first?["activity_type"] as? String, "note")
        for key in ["id", "activity_type", "created", "activity"] { XCTAssertNotNil(activities.first?[key], key) }
        XCTAssertNotNil(detail.data["conversion"] as? Int)
        XCTAssertNotNil(detail.data["message"])
    }

    func testNoteLongerThan499IsRejectedAndBlankToo() async throws {
        let slug = try await leadOwned(by: ana)["slug"] as? String ?? ""
        let long = try await call("POST", "leads/create/leadnote", form: ["slug": slug, "note": String(repeating: "n", count: 500)], as: ana)
        XCTAssertEqual(long.status, 400)
        XCTAssertEqual(long.errors["note"], [VendorMessages.tooLong(499)])
        let blank = try await call("POST", "leads/create/leadnote", form: ["slug": slug, "note": " "], as: ana)
        XCTAssertEqual(blank.errors["note"], [VendorMessages.blank])
        let exactly = try await call("POST", "leads/create/leadnote", form: ["slug": slug, "note": String(repeating: "n", count: 499)], as: ana)
        XCTAssertEqual(exactly.status, 200)
    }

    func testDeleteNoteRemovesItAndChecksTheId() async throws {
        let slug = try await leadOwned(by: ana)["slug"] as? String ?? ""
        _ = try await call("POST", "leads/create/leadnote", form: ["slug": slug, "note": "to delete"], as: ana)
        let detail = try await call("GET", "leads/view/lead", query: ["slug": slug], as: ana)
        let id = try XCTUnwrap((detail.data["notes"] as? [[String: Any]])?.first?["id"] as? Int)
        let denied = try await call("POST", "leads/delete/leadnote", form: ["note_id": String(id)], as: ben)
        XCTAssertEqual(denied.errors["request"], [VendorMessages.cannotDeleteNote])
        let deleted = try await call("POST", "leads/delete/leadnote", form: ["note_id": String(id)], as: ana)
        XCTAssertEqual(deleted.status, 200)
        let again = try await call("POST", "leads/delete/leadnote", form: ["note_id": String(id)], as: ana)
        XCTAssertEqual(again.errors["note_id"], [VendorMessages.noteNotFound])
        let invalid = try await call("POST", "leads/delete/leadnote", form: ["note_id": "abc"], as: ana)
        XCTAssertEqual(invalid.errors["note_id"], [VendorMessages.invalidNoteId])
    }
}
