import Core
import Foundation
import XCTest
@testable import Store

/// The dashboard aggregates against brute-force SQL over small random data sets: touches
/// recomputed from notes/activities/messages, boundaries from Foundation's own week intervals.
final class DashboardTests: StoreTestCase {
    let owners = ["ana", "bo", "cy"]
    /// Wednesday 2026-11-18 12:00 UTC.
    let now: Int64 = 1_795_521_600 - 6 * 86_400

    // MARK: - Random data

    /// Leads within ±40 days of `now` (some exactly on day/week edges of `zone`), with notes,
    /// activities, messages and appointments; some notes deleted, some leads soft- or hard-deleted.
    func seedRandom(_ seed: UInt64, zone: TimeZone) throws {
        var rng = SeededRandom(seed: seed)
        let calendar = DashboardCalendar(timeZone: zone)
        let date = Date(timeIntervalSince1970: TimeInterval(now))
        let edges = [calendar.startOfDay(date), calendar.startOfWeek(date), calendar.startOfMonth(date)]
        let db = store.db
        for i in 0..<120 {
            var created = now - Int64(rng.below(40 * 86_400))
            if i % 10 == 0 { created = edges[i / 10 % 3] - Int64(i % 20 == 0 ? 1 : 0) }
            let source: SQLValue = rng.below(8) == 0 ? .null : .integer(Int64(rng.below(LeadSource.allCases.count)))
            try db.run("""
                INSERT INTO leads (first_name, last_name, email, source, status, owner, created, updated, sort_name,
                    has_pending, has_rejected) VALUES (?, 'X', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text("L\(i)"), .text("l\(i)@example.com"), source, .integer(Int64(rng.below(6))),
                      .text(owners[rng.below(3)]), .integer(created), .integer(created), .text("l\(i) x"),
                      .integer(rng.below(5) == 0 ? 1 : 0), .integer(rng.below(9) == 0 ? 1 : 0)])
            let lead = db.lastInsertRowID
            try db.run("INSERT INTO activities (lead_id, type, text, created) VALUES (?, '\(ActivityCoding.stored(type: "created"))', '', ?)",
                       [.integer(lead), .integer(created)])
            for _ in 0..<rng.below(3) {
                try db.run("INSERT INTO notes (lead_id, text, created) VALUES (?, 'n', ?)",
                           [.integer(lead), .integer(created + Int64(rng.below(20 * 86_400)))])
            }
            if rng.below(3) == 0 {
                try db.run("INSERT INTO activities (lead_id, type, text, created) VALUES (?, '\(ActivityCoding.stored(type: "call"))', '', ?)",
                           [.integer(lead), .integer(created + Int64(rng.below(5 * 86_400)))])
            }
            if rng.below(4) == 0 {
                try db.run("INSERT INTO messages (lead_id, body, created) VALUES (?, 'hi', ?)",
                           [.integer(lead), .integer(created + Int64(rng.below(3 * 86_400)))])
            }
            for _ in 0..<rng.below(3) {
                let kinds = ["message", "call", "email", "visit", "transfer", "archive", "other"]
                let states: [SQLValue] = [.null, .null, .text("sent"), .text("queued"), .text("failed"), .text("unknown")]
                try db.run("""
                    INSERT INTO conversation_events (lead_id, kind, direction, send_state, created_at) VALUES (?, ?, ?, ?, ?)
                    """, [.integer(lead), .text(kinds[rng.below(kinds.count)]), .text(rng.below(2) == 0 ? "inbound" : "outbound"),
                          states[rng.below(states.count)], .integer(created + Int64(rng.below(4 * 86_400)))])
            }
            if rng.below(3) == 0 {
                let start = now - 3 * 86_400 + Int64(rng.below(7 * 86_400))
                try db.run("INSERT INTO appointments (lead_id, start, end, status) VALUES (?, ?, ?, ?)",
                           [.integer(lead), .integer(start), .integer(start + 1800),
                            .text(rng.below(4) == 0 ? "cancelled" : "pending")])
            }
        }
        try db.run("DELETE FROM notes WHERE id % 4 = 0")
        try db.run("UPDATE activities SET created = created + 3600 WHERE id % 5 = 0")
        try db.run("DELETE FROM messages WHERE id % 3 = 0")
        try db.run("DELETE FROM conversation_events WHERE id % 5 = 0")
        try db.run("UPDATE conversation_events SET send_state = 'sent' WHERE id % 7 = 0 AND send_state = 'queued'")
        try db.run("UPDATE conversation_events SET created_at = created_at - 7200 WHERE id % 4 = 1")
        try db.run("UPDATE appointments SET start = start + 5400, end = end + 5400 WHERE id % 4 = 0")
        try db.run("UPDATE appointments SET status = 'cancelled' WHERE id % 9 = 0")
        try db.run("UPDATE appointments SET status = 'pending' WHERE id % 10 = 0")
        try db.run("UPDATE leads SET owner = 'cy' WHERE id % 8 = 0")
        try db.run("UPDATE leads SET source = NULL WHERE id % 17 = 0")
        try db.run("UPDATE leads SET deleted = 1 WHERE id % 11 = 0")
        try db.run("DELETE FROM leads WHERE id % 13 = 0")
        try db.run("UPDATE leads SET status = (status + 1) % 6 WHERE id % 7 = 0")
    }

    // MARK: - Brute force

    /// (first, last) touch per lead straight from the record tables.
    func bruteTouches() throws -> [Int64: (Int64?, Int64?)] {
        var result: [Int64: (Int64?, Int64?)] = [:]
        try store.db.prepare("""
            SELECT l.id, min(t.created), max(t.created) FROM leads l LEFT JOIN (
                SELECT lead_id, created FROM notes UNION ALL
                SELECT lead_id, created FROM activities WHERE type <> '\(ActivityCoding.stored(type: "created"))' UNION ALL
                SELECT lead_id, created FROM messages UNION ALL
                SELECT lead_id, created_at FROM conversation_events WHERE kind IN ('message', 'call', 'email', 'visit')
                    AND (send_state IS NULL OR send_state = 'sent')) t ON t.lead_id = l.id GROUP BY l.id
            """).forEachRow { result[$0.int64(0)] = ($0.optionalInt64(1), $0.optionalInt64(2)) }
        return result
    }

    struct BruteLead {
        let id: Int64, owner: String, source: Int64?, status: Int64, created: Int64, first: Int64?, last: Int64?
        let pending: Bool, rejected: Bool
    }

    func bruteLeads(owner: String?) throws -> [BruteLead] {
        let touches = try bruteTouches()
        return try store.db.prepare("SELECT id, owner, source, status, created, has_pending, has_rejected FROM leads WHERE deleted = 0")
            .rows { s in
                BruteLead(id: s.int64(0), owner: s.text(1), source: s.optionalInt64(2), status: s.int64(3), created: s.int64(4),
                          first: touches[s.int64(0)]?.0, last: touches[s.int64(0)]?.1,
                          pending: s.int64(5) == 1, rejected: s.int64(6) == 1)
            }.filter { owner == nil || $0.owner == owner }
    }

    /// Foundation's own interval for "this week" (Monday first) and "today" in `zone`.
    func referenceBounds(_ zone: TimeZone) -> (today: DateInterval, week: DateInterval, month: DateInterval) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = 2
        let date = Date(timeIntervalSince1970: TimeInterval(now))
        return (calendar.dateInterval(of: .day, for: date)!, calendar.dateInterval(of: .weekOfYear, for: date)!,
                calendar.dateInterval(of: .month, for: date)!)
    }

    func referenceStart(_ period: DashboardPeriod, _ zone: TimeZone) -> Int64? {
        let bounds = referenceBounds(zone)
        switch period {
        case .today: return Int64(bounds.today.start.timeIntervalSince1970)
        case .week: return Int64(bounds.week.start.timeIntervalSince1970)
        case .month: return Int64(bounds.month.start.timeIntervalSince1970)
        case .days90: return now - 90 * 86_400
        case .all: return nil
        }
    }

    static func median(_ values: [Int64]) -> (Int64?, Int64?) {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return (nil, nil) }
        let n = sorted.count
        return (sorted[(n - 1) / 2], sorted[Int((Double(n) * 0.9).rounded(.up)) - 1])
    }

    // MARK: - Tests

    func testTouchColumnsFollowInsertsEditsAndDeletesOfEveryRecordKind() throws {
        try seedRandom(7, zone: TimeZone(identifier: "UTC")!)
        let lead = try store.createLead(makeLead("T", "T"))
        let note = try store.addNote(toLead: lead.id, text: "n", author: "ana", at: Date(timeIntervalSince1970: 2_000_000_000))
        _ = try store.addActivity(toLead: lead.id, type: "created", text: "", at: Date(timeIntervalSince1970: 1_000))
        try store.deleteNote(id: note.id)
        try store.db.run("UPDATE activities SET type = '\(ActivityCoding.stored(type: "call"))' WHERE id % 9 = 0 AND lead_id <> ?", [.integer(lead.id)])
        try store.db.run("UPDATE notes SET lead_id = lead_id + 1 WHERE id % 6 = 1 AND lead_id + 1 IN (SELECT id FROM leads)")
        let stored = try store.db.prepare("SELECT id, first_touch_at, last_touch_at FROM leads")
            .rows { ($0.int64(0), $0.optionalInt64(1), $0.optionalInt64(2)) }
        let reference = try bruteTouches()
        XCTAssertGreaterThan(stored.filter { $0.1 == nil }.count, 0, "some leads are never touched")
        for (id, first, last) in stored {
            XCTAssertEqual(first, reference[id]?.0, "first touch of \(id)")
            XCTAssertEqual(last, reference[id]?.1, "last touch of \(id)")
        }
        let touched = try XCTUnwrap(store.db.prepare("SELECT first_touch_at FROM leads WHERE id = ?").firstRow([.integer(lead.id)]) { $0.optionalInt64(0) })
        XCTAssertNil(touched, "a deleted note and a 'created' activity leave the lead untouched")
    }

    func testDashboardMatchesBruteForceForEveryPeriodScopeAndZone() throws {
        let zones = ["UTC", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati", "Asia/Kolkata", "Asia/Kathmandu"].map { TimeZone(identifier: $0)! }
        for (index, zone) in zones.enumerated() {
            try store.db.execute("DELETE FROM leads")
            try seedRandom(UInt64(index + 1), zone: zone)
            for period in DashboardPeriod.allCases {
                for owner in [nil, "bo"] as [String?] {
                    try checkDashboard(period: period, owner: owner, zone: zone)
                }
            }
        }
    }

    /// The exact median / p90 of a period read the rank buckets' values per (hour bucket, owner)
    /// row of `dash_speed_delays`: many delays in the same few hours (ranks fall inside a bucket),
    /// leads of no owner (owner "": counted for the team and as their own row), deleted leads.
    func testSpeedToLeadIsExactWhenManyDelaysShareAnHourAndSomeLeadsHaveNoOwner() throws {
        var rng = SeededRandom(seed: 42)
        let db = store.db
        for i in 0..<400 {
            let created = now - Int64(rng.below(100 * 86_400))
            try db.run("""
                INSERT INTO leads (first_name, last_name, email, status, owner, created, updated, sort_name)
                VALUES (?, 'S', ?, ?, ?, ?, ?, ?)
                """, [.text("S\(i)"), .text("s\(i)@example.com"), .integer(Int64(rng.below(6))),
                      .text((owners + [""])[rng.below(4)]), .integer(created), .integer(created), .text("s\(i) s")])
            let lead = db.lastInsertRowID
            if rng.below(6) > 0 {  // most touched within three hours, many at the same few seconds
                let delay = rng.below(2) == 0 ? Int64(rng.below(3 * 3600)) : Int64(600 * rng.below(4))
                try db.run("INSERT INTO notes (lead_id, text, created) VALUES (?, 'n', ?)", [.integer(lead), .integer(created + delay)])
            }
        }
        try db.run("UPDATE leads SET deleted = 1 WHERE id % 11 = 0")
        try db.run("DELETE FROM leads WHERE id % 13 = 0")
        XCTAssertGreaterThan(try db.scalarInt("SELECT count(*) FROM leads WHERE owner = '' AND first_touch_at IS NOT NULL") ?? 0, 20)
        for zone in ["UTC", "Asia/Kathmandu"].map({ TimeZone(identifier: $0)! }) {
            for period in DashboardPeriod.allCases {
                for owner in [nil, "bo"] as [String?] { try checkDashboard(period: period, owner: owner, zone: zone) }
            }
        }
    }

    func checkDashboard(period: DashboardPeriod, owner: String?, zone: TimeZone) throws {
        let label = "\(period) \(owner ?? "team") \(zone.identifier)"
        let query = DashboardQuery(period: period, owner: owner, now: Date(timeIntervalSince1970: TimeInterval(now)),
                                   timeZone: zone, staleDays: 14, untouchedListLimit: 5)
        let summary = try store.dashboard(query)
        let leads = try bruteLeads(owner: owner)
        let start = referenceStart(period, zone)
        XCTAssertEqual(summary.bounds.periodStart, start, label)
        let inPeriod = leads.filter { start == nil || $0.created >= start! }

        XCTAssertEqual(summary.total, leads.count, label)
        for status in LeadStatus.allCases {
            XCTAssertEqual(summary.count(status), leads.filter { $0.status == LeadColumns.code(of: status) }.count, "\(label) \(status)")
        }

        let bounds = referenceBounds(zone)
        let (today, week) = (Int64(bounds.today.start.timeIntervalSince1970), Int64(bounds.week.start.timeIntervalSince1970))
        let appointments = try store.db.prepare("""
            SELECT a.lead_id, a.start FROM appointments a JOIN leads l ON l.id = a.lead_id
            WHERE l.deleted = 0 AND a.status <> 'cancelled'
            """).rows { ($0.int64(0), $0.int64(1)) }
        let ownerOf = Dictionary(uniqueKeysWithValues: leads.map { ($0.id, $0) })
        let scopedAppointments = appointments.filter { ownerOf[$0.0] != nil }

        let staleBefore = now - 14 * 86_400
        func isOpen(_ l: BruteLead) -> Bool { l.status != 3 && l.status != 5 }
        func isStale(_ l: BruteLead) -> Bool { isOpen(l) && (l.last ?? l.created) < staleBefore }
        func group(_ members: [BruteLead], withSpeed: Bool) -> DashboardGroup {
            var g = DashboardGroup()
            g.leads = members.count
            g.new = members.filter { start == nil || $0.created >= start! }.count
            g.customers = members.filter { $0.status == 5 }.count
            g.closed = members.filter { $0.status == 3 }.count
            g.pending = members.filter(\.pending).count
            g.rejected = members.filter(\.rejected).count
            let ids = Set(members.map(\.id))
            let mine = scopedAppointments.filter { ids.contains($0.0) }
            g.appointmentsToday = mine.filter { $0.1 >= today && $0.1 < today + Int64(bounds.today.duration) }.count
            g.appointmentsWeek = mine.filter { $0.1 >= week && $0.1 < week + Int64(bounds.week.duration) }.count
            if withSpeed {
                let period = members.filter { start == nil || $0.created >= start! }
                let figures = Self.median(period.compactMap { l in l.first.map { max(0, $0 - l.created) } })
                g.speedToLead = SpeedToLead(medianSeconds: figures.0, p90Seconds: figures.1,
                                            touched: period.filter { $0.first != nil }.count,
                                            untouched: period.filter { $0.first == nil }.count)
                g.stale = members.filter(isStale).count
            }
            return g
        }
        let expectedOwners = Dictionary(grouping: leads, by: \.owner).mapValues { group($0, withSpeed: true) }
        XCTAssertEqual(summary.byOwner.map(\.owner), expectedOwners.keys.sorted(), label)
        for row in summary.byOwner { XCTAssertEqual(row.numbers, expectedOwners[row.owner], "\(label) owner \(row.owner)") }
        let expectedSources = Dictionary(grouping: leads, by: { $0.source ?? -1 }).mapValues { group($0, withSpeed: false) }
        XCTAssertEqual(summary.bySource.count, expectedSources.count, label)
        for row in summary.bySource {
            let key = row.source.map { LeadColumns.code(of: $0) } ?? -1
            XCTAssertEqual(row.numbers, expectedSources[key], "\(label) source \(key)")
        }

        let all = group(leads, withSpeed: true)
        XCTAssertEqual(summary.speedToLead, all.speedToLead, label)
        XCTAssertEqual(summary.stale, all.stale, label)
        let untouched = inPeriod.filter { $0.first == nil }.sorted { ($0.created, $0.id) < ($1.created, $1.id) }
        XCTAssertEqual(summary.untouchedOldest.map(\.id), untouched.prefix(5).map(\.id), label)

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let weekStarts = (0...12).map { Int64(calendar.date(byAdding: .weekOfYear, value: $0 - 11, to: bounds.week.start)!.timeIntervalSince1970) }
        let weekly = (0..<12).map { i in leads.filter { $0.created >= weekStarts[i] && $0.created < weekStarts[i + 1] }.count }
        XCTAssertEqual(summary.weeklyCreated, weekly, label)
        let dayStarts = (0...7).map { Int64(calendar.date(byAdding: .day, value: $0, to: bounds.week.start)!.timeIntervalSince1970) }
        let perDay = (0..<7).map { i in scopedAppointments.filter { $0.1 >= dayStarts[i] && $0.1 < dayStarts[i + 1] }.count }
        XCTAssertEqual(summary.appointmentsPerDay, perDay, label)

        // Drill-down filters select exactly the counted leads.
        let scope: Set<String> = owner.map { [$0] } ?? []
        let created = DateSpan(from: start.map { Date(timeIntervalSince1970: TimeInterval($0)) })
        let open = Set(LeadStatus.allCases.filter { $0 != .closed && $0 != .customer })
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(statuses: open, owners: scope,
                                                              touch: .idleSince(Date(timeIntervalSince1970: TimeInterval(staleBefore))))),
                       summary.stale, "\(label) stale drill-down")
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(owners: scope, created: created, touch: .never)),
                       summary.speedToLead.untouched, "\(label) untouched drill-down")
        if let website = summary.bySource.first(where: { $0.source == .website }) {
            XCTAssertEqual(try store.countLeads(filter: LeadFilter(sources: [.website], owners: scope, created: created)),
                           website.numbers.new, "\(label) new website drill-down")
        }
        let todaySpan = DateSpan(from: Date(timeIntervalSince1970: TimeInterval(summary.bounds.todayStart)),
                                 before: Date(timeIntervalSince1970: TimeInterval(summary.bounds.tomorrowStart)))
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(owners: scope, appointments: todaySpan)),
                       Set(scopedAppointments.filter { $0.1 >= today && $0.1 < today + Int64(bounds.today.duration) }.map(\.0)).count,
                       "\(label) appointments drill-down")
    }

    func testTodayAndThisWeekFollowTheLocalZoneAtTheirEdges() throws {
        // Monday 2026-11-16 00:30 in Tokyo is Sunday 15:30 UTC.
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let mondayTokyo: Int64 = 1_794_756_600
        let query = DashboardQuery(period: .week, now: Date(timeIntervalSince1970: TimeInterval(mondayTokyo)), timeZone: tokyo)
        let bounds = LeadStore.dashboardBounds(query)
        XCTAssertEqual(bounds.weekStart, mondayTokyo - 1800, "the week starts at Monday midnight in Tokyo")
        XCTAssertEqual(bounds.todayStart, mondayTokyo - 1800)
        let utc = LeadStore.dashboardBounds(DashboardQuery(period: .week, now: query.now, timeZone: TimeZone(identifier: "UTC")!))
        XCTAssertEqual(utc.weekStart, mondayTokyo - 1800 + 9 * 3600 - 7 * 86_400, "in UTC it is still last week's Sunday")
        for (offset, name) in [(-1, "before"), (0, "at")] {
            try store.createLead(makeLead("E\(name)", "X", created: mondayTokyo - 1800 + Int64(offset)))
        }
        XCTAssertEqual(try store.dashboard(query).byOwner.first?.numbers.new, 1, "a lead one second before Monday is last week")
        // New York's fall-back day is 25 hours long.
        let york = TimeZone(identifier: "America/New_York")!
        let fallBack = DashboardQuery(period: .today, now: Date(timeIntervalSince1970: 1_793_505_600 + 20 * 3600), timeZone: york)
        let day = LeadStore.dashboardBounds(fallBack)
        XCTAssertEqual(day.tomorrowStart - day.todayStart, 25 * 3600, "2026-11-01 has 25 hours in New York")
    }

    func testServerOverviewIsStoredWithItsSyncTime() throws {
        XCTAssertNil(try store.serverOverview())
        let overview = ServerOverview(provider: "crm", total: 9, statuses: [
            .init(status: "customer", count: 4, description: "Won", color: "green"),
            .init(status: "prospect", count: 5, description: "New", color: "#112233"),
        ], syncedAt: Date(timeIntervalSince1970: 1_795_000_000))
        try store.saveServerOverview(overview)
        let changes = store.totalChanges
        var again = overview
        again.syncedAt += 30
        try store.saveServerOverview(again)
        XCTAssertEqual(store.totalChanges, changes, "the same overview 30 s later writes nothing")
        XCTAssertEqual(try store.serverOverview(), overview)
        again.syncedAt += 60
        try store.saveServerOverview(again)
        XCTAssertEqual(try store.serverOverview()?.syncedAt, again.syncedAt, "after a minute the sync time moves on")
        again.syncedAt += 1
        again.total = 10
        try store.saveServerOverview(again)
        XCTAssertEqual(try store.serverOverview()?.total, 10, "a changed overview is stored at once")
        try store.saveServerOverview(overview)
        XCTAssertEqual(try store.dashboard(DashboardQuery()).server, overview)
    }

    func testMigrationAddsAndFillsTouchesInAnOlderFile() throws {
        try seedRandom(3, zone: TimeZone(identifier: "UTC")!)
        let reference = try bruteTouches()
        let db = store.db
        for trigger in Schema.touchTriggers + Schema.dashboardAggregateTriggers { try db.execute("DROP TRIGGER \(trigger.name)") }
        try db.execute("""
            DROP INDEX leads_touch_created; DROP INDEX leads_untouched; DROP INDEX leads_idle_at;
            ALTER TABLE leads DROP COLUMN idle_at;
            ALTER TABLE leads DROP COLUMN first_touch_at; ALTER TABLE leads DROP COLUMN last_touch_at;
            DROP TABLE server_overview; DROP TABLE server_overview_status;
            DROP TABLE dash_created; DROP TABLE dash_state; CREATE INDEX leads_id_scope ON leads(id, owner, source, deleted) WHERE deleted = 0;
            PRAGMA user_version = 4;
            """)
        store = nil
        store = try LeadStore(path: path)
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        let filled = try store.db.prepare("SELECT id, first_touch_at, last_touch_at FROM leads")
            .rows { ($0.int64(0), $0.optionalInt64(1), $0.optionalInt64(2)) }
        for (id, first, last) in filled {
            XCTAssertEqual(first, reference[id]?.0)
            XCTAssertEqual(last, reference[id]?.1)
        }
        let indexes = try store.db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('leads_touch_created', 'leads_untouched', 'leads_idle_at')").rows { $0.text(0) }
        XCTAssertEqual(indexes.count, 3)
        try store.db.run("INSERT INTO notes (lead_id, text, created) VALUES (?, 'n', 5)", [.integer(filled[0].0)])
        XCTAssertEqual(try store.db.scalarInt("SELECT first_touch_at FROM leads WHERE id = ?", [.integer(filled[0].0)]), 5,
                       "triggers work after the migration")
        try assertAggregatesMatchBruteForce("after the migration")
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'leads_id_scope'"), 0,
                       "the appointments join index is dropped")
    }

    /// size-leads: a file made by main before it (v22: `leads_speed`, `dash_speed_exact(_team)`) gets
    /// `dash_speed_delays` filled from its leads and loses what it replaces; the migration can run
    /// twice; the period figures read through it stay exact, also after edits that follow.
    func testSizeLeadsMigrationReplacesTheSpeedIndexAndExactTables() throws {
        let utc = TimeZone(identifier: "UTC")!
        try seedRandom(4, zone: utc)
        let db = store.db
        for trigger in Schema.dashboardAggregateTriggers { try db.execute("DROP TRIGGER \(trigger.name)") }
        try db.execute("""
            DROP TABLE dash_speed_delays;
            CREATE TABLE dash_speed_exact (owner TEXT NOT NULL, delay INTEGER NOT NULL, count INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (owner, delay)) WITHOUT ROWID;
            CREATE TABLE dash_speed_exact_team (delay INTEGER PRIMARY KEY, count INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
            CREATE INDEX leads_speed ON leads(max(0, first_touch_at - created) / 3600, owner, created, first_touch_at, deleted)
                WHERE deleted = 0 AND first_touch_at IS NOT NULL;
            PRAGMA user_version = 22;
            """)
        store = nil
        store = try LeadStore(path: path)
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        XCTAssertEqual(try store.db.scalarInt("""
            SELECT count(*) FROM sqlite_schema WHERE name IN ('leads_speed', 'dash_speed_exact', 'dash_speed_exact_team')
            """), 0, "replaced structures are gone")
        try assertAggregatesMatchBruteForce("after the migration")
        try store.db.transaction { try Schema.compactDashboardSpeed(store.db) }
        try assertAggregatesMatchBruteForce("after the migration ran again")
        for period in DashboardPeriod.allCases { try checkDashboard(period: period, owner: nil, zone: utc) }
        try store.db.run("UPDATE leads SET owner = 'ana' WHERE id % 5 = 0")
        try store.db.run("DELETE FROM notes WHERE id % 2 = 0")
        try assertAggregatesMatchBruteForce("triggers after the migration")
        for period in DashboardPeriod.allCases { try checkDashboard(period: period, owner: "ana", zone: utc) }
    }

    /// size-leads: the speed figures come from `dash_speed_delays` (no per-lead speed index) and
    /// equal a direct computation over the leads after every kind of change a touched lead sees —
    /// first touches moved earlier and later, touches deleted, owners changed, creation moved across
    /// UTC and local day edges (zones at +5:45 and −5), soft deletes undone, hard deletes.
    func testSpeedFromDelayRowsStaysExactThroughEditsDeletesAndOwnerChanges() throws {
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'leads_speed'"), 0)
        let zones = ["Asia/Kathmandu", "America/New_York"].map { TimeZone(identifier: $0)! }
        try seedRandom(21, zone: zones[0])
        let db = store.db
        try db.run("UPDATE notes SET created = created - 1800 WHERE id % 3 = 0")
        try db.run("UPDATE notes SET created = created + 7 * 3600 WHERE id % 3 = 1")
        try db.run("INSERT INTO notes (lead_id, text, created) SELECT id, 'same', created + 900 FROM leads WHERE id % 4 = 0")
        try db.run("UPDATE leads SET owner = 'bo' WHERE id % 6 = 0")
        try db.run("UPDATE leads SET created = created + 40000 WHERE id % 7 = 0")
        try db.run("UPDATE leads SET deleted = 0 WHERE deleted = 1 AND id % 2 = 0")
        try db.run("UPDATE leads SET deleted = 1 WHERE id % 19 = 0")
        try db.run("DELETE FROM leads WHERE id % 23 = 0")
        try assertAggregatesMatchBruteForce("after edits")
        for zone in zones {
            for period in DashboardPeriod.allCases {
                for owner in [nil, "bo"] as [String?] { try checkDashboard(period: period, owner: owner, zone: zone) }
            }
        }
    }

    /// Every `dash_*` table (rows with a count) equals the grouping of the leads and appointments
    /// with touches recomputed from the record tables.
    func assertAggregatesMatchBruteForce(_ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { Int64((Double(a) / Double(b)).rounded(.down)) }
        let leads = try bruteLeads(owner: nil)
        func stored(_ sql: String) throws -> [String: Int] {
            var result: [String: Int] = [:]
            try store.db.prepare(sql).forEachRow { result[$0.text(0)] = $0.int(1) }
            return result
        }
        func grouped(_ members: [BruteLead], _ key: (BruteLead) -> String?) -> [String: Int] {
            var result: [String: Int] = [:]
            for lead in members { if let k = key(lead) { result[k, default: 0] += 1 } }
            return result
        }
        XCTAssertEqual(try stored("SELECT day || ' ' || owner || ' ' || source, leads FROM dash_created WHERE leads > 0"),
                       grouped(leads) { "\(floorDiv($0.created, 86_400)) \($0.owner) \($0.source ?? -1)" }, "\(label): created", file: file, line: line)
        XCTAssertEqual(try stored("SELECT day || ' ' || owner || ' ' || source, untouched FROM dash_created WHERE untouched > 0"),
                       grouped(leads.filter { $0.first == nil }) { "\(floorDiv($0.created, 86_400)) \($0.owner) \($0.source ?? -1)" },
                       "\(label): untouched", file: file, line: line)
        XCTAssertEqual(try stored("SELECT hour || ' ' || owner, count FROM dash_idle WHERE count > 0"),
                       grouped(leads.filter { $0.status != 3 && $0.status != 5 }) { "\(floorDiv($0.last ?? $0.created, 3600)) \($0.owner)" },
                       "\(label): idle", file: file, line: line)
        let touched = leads.filter { $0.first != nil }
        func delay(_ l: BruteLead) -> Int64 { max(0, l.first! - l.created) }
        XCTAssertEqual(try stored("SELECT day || ' ' || owner || ' ' || bucket, count FROM dash_speed WHERE count > 0"),
                       grouped(touched) { "\(floorDiv($0.created, 86_400)) \($0.owner) \(delay($0) / 3600)" }, "\(label): speed", file: file, line: line)
        XCTAssertEqual(try stored("SELECT owner || ' ' || bucket, count FROM dash_speed_all WHERE count > 0"),
                       grouped(touched) { "\($0.owner) \(delay($0) / 3600)" }, "\(label): speed all", file: file, line: line)
        // size-leads: every touched live lead's delay, under (owner, hour bucket, UTC creation day).
        var delays: [String: [Int64]] = [:]
        for lead in touched { delays["delays \(lead.owner) \(delay(lead) / 3600) \(floorDiv(lead.created, 86_400))", default: []].append(delay(lead)) }
        XCTAssertEqual(try store.speedDelayRows(), delays.map { $0.key + ": " + $0.value.sorted().map(String.init).joined(separator: " ") }.sorted(),
                       "\(label): speed delays", file: file, line: line)
        var appointments: [String: Int] = [:]
        let byId = Dictionary(uniqueKeysWithValues: leads.map { ($0.id, $0) })
        try store.db.prepare("SELECT lead_id, start FROM appointments WHERE status <> 'cancelled'").forEachRow { s in
            if let lead = byId[s.int64(0)] { appointments["\(floorDiv(s.int64(1), 3600)) \(lead.owner) \(lead.source ?? -1)", default: 0] += 1 }
        }
        XCTAssertEqual(try stored("SELECT hour || ' ' || owner || ' ' || source, count FROM dash_appointments WHERE count > 0"),
                       appointments, "\(label): appointments", file: file, line: line)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM (SELECT leads FROM dash_created WHERE leads < 0 OR untouched < 0 UNION ALL SELECT count FROM dash_idle WHERE count < 0 UNION ALL SELECT count FROM dash_speed WHERE count < 0 UNION ALL SELECT count FROM dash_appointments WHERE count < 0)"), 0,
                       "\(label): no negative count", file: file, line: line)
    }

    func testAggregateTablesFollowEveryEditAndDeleteOfLeadsRecordsAndAppointments() throws {
        try seedRandom(11, zone: TimeZone(identifier: "UTC")!)
        try assertAggregatesMatchBruteForce("seeded")
        let db = store.db
        try db.run("UPDATE leads SET created = created - 90000 WHERE id % 6 = 0")
        try db.run("UPDATE leads SET deleted = 0 WHERE id % 11 = 0 AND id % 22 = 0")
        try db.run("UPDATE leads SET status = 3 WHERE id % 9 = 0")
        try db.run("DELETE FROM notes WHERE id % 3 = 0")
        try db.run("DELETE FROM conversation_events WHERE id % 2 = 0")
        try db.run("UPDATE appointments SET lead_id = lead_id + 1 WHERE id % 5 = 0 AND lead_id + 1 IN (SELECT id FROM leads)")
        try db.run("DELETE FROM appointments WHERE id % 7 = 0")
        try db.run("DELETE FROM leads WHERE id % 10 = 0")
        try assertAggregatesMatchBruteForce("after edits and deletes")
        try db.transaction { try Schema.rebuildDashboardAggregates(db) }
        try assertAggregatesMatchBruteForce("rebuilt")
    }

    func testTouchedSortListsOldestLastTouchFirstAndPagesBothWays() throws {
        try seedRandom(5, zone: TimeZone(identifier: "UTC")!)
        let open = Set(LeadStatus.allCases.filter { $0 != .closed && $0 != .customer })
        let cutoff = now - 14 * 86_400
        let filter = LeadFilter(statuses: open, touch: .idleSince(Date(timeIntervalSince1970: TimeInterval(cutoff))))
        let reference = try bruteLeads(owner: nil).filter { open.contains(LeadColumns.status(from: $0.status)) && ($0.last ?? $0.created) < cutoff }
            .sorted { ($0.last ?? $0.created, $0.id) < ($1.last ?? $1.created, $1.id) }.map(\.id)
        XCTAssertGreaterThan(reference.count, 20)
        XCTAssertTrue(try bruteLeads(owner: nil).contains { $0.last == nil && open.contains(LeadColumns.status(from: $0.status)) && $0.created < cutoff },
                      "a never-touched stale lead is among them (ordered by its creation)")
        var pages = try store.leads(filter: filter, sort: LeadSort(.touched), limit: 7)
        while let last = pages.last, pages.count < reference.count {
            let next = try store.leads(filter: filter, sort: LeadSort(.touched), after: last.cursor, limit: 7)
            if next.isEmpty { break }
            pages += next
        }
        XCTAssertEqual(pages.map(\.id), reference, "oldest last touch first, paged forward")
        let newestFirst = try store.leads(filter: filter, sort: LeadSort(.touched, ascending: false), limit: 5).map(\.id)
        XCTAssertEqual(newestFirst, Array(reference.reversed().prefix(5)))
    }

    func testSpeedFiguresAreReadAgainWhenAnotherConnectionTouchesALead() throws {
        try seedRandom(9, zone: TimeZone(identifier: "UTC")!)
        let utc = TimeZone(identifier: "UTC")!
        for period in [DashboardPeriod.all, .month] { try checkDashboard(period: period, owner: nil, zone: utc) }
        let untouched = try XCTUnwrap(store.db.scalarInt("SELECT id FROM leads WHERE deleted = 0 AND first_touch_at IS NULL AND created >= ? LIMIT 1",
                                                         [.integer(now - 10 * 86_400)]))
        let other = try LeadStore(path: path)
        _ = try other.addNote(toLead: untouched, text: "called back", author: "ana", at: Date(timeIntervalSince1970: TimeInterval(now - 60)))
        _ = try other.applyRemoteLead(provider: "crm", RemoteLead(remoteId: "cache-1", fields: ["first_name": "New", "assignee": "bo"]))
        for period in [DashboardPeriod.all, .month] { try checkDashboard(period: period, owner: nil, zone: utc) }
        // The week's appointments are cached too: a new one (from another connection) is counted.
        let at = Date(timeIntervalSince1970: TimeInterval(now + 3600))
        _ = try other.createAppointment(Appointment(leadId: untouched, start: at, end: at.addingTimeInterval(1800)))
        try checkDashboard(period: .week, owner: nil, zone: utc)
        try other.db.run("UPDATE leads SET owner = 'cy' WHERE id = ?", [.integer(untouched)])
        try checkDashboard(period: .week, owner: nil, zone: utc)
    }

    func testConversationContactsAreTouchesAndTheirDeleteIsUndone() throws {
        let lead = try store.createLead(makeLead("C", "C", created: now - 86_400))
        func touches() throws -> (Int64?, Int64?) {
            try XCTUnwrap(store.db.prepare("SELECT first_touch_at, last_touch_at FROM leads WHERE id = ?")
                .firstRow([.integer(lead.id)]) { ($0.optionalInt64(0), $0.optionalInt64(1)) })
        }
        func event(_ kind: String, _ direction: String, _ state: SQLValue, at time: Int64) throws -> Int64 {
            try store.db.run("INSERT INTO conversation_events (lead_id, kind, direction, send_state, created_at) VALUES (?, ?, ?, ?, ?)",
                             [.integer(lead.id), .text(kind), .text(direction), state, .integer(time)])
            return store.db.lastInsertRowID
        }
        _ = try event("transfer", "inbound", .null, at: now - 500)
        let queued = try event("message", "outbound", .text("queued"), at: now - 400)
        XCTAssertNil(try touches().0, "a transfer and a send not yet gone are no touch")
        try store.db.run("UPDATE conversation_events SET send_state = 'sent' WHERE id = ?", [.integer(queued)])
        XCTAssertEqual(try touches().0, now - 400, "our send that went out is a touch")
        let call = try event("call", "inbound", .null, at: now - 600)
        XCTAssertEqual(try touches().0, now - 600, "an inbound call is a touch")
        try store.db.run("DELETE FROM conversation_events WHERE id = ?", [.integer(call)])
        XCTAssertEqual(try touches().0, now - 400, "deleting the call gives the first touch back to the send")
        XCTAssertEqual(try touches().1, now - 400)
        try assertAggregatesMatchBruteForce("conversation")
    }

    func testSeededDemoDataHasTouchesAndIndexes() throws {
        try DemoSeeder(store: store, generator: DemoDataGenerator(seed: 1, now: now)).seed(leads: 200)
        let reference = try bruteTouches()
        let stored = try store.db.prepare("SELECT id, first_touch_at, last_touch_at FROM leads").rows { ($0.int64(0), $0.optionalInt64(1), $0.optionalInt64(2)) }
        for (id, first, last) in stored {
            XCTAssertEqual(first, reference[id]?.0)
            XCTAssertEqual(last, reference[id]?.1)
        }
        for (index, query) in [
            ("leads_idle_at", "SELECT owner, count(*) FROM leads INDEXED BY leads_idle_at WHERE deleted = 0 AND status NOT IN (3, 5) AND idle_at >= 5 GROUP BY owner"),
            ("leads_untouched", "SELECT owner, count(*) FROM leads INDEXED BY leads_untouched WHERE deleted = 0 AND first_touch_at IS NULL AND status NOT IN (3, 5) AND created >= 5 GROUP BY owner"),
            ("leads_touch_created", "SELECT owner, max(0, first_touch_at - created) FROM leads INDEXED BY leads_touch_created WHERE deleted = 0 AND created >= 5 AND first_touch_at IS NOT NULL ORDER BY 1, 2"),
        ] {
            let plan = try store.db.prepare("EXPLAIN QUERY PLAN " + query).rows { $0.text(3) }.joined(separator: "; ")
            // An index on a virtual column is never covering for SQLite; the idle edge is ≤ 30 minutes of leads.
            XCTAssertTrue(plan.contains(index == "leads_idle_at" ? "USING INDEX \(index)" : "COVERING INDEX \(index)"), plan)
        }
    }
}
