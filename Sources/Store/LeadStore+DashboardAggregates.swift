import Core
import Foundation

/// How a "since `start`" range splits into whole UTC days of an aggregate table and one partial
/// day of leads read from an index: the shorter side of the day `start` falls in (≤ 12 hours).
struct DaySplit: Equatable {
    /// Aggregate rows with `day ≥ fromDay` count.
    let fromDay: Int64
    /// Leads created in `[edgeFrom, edgeBefore)` are added (`sign` 1) or taken away (−1).
    let edgeFrom: Int64
    let edgeBefore: Int64
    let sign: Int

    /// The split of `[start, ∞)` with days of `unit` seconds.
    init(_ start: Int64, unit: Int64 = 86_400) {
        let day = Self.floorDiv(start, unit), dayStart = day * unit
        if start - dayStart <= unit / 2 {
            (fromDay, edgeFrom, edgeBefore, sign) = (day, dayStart, start, -1)
        } else {
            (fromDay, edgeFrom, edgeBefore, sign) = (day + 1, start, dayStart + unit, 1)
        }
    }

    /// Whether the partial day holds no time.
    var edgeIsEmpty: Bool { edgeFrom >= edgeBefore }

    /// `floor(a / b)` for b > 0.
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

/// A lead group key of the aggregates: owner and source code (−1: no source).
struct OwnerSource: Hashable {
    let owner: String
    let source: Int64
}

/// Reads of the dashboard aggregate tables (`Schema+DashboardAggregates`), each exactly equal to
/// the grouping of the leads it replaces.
extension LeadStore {
    /// Live leads created at or after `start`, and how many of them are untouched, per owner and source.
    func createdSince(_ start: Int64?, scope: DashboardScope) throws -> [OwnerSource: (leads: Int, untouched: Int)] {
        var result: [OwnerSource: (leads: Int, untouched: Int)] = [:]
        let split = start.map { DaySplit($0) }
        // Summed here, not by GROUP BY (SQLite would sort the period's rows in a temporary b-tree).
        try db.cached("""
            SELECT owner, source, leads, untouched FROM dash_created WHERE day >= ?\(scope.and("owner"))
            """).forEachRow([.integer(split?.fromDay ?? Int64.min)] + scope.values) { s in
            let key = OwnerSource(owner: s.text(0), source: s.int64(1))
            let old = result[key] ?? (0, 0)
            result[key] = (old.leads + s.int(2), old.untouched + s.int(3))
        }
        if let split, !split.edgeIsEmpty {
            try db.cached("""
                SELECT owner, coalesce(source, -1), count(*), sum(first_touch_at IS NULL) FROM leads INDEXED BY leads_touch_created
                WHERE deleted = 0 AND created >= ? AND created < ?\(scope.and("owner")) GROUP BY 1, 2
                """).forEachRow([.integer(split.edgeFrom), .integer(split.edgeBefore)] + scope.values) { s in
                let key = OwnerSource(owner: s.text(0), source: s.int64(1))
                let old = result[key] ?? (0, 0)
                result[key] = (old.leads + split.sign * s.int(2), old.untouched + split.sign * s.int(3))
            }
        }
        return result
    }

    /// Live leads created in each `[boundaries[i], boundaries[i + 1])`.
    func createdBetween(_ boundaries: [Int64], scope: DashboardScope) throws -> [Int] {
        guard let first = boundaries.first else { return [] }
        let splits = boundaries.map { DaySplit($0) }
        var perDay: [Int64: Int] = [:]
        try db.cached("""
            SELECT day, sum(leads) FROM dash_created WHERE day >= ?\(scope.and("owner")) GROUP BY 1
            """).forEachRow([.integer(DaySplit(first).fromDay)] + scope.values) { perDay[$0.int64(0)] = $0.int(1) }
        let days = perDay.keys.sorted()
        func since(_ split: DaySplit) throws -> Int {
            var count = days.reversed().prefix { $0 >= split.fromDay }.reduce(0) { $0 + (perDay[$1] ?? 0) }
            if !split.edgeIsEmpty {
                count += split.sign * Int(try db.cached("""
                    SELECT count(*) FROM leads INDEXED BY leads_touch_created
                    WHERE deleted = 0 AND created >= ? AND created < ?\(scope.and("owner"))
                    """).firstRow([.integer(split.edgeFrom), .integer(split.edgeBefore)] + scope.values) { $0.int64(0) } ?? 0)
            }
            return count
        }
        let cumulative = try splits.map(since)
        return (0..<(boundaries.count - 1)).map { cumulative[$0] - cumulative[$0 + 1] }
    }

    /// Open live leads touched (or, never touched, created) at or after `time`, per owner.
    func idleSince(_ time: Int64, scope: DashboardScope) throws -> [String: Int] {
        var result: [String: Int] = [:]
        let split = DaySplit(time, unit: 3600)
        try db.cached("SELECT owner, count FROM dash_idle WHERE hour >= ?\(scope.and("owner"))")  // summed here: no sort
            .forEachRow([.integer(split.fromDay)] + scope.values) { result[$0.text(0), default: 0] += $0.int(1) }
        guard !split.edgeIsEmpty else { return result }
        try db.cached("""
            SELECT owner, count(*) FROM leads INDEXED BY leads_idle_at
            WHERE deleted = 0 AND status NOT IN \(Schema.closedCodes) AND idle_at >= ? AND idle_at < ?\(scope.and("owner"))
            GROUP BY owner
            """).forEachRow([.integer(split.edgeFrom), .integer(split.edgeBefore)] + scope.values) { s in
            result[s.text(0), default: 0] += split.sign * s.int(1)
        }
        return result
    }

    /// Histogram of first-touch delay hours of touched live leads created at or after `start`
    /// (nil: all time), per owner: bucket → count.
    func speedHistogram(since start: Int64?, scope: DashboardScope) throws -> [String: [Int64: Int]] {
        var result: [String: [Int64: Int]] = [:]
        guard let start else {
            try db.cached("SELECT owner, bucket, count FROM dash_speed_all WHERE count > 0\(scope.and("owner"))")
                .forEachRow(scope.values) { result[$0.text(0), default: [:]][$0.int64(1), default: 0] += $0.int(2) }
            return result
        }
        let split = DaySplit(start)
        try db.cached("""
            SELECT owner, bucket, count FROM dash_speed WHERE day >= ?\(scope.and("owner"))
            """).forEachRow([.integer(split.fromDay)] + scope.values) { result[$0.text(0), default: [:]][$0.int64(1), default: 0] += $0.int(2) }
        if !split.edgeIsEmpty {
            try db.cached("""
                SELECT owner, max(0, first_touch_at - created) / 3600, count(*) FROM leads INDEXED BY leads_touch_created
                WHERE deleted = 0 AND created >= ? AND created < ? AND first_touch_at IS NOT NULL\(scope.and("owner")) GROUP BY 1, 2
                """).forEachRow([.integer(split.edgeFrom), .integer(split.edgeBefore)] + scope.values) { s in
                result[s.text(0), default: [:]][s.int64(1), default: 0] += split.sign * s.int(2)
            }
        }
        return result
    }

    /// Appointments (not cancelled) of live leads per owner, source and day of the week
    /// (`dayStarts` ascending; the last day ends at `weekEnd`): whole hours from
    /// `dash_appointments`, an hour that straddles a day edge (zones off the hour) read exactly.
    func appointmentsByDay(dayStarts: [Int64], weekEnd: Int64, scope: DashboardScope) throws -> [DayCount] {
        guard !dayStarts.isEmpty else { return [] }
        // Cached per week and scope while no appointment (or owner/source of a lead with one) changed.
        let version = try db.scalarInt("SELECT appointments_version FROM dash_state WHERE id = 1") ?? 0
        let key = DashboardCacheKey(bounds: dayStarts + [weekEnd], owner: scope.owner)
        return try dashboardAppointmentsCache.value(for: key, version: version) {
            try readAppointmentsByDay(dayStarts: dayStarts, weekEnd: weekEnd, scope: scope)
        }
    }

    private func readAppointmentsByDay(dayStarts: [Int64], weekEnd: Int64, scope: DashboardScope) throws -> [DayCount] {
        guard let weekStart = dayStarts.first else { return [] }
        let ends = Array(dayStarts.dropFirst()) + [weekEnd]
        func day(of time: Int64) -> Int? { dayStarts.indices.first { dayStarts[$0] <= time && time < ends[$0] } }
        // Summed per owner, source and day here (~10,000 hour rows a week at a million leads).
        var sums: [DayKey: Int] = [:]
        var straddling = Set<Int64>()
        var lastHour = Int64.min, lastDay: Int?
        try db.cached("""
            SELECT hour, owner, source, count FROM dash_appointments WHERE hour >= ? AND hour <= ? AND count > 0\(scope.and("owner"))
            """).forEachRow([.integer(DaySplit.floorDiv(weekStart, 3600)), .integer(DaySplit.floorDiv(weekEnd - 1, 3600))] + scope.values) { s in
            let hour = s.int64(0)
            if hour != lastHour {  // rows come in hour order
                lastHour = hour
                let from = hour * 3600
                lastDay = day(of: from).flatMap { day(of: from + 3599) == $0 ? $0 : nil }
                if lastDay == nil { straddling.insert(hour) }
            }
            if let day = lastDay { sums[DayKey(key: OwnerSource(owner: s.text(1), source: s.int64(2)), day: day), default: 0] += s.int(3) }
        }
        for hour in straddling.sorted() {
            let from = max(hour * 3600, weekStart), before = min(hour * 3600 + 3600, weekEnd)
            try db.cached("""
                SELECT l.owner, coalesce(l.source, -1), a.start FROM appointments a INDEXED BY appointments_start_scope
                JOIN leads l ON l.id = a.lead_id
                WHERE a.start >= ? AND a.start < ? AND a.status <> 'cancelled' AND l.deleted = 0\(scope.and("l.owner"))
                """).forEachRow([.integer(from), .integer(before)] + scope.values) { s in
                if let index = day(of: s.int64(2)) { sums[DayKey(key: OwnerSource(owner: s.text(0), source: s.int64(1)), day: index), default: 0] += 1 }
            }
        }
        return sums.map { (key: $0.key.key, day: $0.key.day, count: $0.value) }
    }
}

/// An owner and source on one day of the week.
private struct DayKey: Hashable {
    let key: OwnerSource
    let day: Int
}

/// What a dashboard result is cached under: the query's time boundaries and its owner limit.
struct DashboardCacheKey: Hashable {
    let bounds: [Int64]
    let owner: String?
}

/// A count of an owner and source on one day of the week (the appointments per day).
typealias DayCount = (key: OwnerSource, day: Int, count: Int)
