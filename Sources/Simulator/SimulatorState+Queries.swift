import Core
import Foundation

/// The list filters of seed 001 `/leads/list/` (text filters: case-insensitive exact match).
public struct LeadListFilter: Sendable {
    /// `list_type=assigned`: only leads owned by this username.
    public var assignedTo: String?
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var status: LeadStatus?
    public var owner: String?
    /// Campaigns are not modelled: any campaign slug matches no lead.
    public var campaignSlug: String?

    public init() {}

    var isEmpty: Bool {
        assignedTo == nil && firstName == nil && lastName == nil && email == nil && phone == nil
            && status == nil && owner == nil && campaignSlug == nil
    }

    func matches(_ lead: SimLead) -> Bool {
        if campaignSlug != nil { return false }
        if let assignedTo, lead.owner != assignedTo { return false }
        if let owner, lead.owner != owner { return false }
        if let status, lead.status != status { return false }
        if let firstName, !Self.same(lead.firstName, firstName) { return false }
        if let lastName, !Self.same(lead.lastName, lastName) { return false }
        if let email, !Self.same(lead.email, email) { return false }
        if let phone, lead.phone != phone { return false }
        return true
    }

    static func same(_ a: String, _ b: String) -> Bool {
        a == b || a.compare(b, options: [.caseInsensitive]) == .orderedSame
    }
}

/// One page of a list and the number of matches in all.
public struct SimPage<Item: Sendable>: Sendable {
    public var count: Int
    public var items: [Item]
}

extension SimulatorState {
    /// Live leads matching `filter`, ordered by id ascending, `limit` of them from `offset`.
    public func listLeads(_ filter: LeadListFilter, offset: Int, limit: Int) -> SimPage<SimLead> {
        locked {
            if filter.isEmpty && liveLeadCount == leads.count {
                let start = min(offset, leads.count)
                let end = min(start + limit, leads.count)
                return SimPage(count: leads.count, items: Array(leads[start..<end]))
            }
            var count = 0
            var items: [SimLead] = []
            for lead in leads where !lead.deleted && filter.matches(lead) {
                if count >= offset && items.count < limit { items.append(lead) }
                count += 1
            }
            return SimPage(count: count, items: items)
        }
    }
}

/// The filters of seed 001 `/leads/appointments/list/`.
public struct AppointmentListFilter: Sendable {
    /// `datesetting` with `ondate` (midnight UTC, Unix seconds).
    public enum DateSetting: String, Sendable { case on, before, after }

    public var dateSetting: DateSetting?
    public var onDate: Int64 = 0
    public var status: AppointmentStatus?
    /// Lead first name, case-insensitive exact match.
    public var leadFirstName: String?

    public init() {}

    func matches(_ appointment: SimAppointment, lead: SimLead) -> Bool {
        if let status, appointment.status != status { return false }
        if let leadFirstName, !LeadListFilter.same(lead.firstName, leadFirstName) { return false }
        switch dateSetting {
        case .none: return true
        case .on: return appointment.start >= onDate && appointment.start < onDate + 86_400
        case .before: return appointment.start < onDate
        case .after: return appointment.start >= onDate + 86_400
        }
    }
}

/// An appointment with the lead it belongs to, for rendering.
public struct SimAppointmentRow: Sendable {
    public var appointment: SimAppointment
    public var lead: SimLead
}

/// seed 001 overview `appointment` filter values.
public enum OverviewWindow: String, Sendable, CaseIterable {
    case upcoming, today, week, month
}

/// The numbers of seed 001's overview.
public struct SimOverview: Sendable {
    public var statusCounts: [(LeadStatus, Int)]
    public var sourceCounts: [(LeadSource, Int)]
    public var totalLeads: Int
    public var appointments: [SimAppointmentRow]
}

extension SimulatorState {
    /// Chosen: the overview lists at most this many appointments (the list endpoint pages the rest).
    public static let overviewAppointmentLimit = 100

    /// Appointments of live leads matching `filter`, by id ascending, one page of them.
    public func listAppointments(_ filter: AppointmentListFilter, offset: Int, limit: Int) -> SimPage<SimAppointmentRow> {
        locked {
            var count = 0
            var items: [SimAppointmentRow] = []
            for appointment in appointments {
                guard let index = leadIndex(id: appointment.leadId), !leads[index].deleted,
                      filter.matches(appointment, lead: leads[index]) else { continue }
                if count >= offset && items.count < limit {
                    items.append(SimAppointmentRow(appointment: appointment, lead: leads[index]))
                }
                count += 1
            }
            return SimPage(count: count, items: items)
        }
    }

    /// Status and source counts of live leads, their total, and the appointments in `window`
    /// (chosen: upcoming = start ≥ now; today = this UTC day; week = today and the next 6 days;
    /// month = this UTC calendar month), by start time, the first `appointmentLimit` of them.
    public func overview(_ window: OverviewWindow, appointmentLimit: Int = SimulatorState.overviewAppointmentLimit) -> SimOverview {
        locked {
            var statuses: [LeadStatus: Int] = [:]
            var sources: [LeadSource: Int] = [:]
            for lead in leads where !lead.deleted {
                statuses[lead.status, default: 0] += 1
                if let source = lead.source { sources[source, default: 0] += 1 }
            }
            let now = clock()
            let today = now - ((now % 86_400) + 86_400) % 86_400
            let range: Range<Int64>
            switch window {
            case .upcoming: range = now..<Int64.max
            case .today: range = today..<(today + 86_400)
            case .week: range = today..<(today + 7 * 86_400)
            case .month:
                let c = WireDate.components(now)
                let first = WireDate.seconds(year: c.year, month: c.month, day: 1, hour: 0, minute: 0, second: 0) ?? today
                let next = c.month == 12
                    ? WireDate.seconds(year: c.year + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0)
                    : WireDate.seconds(year: c.year, month: c.month + 1, day: 1, hour: 0, minute: 0, second: 0)
                range = first..<(next ?? today + 31 * 86_400)
            }
            var rows: [SimAppointmentRow] = []
            for appointment in appointments where range.contains(appointment.start) {
                guard let index = leadIndex(id: appointment.leadId), !leads[index].deleted else { continue }
                rows.append(SimAppointmentRow(appointment: appointment, lead: leads[index]))
            }
            rows.sort { ($0.appointment.start, $0.appointment.id) < ($1.appointment.start, $1.appointment.id) }
            if rows.count > appointmentLimit { rows.removeLast(rows.count - appointmentLimit) }
            return SimOverview(
                statusCounts: LeadStatus.allCases.map { ($0, statuses[$0] ?? 0) },
                sourceCounts: LeadSource.allCases.map { ($0, sources[$0] ?? 0) },
                totalLeads: liveLeadCount, appointments: rows)
        }
    }
}
