import Core
import Foundation

/// The manager dashboard's aggregates: all in SQL, from the counts cube and the aggregate tables
/// (`Schema+DashboardAggregates`), with short index ranges for partial days; no lead is loaded.
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

        // New in the period and untouched, from `dash_created` (all time: every lead is new, and
        // untouched = live − touched, from the cube and the speed histogram below).
        let created = bounds.periodStart == nil ? [:] : try createdSince(bounds.periodStart, scope: scope)
        var untouched = 0
        for (key, figures) in created {
            if bounds.periodStart != nil {
                owners[key.owner, default: DashboardGroup()].new += figures.leads
                sources[key.source, default: DashboardGroup()].new += figures.leads
            }
            owners[key.owner, default: DashboardGroup()].speedToLead.untouched += figures.untouched
            untouched += figures.untouched
        }
        if bounds.periodStart == nil {
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

        // Appointments this week, per owner, source and day (today is one of the days).
        var perDay = Array(repeating: 0, count: bounds.weekDayStarts.count)
        let todayIndex = bounds.weekDayStarts.firstIndex(of: bounds.todayStart)
        for entry in try appointmentsByDay(dayStarts: bounds.weekDayStarts, weekEnd: bounds.nextWeekStart, scope: scope) {
            perDay[entry.day] += entry.count
            let today = entry.day == todayIndex ? entry.count : 0
            owners[entry.key.owner, default: DashboardGroup()].appointmentsToday += today
            owners[entry.key.owner, default: DashboardGroup()].appointmentsWeek += entry.count
            sources[entry.key.source, default: DashboardGroup()].appointmentsToday += today
            sources[entry.key.source, default: DashboardGroup()].appointmentsWeek += entry.count
        }

        // Speed to lead per owner and overall (one histogram, merged for the team).
        let speedFigures = try speedToLead(since: bounds.periodStart, scope: scope)
        var speed = speedFigures[nil] ?? SpeedToLead()
        if bounds.periodStart == nil {
            untouched = owners.values.reduce(0) { $0 + $1.leads } - speed.touched
            for owner in owners.keys { owners[owner]!.speedToLead.untouched = owners[owner]!.leads - (speedFigures[owner]?.touched ?? 0) }
        }
        speed.untouched = untouched
        for (key, figures) in speedFigures {
            guard let owner = key else { continue }
            let ownUntouched = owners[owner]?.speedToLead.untouched ?? 0
            owners[owner, default: DashboardGroup()].speedToLead = figures
            owners[owner]!.speedToLead.untouched = ownUntouched
        }

        // Stale = open leads (cube) − open leads touched (or created, untouched) since the cut-off.
        var stale = 0
        let recent = try idleSince(bounds.staleBefore, scope: scope)
        for (owner, open) in try openLeadsByOwner(scope) {
            owners[owner, default: DashboardGroup()].stale = open - (recent[owner] ?? 0)
            stale += open - (recent[owner] ?? 0)
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

        let weekly = try createdBetween(bounds.trendWeekStarts + [bounds.nextWeekStart], scope: scope)
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
    /// owner and for the team (keyed nil), exact, without sorting the period: the hour-bucket
    /// histogram of the aggregates finds the bucket holding each rank, then only those buckets'
    /// values are read from `dash_speed_delays` (whole UTC days; the partial day at a period's
    /// start from `leads_touch_created`, as the histogram does).
    private func speedToLead(since start: Int64?, scope: DashboardScope) throws -> [String?: SpeedToLead] {
        let version = try db.scalarInt("SELECT speed_version FROM dash_state WHERE id = 1") ?? 0
        let key = DashboardCacheKey(bounds: [start ?? Int64.min], owner: scope.owner)
        return try dashboardSpeedCache.value(for: key, version: version) { try computeSpeedToLead(since: start, scope: scope) }
    }

    private func computeSpeedToLead(since start: Int64?, scope: DashboardScope) throws -> [String?: SpeedToLead] {
        let perOwner = try speedHistogram(since: start, scope: scope)
        // Groups: each owner (a lead may have none: owner "") and the team (nil).
        var histogram: [String?: [Int64: Int]] = [:]
        var team: [Int64: Int] = [:]
        for (owner, buckets) in perOwner {
            histogram[owner] = buckets
            for (bucket, count) in buckets { team[bucket, default: 0] += count }
        }
        histogram[nil] = team
        var result: [String?: SpeedToLead] = [:]
        // group → bucket → [(rank within the bucket, is median)]
        var wanted: [String?: [Int64: [(rank: Int, median: Bool)]]] = [:]
        for (group, counts) in histogram {
            let buckets = counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }
            let n = buckets.reduce(0) { $0 + $1.value }
            guard n > 0 else { continue }
            result[group] = SpeedToLead(touched: n)
            for (rank, median) in [((n - 1) / 2 + 1, true), ((9 * n + 9) / 10, false)] {
                var before = 0
                for entry in buckets {
                    if before + entry.value >= rank {
                        wanted[group, default: [:]][entry.key, default: []].append((rank - before, median))
                        break
                    }
                    before += entry.value
                }
            }
        }
        func set(_ group: String?, _ median: Bool, _ value: Int64) {
            if median { result[group]?.medianSeconds = value } else { result[group]?.p90Seconds = value }
        }
        // The (bucket, owner) rows of `dash_speed_delays` to read: a team bucket needs every owner's
        // leads in it, an owner's bucket only that owner's; each range is read once.
        var ranges = Set<BucketOwner>()
        for (group, buckets) in wanted {
            for bucket in buckets.keys {
                if let owner = group { ranges.insert(BucketOwner(bucket: bucket, owner: owner)); continue }
                for (owner, counts) in perOwner where (counts[bucket] ?? 0) > 0 {
                    ranges.insert(BucketOwner(bucket: bucket, owner: owner))
                }
            }
        }
        // group → bucket → leads per second within the hour (exact values by counting, no sort).
        var seconds: [String?: [Int64: [Int32]]] = [:]
        func add(_ range: BucketOwner, _ counts: [Int32]) {
            for group in [range.owner, nil] as [String?] where wanted[group]?[range.bucket] != nil {
                var into = seconds[group]?[range.bucket] ?? [Int32](repeating: 0, count: 3600)
                for second in 0..<3600 where counts[second] != 0 { into[second] += counts[second] }
                seconds[group, default: [:]][range.bucket] = into
            }
        }
        let split = start.map { DaySplit($0) }
        let statement = try db.cached("SELECT delays FROM dash_speed_delays WHERE owner = ?1 AND bucket = ?2 AND day >= ?3")
        var edge: [BucketOwner: [Int32]] = [:]
        if let split, !split.edgeIsEmpty {  // the partial UTC day, from the created index
            try db.cached("""
                SELECT owner, \(Schema.speedDelay) FROM leads INDEXED BY leads_touch_created
                WHERE deleted = 0 AND created >= ? AND created < ? AND first_touch_at IS NOT NULL\(scope.and("owner"))
                """).forEachRow([.integer(split.edgeFrom), .integer(split.edgeBefore)] + scope.values) { s in
                let delay = s.int64(1), range = BucketOwner(bucket: delay / 3600, owner: s.text(0))
                guard ranges.contains(range) else { return }
                edge[range, default: [Int32](repeating: 0, count: 3600)][Int(delay % 3600)] += Int32(split.sign)
            }
        }
        for range in ranges.sorted(by: { ($0.owner, $0.bucket) < ($1.owner, $1.bucket) }) {
            var counts = edge[range] ?? [Int32](repeating: 0, count: 3600)
            try statement.forEachRow([.text(range.owner), .integer(range.bucket), .integer(split?.fromDay ?? Int64.min)]) { s in
                s.withBytes(0) { Self.countDelayCharacters($0, into: &counts) }
            }
            add(range, counts)
        }
        for (group, buckets) in wanted {
            for (bucket, targets) in buckets {
                guard let counts = seconds[group]?[bucket] else { continue }
                for target in targets {
                    var seen = 0
                    for second in 0..<3600 {
                        seen += Int(counts[second])
                        if seen >= target.rank { set(group, target.median, bucket * 3600 + Int64(second)); break }
                    }
                }
            }
        }
        return result
    }

    /// Counts each character of a `dash_speed_delays.delays` text (UTF-8 of code points 1…3600,
    /// `Schema.delayCharacter`) at its second within the hour.
    /// Decoded by the standard library's UTF-8 transcoder, with no String made per row.
    static func countDelayCharacters(_ bytes: UnsafeBufferPointer<UInt8>, into counts: inout [Int32]) {
        _ = transcode(bytes.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: false) { value in
            if value >= 1, value <= 3600 { counts[Int(value) - 1] += 1 }
        }
    }

    /// Open (not closed, not customer) live leads per owner, from the cube.
    private func openLeadsByOwner(_ scope: DashboardScope) throws -> [String: Int] {
        var open: [String: Int] = [:]
        try db.cached("""
            SELECT owner, sum(count) FROM lead_cube WHERE status NOT IN \(Schema.closedCodes)\(scope.and("owner")) GROUP BY owner
            """).forEachRow(scope.values) { open[$0.text(0)] = $0.int(1) }
        return open
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

/// One range of `dash_speed_delays`: an hour bucket of delay and an owner.
private struct BucketOwner: Hashable {
    let bucket: Int64
    let owner: String
}
