import Core
import Foundation
import XCTest
@testable import Store

/// A detail batch (`applyingRemoteDetails`) leaves last activity and touches to one statement at
/// its end instead of the per-row insert triggers: the leads' touch columns and every dashboard
/// aggregate come out exactly as when the same remote records are written row by row.
final class TouchDeferralTests: PulledRecordsTestCase {
    private func remote(_ slug: String, owner: String = "ana", status: String = "prospect") -> RemoteLead {
        records.lead(slug, owner: owner, status: status)
    }

    /// Leads as they are before the pull: A with notes and a call, B and C untouched, D with a
    /// message (a touch source the batch does not defer).
    private func seed(_ target: LeadStore) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for (slug, owner) in [("a", "ana"), ("b", "bo"), ("c", "ana"), ("d", "bo"), ("f", "cy")] {
            ids[slug] = try target.applyRemoteLead(provider: provider, remote(slug, owner: owner)).localId
        }
        try target.applyRemoteNotes(provider: provider, leadId: ids["a"]!, [note("a1", -40), note("a2", -30)])
        try target.applyRemoteActivities(provider: provider, leadId: ids["a"]!, [activity("a-c", "created", -48), activity("a-call", "call", -35)])
        try target.db.run("INSERT INTO messages (lead_id, body, created) VALUES (?, 'hi', ?)",
                          [.integer(ids["d"]!), .integer(base - 20 * 3600)])
        return ids
    }

    /// The pull's details: edits, deletes and inserts of notes, activities that are and are not
    /// touches, a lead new in the pull, a note added and removed again, and a message in between.
    private func pull(_ target: LeadStore, _ ids: [String: Int64]) throws {
        // A: note a1 moved earlier (an edit recomputes), a2 gone (a delete recomputes), a3 new; an earlier e-mail.
        try target.applyRemoteNotes(provider: provider, leadId: ids["a"]!, [note("a1", -45, "moved"), note("a3", -2)])
        try target.applyRemoteActivities(provider: provider, leadId: ids["a"]!, [activity("a-mail", "email", -47)])
        // B: its first touches ever, in no particular order.
        try target.applyRemoteNotes(provider: provider, leadId: ids["b"]!, [note("b1", -5), note("b2", -44), note("b3", -12)])
        try target.applyRemoteActivities(provider: provider, leadId: ids["b"]!, [activity("b-c", "created", -48), activity("b-call", "call", -1)])
        // C: only its "created" activity: last activity, no touch.
        try target.applyRemoteActivities(provider: provider, leadId: ids["c"]!, [activity("c-c", "created", -3)])
        // D: a message between its notes (messages are not deferred).
        try target.applyRemoteNotes(provider: provider, leadId: ids["d"]!, [note("d1", -30)])
        try target.db.run("INSERT INTO messages (lead_id, body, created) VALUES (?, 'yo', ?)",
                          [.integer(ids["d"]!), .integer(base - 10 * 3600)])
        try target.applyRemoteNotes(provider: provider, leadId: ids["d"]!, [note("d1", -30), note("d2", -25)])
        // E: new in this pull.
        let e = try target.applyRemoteLead(provider: provider, remote("e", owner: "cy")).localId
        try target.applyRemoteNotes(provider: provider, leadId: e, [note("e1", -47)])
        try target.applyRemoteActivities(provider: provider, leadId: e, [activity("e-c", "created", -48)])
        // F: a note that comes and goes within the pull (its touch must not stay).
        try target.applyRemoteNotes(provider: provider, leadId: ids["f"]!, [note("f1", -6), note("f2", -9)])
        try target.applyRemoteNotes(provider: provider, leadId: ids["f"]!, [note("f2", -9)])
    }

    /// Touch columns of every lead, by e-mail.
    private func touches(_ target: LeadStore) throws -> [String] {
        try target.db.prepare("SELECT email, last_activity, first_touch_at, last_touch_at FROM leads ORDER BY email")
            .rows { "\($0.text(0)) \($0.optionalInt64(1).map(String.init) ?? "-") \($0.optionalInt64(2).map(String.init) ?? "-") \($0.optionalInt64(3).map(String.init) ?? "-")" }
    }

    func testBatchedPullLeavesTheSameTouchesAndAggregatesAsRowByRowWrites() throws {
        let rowByRow = try LeadStore(path: directory.appendingPathComponent("rows.db").path)
        let rowIds = try seed(rowByRow)
        try pull(rowByRow, rowIds)  // every call its own transaction: the triggers run per row

        let ids = try seed(store)
        try store.applyingRemoteDetails {
            try store.applyRemoteNotes(provider: provider, leadId: ids["b"]!, [note("b0", -20)])
            // Deferred: B's first note is in, its touches and last activity wait for the batch's end.
            XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM touch_deferral"), 1)
            XCTAssertNil(try store.db.scalarInt("SELECT last_touch_at FROM leads WHERE id = ?", [.integer(ids["b"]!)]))
            try store.db.run("DELETE FROM notes WHERE lead_id = ?", [.integer(ids["b"]!)])
            try store.db.run("DELETE FROM remote_ids WHERE kind = 'note' AND remote_id = 'b0'")
            try pull(store, ids)
        }
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM touch_deferral"), 0, "the deferral ends with the batch")
        XCTAssertEqual(try touches(store), try touches(rowByRow))
        XCTAssertEqual(try store.dashboardAggregateRows(), try rowByRow.dashboardAggregateRows())
        XCTAssertNotNil(try store.db.scalarInt("SELECT first_touch_at FROM leads WHERE id = ?", [.integer(ids["b"]!)]))

        // The touches are what the record tables say (the brute-force definition).
        let brute = try store.db.prepare("""
            SELECT l.email, min(t.created), max(t.created) FROM leads l LEFT JOIN (
                SELECT lead_id, created FROM notes UNION ALL
                SELECT lead_id, created FROM activities WHERE type <> '\(ActivityCoding.stored(type: "created"))' UNION ALL
                SELECT lead_id, created FROM messages) t ON t.lead_id = l.id GROUP BY l.id ORDER BY l.email
            """).rows { "\($0.text(0)) \($0.optionalInt64(1).map(String.init) ?? "-") \($0.optionalInt64(2).map(String.init) ?? "-")" }
        XCTAssertEqual(try touches(store).map { $0.split(separator: " ").enumerated().filter { $0.offset != 1 }.map(\.element).joined(separator: " ") }, brute)

        // After the batch the triggers widen touches row by row again.
        _ = try store.addNote(toLead: ids["c"]!, text: "later", author: "ana", at: at(1))
        XCTAssertEqual(try store.db.scalarInt("SELECT last_touch_at FROM leads WHERE id = ?", [.integer(ids["c"]!)]), base + 3600)
    }

    func testFailedBatchLeavesNoDeferral() throws {
        let id = try store.applyRemoteLead(provider: provider, remote("a")).localId
        struct Boom: Error {}
        XCTAssertThrowsError(try store.applyingRemoteDetails {
            try store.applyRemoteNotes(provider: provider, leadId: id, [note("a1", -3)])
            throw Boom()
        })
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM touch_deferral"), 0)
        _ = try store.addNote(toLead: id, text: "now", author: "ana", at: at(2))
        XCTAssertEqual(try store.db.scalarInt("SELECT first_touch_at FROM leads WHERE id = ?", [.integer(id)]), base + 7200)
    }

    func testMigrationGivesAFileOfTheLastVersionTheDeferralTableAndTriggers() throws {
        let id = try store.applyRemoteLead(provider: provider, remote("a")).localId
        // The file as the version before made it: no deferral table, touch triggers without the check.
        try store.db.execute("DROP TABLE touch_deferral")
        for trigger in Schema.touchTriggers where Schema.touchDeferralTriggerNames.contains(trigger.name) {
            let table = String(trigger.name.prefix { $0 != "_" })
            try store.db.execute("DROP TRIGGER \(trigger.name)")
            try store.db.execute(trigger.sql.replacingOccurrences(of: " AND NOT (\(Schema.touchDeferred(table, "new.id")))", with: ""))
        }
        // v16: the version before the touch deferral (v17). Migrations are only appended, so the number holds.
        try store.db.execute("PRAGMA user_version = 16")
        store = nil
        store = try LeadStore(path: path)
        let bodies = try store.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name IN ('notes_touch_ai', 'activities_touch_ai')")
            .rows { $0.text(0) }
        XCTAssertEqual(bodies.count, 2)
        XCTAssertTrue(bodies.allSatisfy { $0.contains("touch_deferral") }, "the touch insert triggers read the deferral")
        try store.applyingRemoteDetails {
            try store.applyRemoteNotes(provider: provider, leadId: id, [note("a1", -3)])
        }
        XCTAssertEqual(try store.db.scalarInt("SELECT last_touch_at FROM leads WHERE id = ?", [.integer(id)]), base - 3 * 3600)
    }
}
