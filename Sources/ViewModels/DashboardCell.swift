import Core
import Foundation
import Store

/// One selectable number of the dashboard. Enter on it opens the lead list filtered to exactly
/// the leads it counts (`drillDown(in:)`).
public enum DashboardCell: Sendable, Equatable, Hashable {
    /// A column of the by-source / by-owner tables that is a count of leads.
    public enum Column: String, Sendable, CaseIterable, Hashable {
        case leads, new, customers, pending, rejected, appointmentsToday, appointmentsWeek, untouched, stale

        /// The table heading.
        public var heading: String {
            switch self {
            case .leads: return "Leads"
            case .new: return "New"
            case .customers: return "Cust"
            case .pending: return "Pend"
            case .rejected: return "Rej"
            case .appointmentsToday: return "ApD"
            case .appointmentsWeek: return "ApW"
            case .untouched: return "Untch"
            case .stale: return "Stale"
            }
        }
    }

    /// All live leads in scope.
    case total
    /// Leads of one status (pipeline).
    case status(LeadStatus)
    /// A number of the by-source table (a nil source is not drillable and never selected).
    case source(LeadSource, Column)
    /// A number of the by-owner table.
    case owner(String, Column)
    /// Leads created in the period never touched (whole scope).
    case untouched
    /// Open leads idle for `staleDays` (whole scope).
    case stale
    /// One lead of the "untouched, oldest first" list (Enter opens it).
    case untouchedLead(Int64)

    /// The count the cell shows in `summary`.
    public func value(in summary: DashboardSummary) -> Int {
        switch self {
        case .total: return summary.total
        case .status(let status): return summary.count(status)
        case .source(let source, let column):
            return summary.bySource.first { $0.source == source }.map { column.value($0.numbers) } ?? 0
        case .owner(let owner, let column):
            return summary.byOwner.first { $0.owner == owner }.map { column.value($0.numbers) } ?? 0
        case .untouched: return summary.speedToLead.untouched
        case .stale: return summary.stale
        case .untouchedLead: return 1
        }
    }

    /// The list filter, order and title for the leads this cell counts.
    public func drillDown(in summary: DashboardSummary) -> DashboardDrillDown {
        let bounds = summary.bounds
        let scope: Set<String> = summary.query.owner.map { [$0] } ?? []
        func date(_ seconds: Int64?) -> Date? { seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) } }
        let period = DateSpan(from: date(bounds.periodStart))
        let staleFilter = LeadFilter(statuses: DashboardDrillDown.openStatuses, owners: scope,
                                     touch: .idleSince(date(bounds.staleBefore)!))
        let periodTitle = summary.query.period.title
        func column(_ column: Column, base: LeadFilter, who: String) -> DashboardDrillDown {
            var filter = base
            var sort = LeadSort.nameAscending
            let title: String
            switch column {
            case .leads: title = "leads of \(who)"
            case .new:
                filter.created = summary.query.period == .all ? nil : period
                sort = LeadSort(.created, ascending: false)
                title = "\(who) leads new \(periodTitle)"
            case .customers: filter.statuses = [.customer]; title = "customers of \(who)"
            case .pending: filter.hasPending = true; title = "\(who) leads with pending changes"
            case .rejected: filter.rejectedOnly = true; title = "\(who) leads with rejected changes"
            case .appointmentsToday:
                filter.appointments = DateSpan(from: date(bounds.todayStart), before: date(bounds.tomorrowStart))
                title = "\(who) leads with appointments today"
            case .appointmentsWeek:
                filter.appointments = DateSpan(from: date(bounds.weekStart), before: date(bounds.nextWeekStart))
                title = "\(who) leads with appointments this week"
            case .untouched:
                filter.created = summary.query.period == .all ? nil : period
                filter.touch = .never
                sort = LeadSort(.created)
                title = "untouched leads of \(who) (\(periodTitle))"
            case .stale:
                filter.statuses = DashboardDrillDown.openStatuses
                filter.touch = staleFilter.touch
                sort = LeadSort(.touched)  // oldest last touch first (never touched: since creation)
                title = "stale leads of \(who)"
            }
            return DashboardDrillDown(title: title, filter: filter, sort: sort)
        }
        let team = summary.query.owner ?? "the team"
        switch self {
        case .total: return DashboardDrillDown(title: "all leads of \(team)", filter: LeadFilter(owners: scope), sort: .nameAscending)
        case .status(let status):
            return DashboardDrillDown(title: "\(status.rawValue) leads of \(team)", filter: LeadFilter(statuses: [status], owners: scope),
                                      sort: .nameAscending)
        case .source(let source, let c): return column(c, base: LeadFilter(sources: [source], owners: scope), who: source.rawValue)
        case .owner(let owner, let c): return column(c, base: LeadFilter(owners: [owner]), who: owner)
        case .untouched, .untouchedLead: return column(.untouched, base: LeadFilter(owners: scope), who: team)
        case .stale: return column(.stale, base: LeadFilter(owners: scope), who: team)
        }
    }
}

extension DashboardCell.Column {
    /// This column's number in a group row.
    public func value(_ g: DashboardGroup) -> Int {
        switch self {
        case .leads: return g.leads
        case .new: return g.new
        case .customers: return g.customers
        case .pending: return g.pending
        case .rejected: return g.rejected
        case .appointmentsToday: return g.appointmentsToday
        case .appointmentsWeek: return g.appointmentsWeek
        case .untouched: return g.speedToLead.untouched
        case .stale: return g.stale
        }
    }
}

/// Where Enter on a dashboard number leads: the lead list with this filter and order.
public struct DashboardDrillDown: Sendable, Equatable {
    /// What the list header says ("stale leads of ben").
    public var title: String
    public var filter: LeadFilter
    public var sort: LeadSort

    /// Statuses that count as open (not closed, not customer).
    public static let openStatuses: Set<LeadStatus> = Set(LeadStatus.allCases.filter { $0 != .closed && $0 != .customer })
}

extension DashboardDrillDown {
    /// The list header's words for the dashboard parts of a filter ("created since 11-16",
    /// "untouched", "idle since 11-04", "appointments 11-16–11-23"), in local dates.
    static func filterParts(_ filter: LeadFilter) -> [String] {
        // Most filters have no dashboard part: no calendar then. Making one looks up the current
        // time zone in ICU, which pulled megabytes of ICU data from disk before the first frame.
        guard filter.created != nil || filter.touch != nil || filter.appointments != nil else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        func day(_ date: Date) -> String {
            let parts = calendar.dateComponents([.month, .day], from: date)
            return String(format: "%02d-%02d", parts.month ?? 0, parts.day ?? 0)
        }
        func span(_ span: DateSpan) -> String {
            switch (span.from, span.before) {
            case let (from?, before?): return day(from) + "–" + day(before.addingTimeInterval(-1))
            case let (from?, nil): return "since " + day(from)
            case let (nil, before?): return "before " + day(before)
            case (nil, nil): return "any time"
            }
        }
        var parts: [String] = []
        if let created = filter.created { parts.append("created " + span(created)) }
        switch filter.touch {
        case .never?: parts.append("untouched")
        case .idleSince(let date)?: parts.append("idle since " + day(date))
        case nil: break
        }
        if let appointments = filter.appointments { parts.append("appointments " + span(appointments)) }
        return parts
    }
}
