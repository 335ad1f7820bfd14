import Core
import Foundation
import XCTest
@testable import Store

/// A detail batch raises `last_activity` once per lead at its end (`Schema+LastActivityDeferral`)
/// instead of once per inserted note and activity: the leads table comes out byte for byte as
/// when the same records are written row by row, a record added and removed within the batch
/// included (`last_activity` never shrinks).
final class LastActivityDeferralTests: PulledRecordsTestCase {
    private func remote(_ slug: String) -> RemoteLead { records.lead(slug, updatedAt: -48) }

    private func seed(_ target: LeadStore) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for slug in ["a", "b", "c", "d"] { ids[slug] = try target.applyRemoteLead(provider: provider, remote(slug)).localId }
        try target.applyRemoteNotes(provider: provider, leadId: ids["a"]!, [note("a1", -10)])
        try target.applyRemoteActivities(provider: provider, leadId: ids["a"]!, [activity("a-c", "created", -48)])
        return ids
    }

    /// Older and newer records than the stored last activity, a lead new in the pull, a note that
    /// comes and goes (its time stays), a note moved later after its insert (the insert's time counts).
    private func pull(_ target: LeadStore, _ ids: [String: Int64]) throws {
        try target.applyRemoteNotes(provider: provider, leadId: ids["a"]!, [note("a1", -10), note("a2", -20), note("a3", -4)])
        try target.applyRemoteActivities(provider: provider, leadId: ids["a"]!, [activity("a-call", "call", -30)])
        try target.applyRemoteActivities(provider: provider, leadId: ids["b"]!, [activity("b-c", "created", -7), activity("b-m", "email", -9)])
        try target.applyRemoteNotes(provider: provider, leadId: ids["c"]!, [note("c1", -2), note("c2", -6)])
        try target.applyRemoteNotes(provider: provider, leadId: ids["c"]!, [note("c2", -6)])
        try target.applyRemoteNotes(provider: provider, leadId: ids["d"]!, [note("d1", -8)])
        try target.applyRemoteNotes(provider: provider, leadId: ids["d"]!, [note("d1", -1, "edited")])
        let e = try target.applyRemoteLead(provider: provider, remote("e")).localId
        try target.applyRemoteNotes(provider: provider, leadId: e, [note("e1", -47)])
        try target.applyRemoteActivities(provider: provider, leadId: e, [activity("e-c", "created", -48)])
        _ = try target.addActivity(toLead: ids["b"]!, type: "conflict", text: "kept", at: at(-3))
    }


    func testBatchedPullLeavesTheSameLeadRowsAsRowByRowWrites() throws {
        let rowByRow = try LeadStore(path: directory.appendingPathComponent("rows.db").path)
        try pull(rowByRow, try seed(rowByRow))  // every call its own transaction: the triggers run per row

        let ids = try seed(store)
        let before = try store.db.scalarInt("SELECT last_activity FROM leads WHERE id = ?", [.integer(ids["a"]!)])
        try store.applyingRemoteDetails {
            try pull(store, ids)
            // Deferred: A's newer note is in, its last activity waits for the batch's end.
            XCTAssertEqual(try store.db.scalarInt("SELECT last_activity FROM leads WHERE id = ?", [.integer(ids["a"]!)]), before)
            XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM last_activity_deferral"), 5)
        }
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM last_activity_deferral"), 0, "the batch empties it")
        XCTAssertEqual(try store.allLeadRows(), try rowByRow.allLeadRows())
        XCTAssertEqual(try store.db.scalarInt("SELECT last_activity FROM leads WHERE id = ?", [.integer(ids["c"]!)]), base - 2 * 3600,
                       "the note removed within the batch still counts")
        XCTAssertEqual(try store.db.scalarInt("SELECT last_activity FROM leads WHERE id = ?", [.integer(ids["d"]!)]), base - 8 * 3600,
                       "the time a note had when it was inserted counts, not a later edit")

        // After the batch the triggers raise it row by row again.
        _ = try store.addNote(toLead: ids["c"]!, text: "later", author: "ana", at: at(1))
        XCTAssertEqual(try store.db.scalarInt("SELECT last_activity FROM leads WHERE id = ?", [.integer(ids["c"]!)]), base + 3600)
    }

    func testMigrationGivesAFileOfTheVersionBeforeTheDeferral() throws {
        let id = try store.applyRemoteLead(provider: provider, remote("a")).localId
        // The file as the version before made it: no accumulator, the per-row triggers only.
        for name in Schema.lastActivityDeferralTriggers.map(\.name) { try store.db.execute("DROP TRIGGER \(name)") }
        try store.db.execute("DROP TABLE last_activity_deferral")
        let perRow = "UPDATE leads SET last_activity = max(coalesce(last_activity, 0), new.created) WHERE id = new.lead_id;"
        try store.db.execute("DROP TRIGGER activities_ai")
        try store.db.execute("CREATE TRIGGER activities_ai AFTER INSERT ON activities BEGIN \(perRow) END")
        // v17: the version before the last-activity deferral (v18). Migrations are only appended, so the number holds.
        try store.db.execute("PRAGMA user_version = 17")
        store = nil
        store = try LeadStore(path: path)
        let names = try store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%last_activity_deferred%'")
            .rows { $0.text(0) }
        XCTAssertEqual(Set(names), Set(Schema.lastActivityDeferralTriggers.map(\.name)))
        try store.applyingRemoteDetails {
            try store.applyRemoteActivities(provider: provider, leadId: id, [activity("a-m", "email", -3)])
            XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM last_activity_deferral"), 1)
        }
        XCTAssertEqual(try store.db.scalarInt("SELECT last_activity FROM leads WHERE id = ?", [.integer(id)]), base - 3 * 3600)
    }
}
