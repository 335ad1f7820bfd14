import Core
import Foundation
import XCTest
@testable import Store

/// A new lead inserted with the touches its detail will give it (`NewLeadTouches`) ends exactly as
/// one inserted plainly and widened by the triggers or the batch end: every column of every lead
/// row and every dashboard aggregate, a lead whose activity id is already stored (not inserted
/// for it: `resetNewLeadTouches`) and a lead with only its creation activity included.
final class NewLeadTouchesTests: PulledRecordsTestCase {
    private struct Detail {
        var slug: String
        var owner: String
        var notes: [RemoteNote]
        var activities: [RemoteActivity]
    }

    private var details: [Detail] {
        [
            Detail(slug: "a", owner: "ana", notes: [note("a1", -40), note("a2", -3)],
                   activities: [activity("a-c", "created", -48), activity("a-call", "call", -30)]),
            Detail(slug: "b", owner: "bo", notes: [], activities: [activity("b-c", "created", -20)]),
            Detail(slug: "c", owner: "cy", notes: [], activities: []),
            // Its call's id is A's: ON CONFLICT skips it, so it must not count for C2.
            Detail(slug: "c2", owner: "ana", notes: [note("c2-1", -10)],
                   activities: [activity("a-call", "call", -1), activity("c2-m", "email", -12)]),
        ]
    }

    /// Writes the details as the detail apply does; `withTouches` as the fourth pass does.
    private func pull(_ target: LeadStore, withTouches: Bool) throws {
        for detail in details {
            let touches = withTouches ? NewLeadTouches(notes: detail.notes, activities: detail.activities) : nil
            let outcome = try target.applyRemoteLead(provider: provider, records.lead(detail.slug, owner: detail.owner), touches: touches)
            let notes = try target.applyRemoteNotes(provider: provider, leadId: outcome.localId, detail.notes, complete: false)
            let activities = try target.applyRemoteActivities(provider: provider, leadId: outcome.localId, detail.activities)
            if touches != nil, notes != detail.notes.count || activities != detail.activities.count {
                try target.resetNewLeadTouches(leadId: outcome.localId)
            }
        }
    }


    func testInBatchesTheLeadsEndAsPlainInsertsWidenedAtTheEnd() throws {
        let plain = try LeadStore(path: directory.appendingPathComponent("plain.db").path)
        try plain.applyingRemoteDetails { try pull(plain, withTouches: false) }
        try store.applyingRemoteDetails { try pull(store, withTouches: true) }
        XCTAssertEqual(try store.allLeadRows(), try plain.allLeadRows())
        XCTAssertEqual(try store.dashboardAggregateRows(cube: true), try plain.dashboardAggregateRows(cube: true))
        let c2 = try store.db.scalarInt("SELECT last_touch_at FROM leads WHERE email = 'c2@example.com'")
        XCTAssertEqual(c2, base - 10 * 3600, "the call stored for A does not count for C2")
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM leads WHERE first_touch_at IS NOT NULL"), 2)
    }

    func testOutsideABatchTheLeadsEndAsPlainInsertsWidenedByTheTriggers() throws {
        let plain = try LeadStore(path: directory.appendingPathComponent("plain.db").path)
        try pull(plain, withTouches: false)
        try pull(store, withTouches: true)
        XCTAssertEqual(try store.allLeadRows(), try plain.allLeadRows())
        XCTAssertEqual(try store.dashboardAggregateRows(cube: true), try plain.dashboardAggregateRows(cube: true))
    }

    func testTouchesFollowTheTriggersRules() {
        let touches = NewLeadTouches(notes: [note("n", -5)], activities: [activity("c", "created", -48), activity("m", "email", -2)])
        XCTAssertEqual(touches.first, base - 5 * 3600)
        XCTAssertEqual(touches.last, base - 2 * 3600)
        XCTAssertEqual(touches.lastActivity, base - 2 * 3600)
        let created = NewLeadTouches(notes: [], activities: [activity("c", "created", -48)])
        XCTAssertNil(created.first, "the creation is no touch")
        XCTAssertEqual(created.lastActivity, base - 48 * 3600, "but it is an activity")
        XCTAssertNil(NewLeadTouches(notes: [], activities: []).lastActivity)
    }
}
