import Core
import Foundation

/// A new lead written with its detail gets its touch columns and `last_activity` in its INSERT
/// (sync cost, fourth pass): computed from the notes and activities it is about to receive, by
/// the rules of the triggers (`Schema.touchSources`, `raiseLastActivity`). The batch end's widen
/// then finds nothing to change for it (`Schema.widenDeferredTouches` skips rows it would leave
/// as they are), so the lead's row, its four touch indexes and the dashboard aggregates are
/// written once instead of twice. Exact: when a record of the detail is not inserted for the
/// lead (an activity id already stored, a note linked elsewhere), the lead goes back to no
/// touches and the widen computes them from the rows, as before (`resetNewLeadTouches`).
public struct NewLeadTouches: Sendable, Equatable {
    /// The earliest touch (notes, activities other than the creation), Unix seconds.
    public var first: Int64?
    /// The latest touch, Unix seconds.
    public var last: Int64?
    /// The latest note or activity of any type, Unix seconds.
    public var lastActivity: Int64?

    /// The columns a lead would have once `notes` and `activities` were inserted for it.
    public init(notes: [RemoteNote], activities: [RemoteActivity]) {
        var first: Int64?
        var last: Int64?
        var newest: Int64?
        func touch(_ time: Int64) {
            first = min(first ?? time, time)
            last = max(last ?? time, time)
        }
        for note in notes {
            let time = LeadColumns.seconds(note.createdAt)
            touch(time)
            newest = max(newest ?? time, time)
        }
        for activity in activities {
            let time = LeadColumns.seconds(activity.createdAt)
            if Schema.isTouch(activityType: activity.type) { touch(time) }
            newest = max(newest ?? time, time)
        }
        self.first = first
        self.last = last
        // raiseLastActivity: max(coalesce(last_activity, 0), created) from NULL.
        self.lastActivity = newest.map { max(0, $0) }
    }
}

extension LeadColumns {
    /// The `INSERT` of a new lead with its touches (`insertColumns`, then first/last touch and
    /// last activity: 19 parameters).
    static let insertWithTouchesSQL = """
        INSERT INTO leads (\(insertColumns), first_touch_at, last_touch_at, last_activity)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
        """

    /// `values(lead)` followed by the three touch columns.
    static func values(_ lead: Lead, touches: NewLeadTouches) -> [SQLValue] {
        values(lead) + [touches.first.map(SQLValue.integer) ?? .null, touches.last.map(SQLValue.integer) ?? .null,
                        touches.lastActivity.map(SQLValue.integer) ?? .null]
    }
}

extension LeadStore {
    /// Puts a lead inserted with `NewLeadTouches` back to no touches and no last activity (as a
    /// plain insert leaves it), when not every record of its detail was inserted for it: inside
    /// a detail batch the batch end then widens it from its rows exactly as before; outside one
    /// the per-row triggers have already run, so the columns are recomputed from the rows here.
    public func resetNewLeadTouches(leadId: Int64) throws {
        try write {
            let inBatch = try db.scalarInt("SELECT \(Schema.detailBatchInProgress)") == 1
            if inBatch {
                try db.run("UPDATE leads SET first_touch_at = NULL, last_touch_at = NULL, last_activity = NULL WHERE id = ?",
                           [.integer(leadId)])
                return
            }
            try db.run("""
                UPDATE leads SET
                    first_touch_at = (SELECT min(created) FROM (\(Schema.touchRows(where: "lead_id = ?1")))),
                    last_touch_at = (SELECT max(created) FROM (\(Schema.touchRows(where: "lead_id = ?1")))),
                    last_activity = (SELECT max(0, max(t)) FROM (SELECT max(created) AS t FROM notes WHERE lead_id = ?1
                                     UNION ALL SELECT max(created) FROM activities WHERE lead_id = ?1))
                WHERE id = ?1
                """, [.integer(leadId)])
        }
    }
}
