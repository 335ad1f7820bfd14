import Core
import Foundation

/// What a dashboard asks for: the period, an optional owner, "now" and the local zone.
public struct DashboardQuery: Sendable, Equatable {
    public var period: DashboardPeriod
    /// Only this owner's leads (nil: the whole team).
    public var owner: String?
    public var now: Date
    /// The zone "today" and "this week" are counted in.
    public var timeZone: TimeZone
    /// An open lead with no touch for this many days is stale.
    public var staleDays: Int
    /// How many untouched leads to list (oldest first).
    public var untouchedListLimit: Int

    /// A query; defaults: the whole team, now, the current zone, 14 stale days, 10 listed.
    public init(period: DashboardPeriod = .week, owner: String? = nil, now: Date = Date(),
                timeZone: TimeZone = .current, staleDays: Int = 14, untouchedListLimit: Int = 10) {
        self.period = period
        self.owner = owner
        self.now = now
        self.timeZone = timeZone
        self.staleDays = max(1, staleDays)
        self.untouchedListLimit = max(0, untouchedListLimit)
    }
}

/// The time boundaries a dashboard was computed with (Unix seconds), so drill-downs filter the
/// same leads the numbers counted.
public struct DashboardBounds: Sendable, Equatable {
    /// Start of the period (nil: all time).
    public var periodStart: Int64?
    public var todayStart: Int64
    public var tomorrowStart: Int64
    public var weekStart: Int64
    public var nextWeekStart: Int64
    /// An open lead idle since before this is stale.
    public var staleBefore: Int64
    /// The starts of the 12 trend weeks, oldest first (each week ends where the next starts;
    /// the last ends at `nextWeekStart`).
    public var trendWeekStarts: [Int64]
    /// The starts of the 7 days of this week (Monday first).
    public var weekDayStarts: [Int64]
}

/// Median and 90th percentile of the time from creation to first touch (seconds), over the
/// leads created in the period that were touched, plus how many are still untouched.
/// Median = the lower middle value, p90 = nearest rank ⌈0.9·n⌉ (both actual values).
public struct SpeedToLead: Sendable, Equatable {
    public var medianSeconds: Int64?
    public var p90Seconds: Int64?
    /// Touched leads the figures are over.
    public var touched: Int
    /// Leads created in the period with no touch yet.
    public var untouched: Int

    /// Figures (nil when no lead was touched).
    public init(medianSeconds: Int64? = nil, p90Seconds: Int64? = nil, touched: Int = 0, untouched: Int = 0) {
        self.medianSeconds = medianSeconds
        self.p90Seconds = p90Seconds
        self.touched = touched
        self.untouched = untouched
    }
}

/// One row of the by-source or by-owner table.
public struct DashboardGroup: Sendable, Equatable {
    /// Live leads now.
    public var leads = 0
    /// Leads created in the period.
    public var new = 0
    public var customers = 0
    public var closed = 0
    /// Leads with unsent local changes / with a change the server rejected.
    public var pending = 0
    public var rejected = 0
    /// Appointments (not cancelled) of the group's leads starting today / this week.
    public var appointmentsToday = 0
    public var appointmentsWeek = 0
    /// Owners only: speed to lead and open leads with no touch for `staleDays`.
    public var speedToLead = SpeedToLead()
    public var stale = 0

    /// Customers ÷ (closed + customers); nil when there are none of either.
    public var conversion: Double? {
        closed + customers == 0 ? nil : Double(customers) / Double(closed + customers)
    }

    /// An empty row.
    public init() {}
}

/// A group row keyed by owner username.
public struct DashboardOwnerRow: Sendable, Equatable {
    public var owner: String
    public var numbers: DashboardGroup
}

/// A group row keyed by source (nil: no source).
public struct DashboardSourceRow: Sendable, Equatable {
    public var source: LeadSource?
    public var numbers: DashboardGroup
}

/// A lead created in the period and never touched.
public struct UntouchedLead: Sendable, Equatable {
    public var id: Int64
    /// Display name (untrusted: sanitise before drawing).
    public var name: String
    public var owner: String
    public var createdAt: Date
}

/// The seed 001 overview as last synced.
public struct ServerOverview: Sendable, Equatable {
    /// One status row as the server sent it.
    public struct Status: Sendable, Equatable {
        /// The wire value ("prospect", …).
        public var status: String
        public var count: Int
        /// The vendor's `Description` and `Color` (untrusted text).
        public var description: String
        public var color: String

        /// A status row.
        public init(status: String, count: Int, description: String, color: String) {
            self.status = status
            self.count = count
            self.description = description
            self.color = color
        }
    }

    public var provider: String
    /// `TotalLeads`.
    public var total: Int
    public var statuses: [Status]
    public var syncedAt: Date

    /// An overview.
    public init(provider: String, total: Int, statuses: [Status], syncedAt: Date) {
        self.provider = provider
        self.total = total
        self.statuses = statuses
        self.syncedAt = syncedAt
    }

    /// The row for `status`, if the server sent one.
    public func status(_ status: LeadStatus) -> Status? { statuses.first { $0.status == status.rawValue } }
}

/// Every number of the manager dashboard, computed in SQL.
public struct DashboardSummary: Sendable, Equatable {
    public var query: DashboardQuery
    public var bounds: DashboardBounds
    /// Live leads in scope.
    public var total: Int
    /// Live leads per status, every status in pipeline order.
    public var byStatus: [(status: LeadStatus, count: Int)]
    public var bySource: [DashboardSourceRow]
    public var byOwner: [DashboardOwnerRow]
    public var speedToLead: SpeedToLead
    /// Open leads with no touch for `staleDays`.
    public var stale: Int
    /// The oldest untouched leads created in the period (at most `untouchedListLimit`).
    public var untouchedOldest: [UntouchedLead]
    /// Leads created in each of the last 12 weeks, oldest first (the last is this week).
    public var weeklyCreated: [Int]
    /// Appointments (not cancelled) per day this week, Monday first.
    public var appointmentsPerDay: [Int]
    /// The server's overview (nil: never synced).
    public var server: ServerOverview?

    public static func == (a: DashboardSummary, b: DashboardSummary) -> Bool {
        a.query == b.query && a.bounds == b.bounds && a.total == b.total
            && a.byStatus.map(\.status) == b.byStatus.map(\.status) && a.byStatus.map(\.count) == b.byStatus.map(\.count)
            && a.bySource == b.bySource && a.byOwner == b.byOwner && a.speedToLead == b.speedToLead
            && a.stale == b.stale && a.untouchedOldest == b.untouchedOldest && a.weeklyCreated == b.weeklyCreated
            && a.appointmentsPerDay == b.appointmentsPerDay && a.server == b.server
    }

    /// The count of `status`.
    public func count(_ status: LeadStatus) -> Int { byStatus.first { $0.status == status }?.count ?? 0 }

    /// `count / total` for a status (0 when there are no leads).
    public func share(_ status: LeadStatus) -> Double { total == 0 ? 0 : Double(count(status)) / Double(total) }
}
