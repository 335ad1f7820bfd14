import Core
import Foundation

/// The manager dashboard's aggregates: all in SQL, from the counts cube and range scans over the
/// dashboard indexes (`leads_touch_created`, `leads_untouched`, `leads_idle`); no lead is loaded.
extension LeadStore {
    /// Every dashboard number for `query`, in one read transaction (one consistent snapshot).
    public func dashboard(_ query: DashboardQuery) throws -> DashboardSummary {
        try locked {
            if db.inTransaction { return try dashboardLocked(query) }
            try db.execute("BEGIN")  // a deferred read: one snapshot, no write lock
            defer { try? db.execute("COMMIT") }
            return try dashboardLocked(query)
        }
    }

    /// The boundaries `query` is computed with.
    public static func dashboardBounds(_ query: DashboardQuery) -> DashboardBounds {
        let calendar = DashboardCalendar(timeZone: query.timeZone)
        let today = calendar.startOfDay(query.now)
        let week = calendar.startOfWeek(query.now)
        let now = Int64(query.now.timeIntervalSince1970.rounded(.down))
        return DashboardBounds(
            periodStart: query.period.start(now: query.now, timeZone: query.timeZone),
            todayStart: today, tomorrowStart: calendar.day(1, after: today),
            weekStart: week, nextWeekStart: calendar.day(7, after: week),
            staleBefore: now - Int64(query.staleDays) * 86_400,
            trendWeekStarts: (0..<12).map { calendar.day(-7 * (11 - $0), after: week) },
            weekDayStarts: (0..<7).map { calendar.day($0, after: week) })
    }

    private func dashboardLocked(_ query: DashboardQuery) throws -> DashboardSummary {
        let bounds = Self.dashboardBounds(query)
        let scope = DashboardScope(owner: query.owner)
        var owners: [String: DashboardGroup] = [:]
        var sources: [Int64: DashboardGroup] = [:]  // -1: no source
        var statusCounts = Dictionary(uniqueKeysWithValues: LeadStatus.allCases.map { ($0, 0) })
        let customer = LeadColumns.code(of: .customer), closed = LeadColumns.code(of: .closed)

        // The cube: leads, customers and closed per owner and source, and the pipeline.
        try db.cached("SELECT owner, source, status, count FROM lead_cube WHERE count > 0\(scope.and("owner"))")
            .forEachRow(scope.values) { s in
                let owner = s.text(0), source = s.int64(1), status = s.int64(2), count = s.int(3)
                statusCounts[LeadColumns.status(from: status), default: 0] += count
                func add(_ group: inout DashboardGroup) {
                    group.leads += count
                    if status == customer { group.customers += count }
                    if status == closed { group.closed += count }
                }
                add(&owners[owner, default: DashboardGroup()])
                add(&sources[source, default: DashboardGroup()])
            }

        // New in the period (all time: every lead).
        if let start = bounds.periodStart {
            try db.cached("""
                SELECT owner, coalesce(source, -1), count(*) FROM leads INDEXED BY leads_touch_created
                WHERE deleted = 0 AND created >= ?\(scope.and("owner")) GROUP BY 1, 2
                """).forEachRow([.integer(start)] + scope.values) { s in
                owners[s.text(0), default: DashboardGroup()].new += s.int(2)
                sources[s.int64(1), default: DashboardGroup()].new += s.int(2)
            }
        } else {
            for key in owners.keys { owners[key]!.new = owners[key]!.leads }
            for key in sources.keys { sources[key]!.new = sources[key]!.leads }
        }

        // Leads with pending / rejected sync changes (partial indexes: small sets).
        for (flag, index) in [("has_pending", "leads_pending"), ("has_rejected", "leads_rejected")] {
            try db.cached("""
                SELECT owner, coalesce(source, -1), count(*) FROM leads INDEXED BY \(index)
                WHERE \(flag) = 1 AND deleted = 0\(scope.and("owner")) GROUP BY 1, 2
                """).forEachRow(scope.values) { s in
                let count = s.int(2)
                if flag == "has_pending" {
                    owners[s.text(0), default: DashboardGroup()].pending += count
                    sources[s.int64(1), default: DashboardGroup()].pending += count
                } else {
                    owners[s.text(0), default: DashboardGroup()].rejected += count
                    sources[s.int64(1), default: DashboardGroup()].rejected += count
                }
            }
        }

        // Appointments this week, per owner, source and day, in one pass (today is one of the days).
        var perDay = Array(repeating: 0, count: bounds.weekDayStarts.count)
        let todayIndex = bounds.weekDayStarts.firstIndex(of: bounds.todayStart)
        let dayCase = "CASE " + bounds.weekDayStarts.dropFirst().enumerated()
            .map { "WHEN a.start < \($0.element) THEN \($0.offset)" }.joined(separator: " ") + " ELSE \(bounds.weekDayStarts.count - 1) END"
        try db.prepare("""
            SELECT l.owner, coalesce(l.source, -1), \(dayCase), count(*)
            FROM appointments a INDEXED BY appointments_start_scope JOIN leads l INDEXED BY leads_id_scope ON l.id = a.lead_id
            WHERE a.start >= ? AND a.start < ? AND a.status <> 'cancelled' AND l.deleted = 0\(scope.and("l.owner"))
            GROUP BY 1, 2, 3
            """).forEachRow([.integer(bounds.weekStart), .integer(bounds.nextWeekStart)] + scope.values) { s in
            let day = s.int(2), count = s.int(3)
            perDay[day] += count
            let today = day == todayIndex ? count : 0
            owners[s.text(0), default: DashboardGroup()].appointmentsToday += today
            owners[s.text(0), default: DashboardGroup()].appointmentsWeek += count
            sources[s.int64(1), default: DashboardGroup()].appointmentsToday += today
            sources[s.int64(1), default: DashboardGroup()].appointmentsWeek += count
        }

        // Speed to lead per owner and overall, untouched per owner.
        let speedByOwner = try speedToLead(since: bounds.periodStart, scope: scope, perOwner: true)
        var speed = try speedToLead(since: bounds.periodStart, scope: scope, perOwner: false)[""] ?? SpeedToLead()
        try db.cached("""
            SELECT owner, count(*) FROM leads INDEXED BY leads_untouched
            WHERE deleted = 0 AND first_touch_at IS NULL AND created >= ?\(scope.and("owner")) GROUP BY owner
            """).forEachRow([.integer(bounds.periodStart ?? Int64.min)] + scope.values) { s in
            owners[s.text(0), default: DashboardGroup()].speedToLead.untouched = s.int(1)
            speed.untouched += s.int(1)
        }
        for (owner, figures) in speedByOwner {
            let untouched = owners[owner]?.speedToLead.untouched ?? 0
            owners[owner, default: DashboardGroup()].speedToLead = figures
            owners[owner]!.speedToLead.untouched = untouched
        }

        // Stale = open leads (cube) − open leads touched since the cut-off − open untouched leads created since.
        var stale = 0
        for (owner, open) in try openLeadsByOwner(scope) {
            owners[owner, default: DashboardGroup()].stale = open
            stale += open
        }
        for recent in ["""
            SELECT owner, count(*) FROM leads INDEXED BY leads_idle
            WHERE deleted = 0 AND status NOT IN \(Schema.closedCodes) AND last_touch_at >= ?\(scope.and("owner")) GROUP BY owner
            """, """
            SELECT owner, count(*) FROM leads INDEXED BY leads_untouched
            WHERE deleted = 0 AND first_touch_at IS NULL AND status NOT IN \(Schema.closedCodes) AND created >= ?\(scope.and("owner"))
            GROUP BY owner
            """] {
            try db.cached(recent).forEachRow([.integer(bounds.staleBefore)] + scope.values) { s in
                owners[s.text(0), default: DashboardGroup()].stale -= s.int(1)
                stale -= s.int(1)
            }
        }

        let untouchedOldest = try db.cached("""
            SELECT id, first_name, last_name, email, owner, created FROM leads INDEXED BY leads_untouched
            WHERE deleted = 0 AND first_touch_at IS NULL AND created >= ?\(scope.and("owner"))
            ORDER BY created, id LIMIT \(query.untouchedListLimit)
            """).rows([.integer(bounds.periodStart ?? Int64.min)] + scope.values) { s -> UntouchedLead in
            let first = s.text(1), last = s.text(2)
            var name = [first, last].filter { !$0.isEmpty }.joined(separator: " ")
            if name.isEmpty { name = s.text(3) }
            return UntouchedLead(id: s.int64(0), name: name, owner: s.text(4),
                                 createdAt: Date(timeIntervalSince1970: TimeInterval(s.int64(5))))
        }

        let weekEnds = Array(bounds.trendWeekStarts.dropFirst()) + [bounds.nextWeekStart]
        let weekly = try zip(bounds.trendWeekStarts, weekEnds).map { from, before in
            try countCreated(from: from, before: before, scope: scope)
        }
        let ownerRows = owners.filter { $0.value != DashboardGroup() }.sorted { $0.key < $1.key }
            .map { DashboardOwnerRow(owner: $0.key, numbers: $0.value) }
        let sourceRows = sources.filter { $0.value != DashboardGroup() }.sorted { $0.key < $1.key }
            .map { DashboardSourceRow(source: $0.key < 0 ? nil : LeadColumns.source(from: $0.key), numbers: $0.value) }
        return DashboardSummary(
            query: query, bounds: bounds, total: statusCounts.values.reduce(0, +),
            byStatus: LeadStatus.allCases.map { ($0, statusCounts[$0] ?? 0) },
            bySource: sourceRows, byOwner: ownerRows, speedToLead: speed, stale: stale,
            untouchedOldest: untouchedOldest, weeklyCreated: weekly, appointmentsPerDay: perDay,
            server: try serverOverviewLocked())
    }

    /// Median and p90 of first touch − creation for touched leads created since `start`, per
    /// owner (or overall, keyed ""), exact, without sorting the whole period: a histogram of
    /// hour buckets finds the bucket holding each rank, then one read of just those buckets,
    /// sorted, picks the values (a full sort of a million rows took seconds).
    private func speedToLead(since start: Int64?, scope: DashboardScope, perOwner: Bool) throws -> [String: SpeedToLead] {
        let range = "FROM leads INDEXED BY leads_touch_created WHERE deleted = 0 AND created >= ? AND first_touch_at IS NOT NULL\(scope.and("owner"))"
        let values: [SQLValue] = [.integer(start ?? Int64.min)] + scope.values
        let key = perOwner ? "owner" : "''"
        let delay = "max(0, first_touch_at - created)"
        var histogram: [String: [(bucket: Int64, count: Int)]] = [:]
        try db.cached("SELECT \(key), \(delay) / 3600, count(*) \(range) GROUP BY 1, 2 ORDER BY 1, 2").forEachRow(values) { s in
            histogram[s.text(0), default: []].append((s.int64(1), s.int(2)))
        }
        var result: [String: SpeedToLead] = [:]
        // (group, bucket) → [(rank within the bucket, is median)]
        var wanted: [String: [Int64: [(rank: Int, median: Bool)]]] = [:]
        for (group, buckets) in histogram {
            let n = buckets.reduce(0) { $0 + $1.count }
            result[group] = SpeedToLead(touched: n)
            for (rank, median) in [((n - 1) / 2 + 1, true), ((9 * n + 9) / 10, false)] {
                var before = 0
                for entry in buckets {
                    if before + entry.count >= rank {
                        wanted[group, default: [:]][entry.bucket, default: []].append((rank - before, median))
                        break
                    }
                    before += entry.count
                }
            }
        }
        let pairs = wanted.flatMap { group, buckets in buckets.keys.map { (group, $0) } }
        guard !pairs.isEmpty else { return result }
        let list = Array(repeating: "(?, ?)", count: pairs.count).joined(separator: ", ")
        let sql = "SELECT k, d FROM (SELECT \(key) AS k, \(delay) AS d \(range)) WHERE (k, d / 3600) IN (VALUES \(list)) ORDER BY 1, 2"
        var current: (String, Int64)? = nil
        var index = 0
        try db.prepare(sql).forEachRow(values + pairs.flatMap { [SQLValue.text($0.0), .integer($0.1)] }) { s in
            let group = s.text(0), value = s.int64(1), bucket = value / 3600
            if current?.0 != group || current?.1 != bucket { current = (group, bucket); index = 0 }
            index += 1
            for target in wanted[group]?[bucket] ?? [] where target.rank == index {
                if target.median { result[group]?.medianSeconds = value } else { result[group]?.p90Seconds = value }
            }
        }
        return result
    }

    /// Open (not closed, not customer) live leads per owner, from the cube.
    private func openLeadsByOwner(_ scope: DashboardScope) throws -> [String: Int] {
        var open: [String: Int] = [:]
        try db.cached("""
            SELECT owner, sum(count) FROM lead_cube WHERE status NOT IN \(Schema.closedCodes)\(scope.and("owner")) GROUP BY owner
            """).forEachRow(scope.values) { open[$0.text(0)] = $0.int(1) }
        return open
    }

    /// Live leads created in `[from, before)` in scope.
    private func countCreated(from: Int64, before: Int64, scope: DashboardScope) throws -> Int {
        Int(try db.cached("""
            SELECT count(*) FROM leads INDEXED BY leads_touch_created
            WHERE deleted = 0 AND created >= ? AND created < ?\(scope.and("owner"))
            """).firstRow([.integer(from), .integer(before)] + scope.values) { $0.int64(0) } ?? 0)
    }
}

/// The owner limit of a dashboard query as SQL.
struct DashboardScope {
    let owner: String?
    /// " AND column = ?" (or "?N" at `index`) when limited, else "".
    func and(_ column: String, index: Int? = nil) -> String {
        guard owner != nil else { return "" }
        return " AND \(column) = ?\(index.map(String.init) ?? "")"
    }
    var values: [SQLValue] { owner.map { [.text($0)] } ?? [] }
}
