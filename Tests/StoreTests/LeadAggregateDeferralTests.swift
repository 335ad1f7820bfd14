import Core
import Foundation
import XCTest
@testable import Store

/// The leads a detail batch inserts join the counts cube and the dashboard's lead aggregates once,
/// at the batch's end (`Schema+LeadAggregateDeferral`), and every aggregate then equals a
/// grouping of the rows from scratch: new leads edited, soft-deleted and deleted within the batch,
/// a lead that was there before edited in it, appointments of a new lead whose owner then changes.
final class LeadAggregateDeferralTests: PulledRecordsTestCase {
    /// Every aggregate row with a count (the cube and the appointment counts included), sorted.
    private func aggregates(_ target: LeadStore) throws -> [String] {
        let appointments = try target.db.prepare(
            "SELECT 'appt', hour, owner, source, count FROM dash_appointments WHERE count <> 0").rows { s in
            (0..<5).map { s.text(Int32($0)) }.joined(separator: " ")
        }
        return (try target.dashboardAggregateRows(cube: true) + appointments).sorted()
    }

    /// The aggregates rebuilt from the rows, as a bulk load does.
    private func rebuilt(_ target: LeadStore) throws -> [String] {
        try target.db.execute(Schema.rebuildCube)
        try Schema.rebuildDashboardAggregates(target.db)
        return try aggregates(target)
    }

    private func cubeTotal(_ target: LeadStore) throws -> Int64 {
        try target.db.scalarInt("SELECT coalesce(sum(count), 0) FROM lead_cube") ?? 0
    }

    /// The lead insert triggers a batch drops while it inserts, as the file holds them.
    private func insertTriggers(_ target: LeadStore) throws -> [String] {
        let names = Schema.batchDroppedLeadInsertTriggers.map { "'\($0)'" }.joined(separator: ", ")
        return try target.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (\(names)) ORDER BY name")
            .rows { $0.text(0) }
    }

    private func appointment(_ id: String, _ hours: Int64, _ status: AppointmentStatus = .confirmed) -> RemoteAppointment {
        RemoteAppointment(remoteId: id, start: at(hours), end: at(hours + 1), note: "", status: status)
    }

    func testABatchsNewLeadsJoinTheAggregatesAtItsEndAsARebuildCountsThem() throws {
        let old = try store.applyRemoteLead(provider: provider, records.lead("old", owner: "bo")).localId
        try store.applyRemoteNotes(provider: provider, leadId: old, [note("old-1", -30)])
        XCTAssertEqual(try cubeTotal(store), 1)
        let triggers = try insertTriggers(store)
        XCTAssertEqual(triggers.count, 4)
        let reader = try LeadStore(path: path)  // another connection (the TUI's) on the same file
        var countedInside: Int64 = -1
        var droppedInside: [String] = ["?"]
        var seenByReader: [String] = []
        try store.applyingRemoteDetails {
            var ids: [String: Int64] = [:]
            for (slug, owner, status) in [("a", "ana", "prospect"), ("b", "bo", "contact"), ("c", "cy", "customer"),
                                           ("d", "ana", "prospect"), ("e", "bo", "closed"), ("f", "ana", "prospect")] {
                let touches = NewLeadTouches(notes: [note("\(slug)-1", -20)], activities: [activity("\(slug)-c", "created", -48)])
                let id = try store.applyRemoteLead(provider: provider, records.lead(slug, owner: owner, status: status), touches: touches).localId
                try store.applyRemoteNotes(provider: provider, leadId: id, [note("\(slug)-1", -20)], complete: false)
                try store.applyRemoteActivities(provider: provider, leadId: id, [activity("\(slug)-c", "created", -48)])
                ids[slug] = id
            }
            // Edits and deletes of new leads inside the batch, an edit of the lead from before.
            try store.db.run("UPDATE leads SET owner = 'cy', status = 2 WHERE id = ?", [.integer(ids["a"]!)])
            try store.db.run("UPDATE leads SET first_touch_at = NULL, last_touch_at = NULL WHERE id = ?", [.integer(ids["b"]!)])
            try store.db.run("UPDATE leads SET deleted = 1 WHERE id = ?", [.integer(ids["c"]!)])
            try store.db.run("DELETE FROM leads WHERE id = ?", [.integer(ids["d"]!)])
            try store.db.run("UPDATE leads SET owner = 'ana' WHERE id = ?", [.integer(old)])
            // Appointments of a new lead, whose owner then changes (counted per row all along).
            try store.applyRemoteAppointments(provider: provider, leadId: ids["f"]!, [appointment("f-x", 5), appointment("f-y", 30)])
            try store.db.run("UPDATE leads SET owner = 'bo', source = 2 WHERE id = ?", [.integer(ids["f"]!)])
            try store.applyRemoteNotes(provider: provider, leadId: ids["e"]!, [note("e-1", -20), note("e-2", -2)], complete: false)
            countedInside = try cubeTotal(store)
            droppedInside = try insertTriggers(store)
            seenByReader = try insertTriggers(reader)
        }
        XCTAssertEqual(droppedInside, [], "the batch inserts its leads without the lead insert triggers")
        XCTAssertEqual(seenByReader, triggers, "another connection never sees them missing")
        XCTAssertEqual(try insertTriggers(store), triggers, "they are back, as they were, when the batch commits")
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM lead_fts WHERE lead_fts MATCH 'lee'"),
                       try store.db.scalarInt("SELECT count(*) FROM leads"), "every lead of the batch has its search row")
        XCTAssertNoThrow(try store.db.execute("INSERT INTO lead_fts(lead_fts, rank) VALUES ('integrity-check', 1)"))
        XCTAssertEqual(countedInside, 1, "the batch's new leads are not counted lead by lead")
        XCTAssertEqual(try cubeTotal(store), 5, "old, a, b, e, f (c is deleted, d is gone)")
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM lead_aggregate_deferral"), 0, "the deferral ends with the batch")
        let kept = try aggregates(store)
        XCTAssertEqual(kept, try rebuilt(store))
        XCTAssertTrue(kept.contains { $0.hasPrefix("appt ") }, "the appointments are counted")
    }

    /// Outside a batch nothing is deferred: each insert counts at once.
    func testOutsideABatchEachInsertCountsAtOnce() throws {
        _ = try store.applyRemoteLead(provider: provider, records.lead("a"))
        XCTAssertEqual(try cubeTotal(store), 1)
        XCTAssertEqual(try store.db.scalarInt("SELECT coalesce(sum(leads), 0) FROM dash_created"), 1)
        XCTAssertEqual(try aggregates(store), try rebuilt(store))
    }

    /// A failing batch leaves no deferral behind and counts nothing it did not commit.
    func testAFailedBatchLeavesTheAggregatesAsTheyWere() throws {
        _ = try store.applyRemoteLead(provider: provider, records.lead("a"))
        let before = try aggregates(store)
        struct Boom: Error {}
        XCTAssertThrowsError(try store.applyingRemoteDetails {
            _ = try store.applyRemoteLead(provider: provider, records.lead("b"))
            throw Boom()
        })
        XCTAssertEqual(try aggregates(store), before)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM lead_aggregate_deferral"), 0)
        XCTAssertEqual(try insertTriggers(store).count, 4, "a failed batch leaves the triggers in place")
        XCTAssertEqual(try aggregates(store), try rebuilt(store))
    }

    /// A file of the version before (v24) gains the deferral table, the triggers that read it and
    /// the two appointment-count triggers; a batch then counts as a rebuild does.
    func testMigrationGivesAFileOfTheVersionBeforeTheDeferral() throws {
        _ = try store.applyRemoteLead(provider: provider, records.lead("old"))
        let reading = try store.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%lead_aggregate_deferral%'")
            .rows { ($0.text(0), $0.text(1)) }
        XCTAssertEqual(reading.count, 9, "four cube and five dashboard lead triggers")
        // The file as v24 made it: no deferral table, no split appointment triggers, no checks.
        try store.db.execute("DROP TABLE lead_aggregate_deferral; DROP TRIGGER leads_ai_dash_appointments; DROP TRIGGER leads_bd_dash_appointments")
        for (name, sql) in reading {
            try store.db.execute("DROP TRIGGER \(name)")
            try store.db.execute(sql.replacingOccurrences(of: " AND NOT (\(Schema.leadAggregatesDeferred("new")))", with: "")
                .replacingOccurrences(of: " AND NOT (\(Schema.leadAggregatesDeferred("old")))", with: ""))
        }
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%lead_aggregate_deferral%'"), 0)
        // v24: the version before the deferral (v25). Migrations are only appended, so the number holds.
        try store.db.execute("PRAGMA user_version = 24")
        store = nil
        store = try LeadStore(path: path)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%lead_aggregate_deferral%'"), 9)
        XCTAssertEqual(try store.db.scalarInt("""
            SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN ('leads_ai_dash_appointments', 'leads_bd_dash_appointments')
            """), 2)
        try store.applyingRemoteDetails {
            let id = try store.applyRemoteLead(provider: provider, records.lead("new", owner: "bo")).localId
            try store.applyRemoteAppointments(provider: provider, leadId: id, [appointment("n-x", 3)])
        }
        XCTAssertEqual(try cubeTotal(store), 2)
        XCTAssertEqual(try aggregates(store), try rebuilt(store))
    }
}
