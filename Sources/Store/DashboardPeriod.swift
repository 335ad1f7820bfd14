import Foundation

/// The time span a dashboard's "new" and speed-to-lead numbers cover, in the user's local zone.
public enum DashboardPeriod: String, Sendable, CaseIterable, Codable, Hashable {
    /// Since local midnight.
    case today
    /// Since Monday 00:00 local time.
    case week
    /// Since the 1st of this month, 00:00 local time.
    case month
    /// The last 90 × 24 hours.
    case days90 = "90d"
    /// Every lead.
    case all

    /// What the header says ("today", "this week", …).
    public var title: String {
        switch self {
        case .today: return "today"
        case .week: return "this week"
        case .month: return "this month"
        case .days90: return "last 90 days"
        case .all: return "all time"
        }
    }

    /// The next period in the `p` cycle.
    public var next: DashboardPeriod {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The start of the period containing `now` (Unix seconds), or nil for `all`.
    public func start(now: Date, timeZone: TimeZone) -> Int64? {
        let calendar = DashboardCalendar(timeZone: timeZone)
        switch self {
        case .today: return calendar.startOfDay(now)
        case .week: return calendar.startOfWeek(now)
        case .month: return calendar.startOfMonth(now)
        case .days90: return Int64(now.timeIntervalSince1970.rounded(.down)) - 90 * 86_400
        case .all: return nil
        }
    }
}

/// Local-time boundaries (days, ISO weeks starting Monday, months) as Unix seconds, correct across
/// daylight-saving changes (a day may be 23 or 25 hours).
public struct DashboardCalendar: Sendable {
    public let timeZone: TimeZone
    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2  // Monday
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }

    /// A calendar in `timeZone`.
    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// Local midnight of the day containing `date`.
    public func startOfDay(_ date: Date) -> Int64 { Self.seconds(calendar.startOfDay(for: date)) }

    /// Local midnight `days` days after the day starting at `dayStart` (negative: before).
    public func day(_ days: Int, after dayStart: Int64) -> Int64 {
        let start = Date(timeIntervalSince1970: TimeInterval(dayStart))
        return Self.seconds(calendar.date(byAdding: .day, value: days, to: start) ?? start.addingTimeInterval(Double(days) * 86_400))
    }

    /// Monday 00:00 local of the week containing `date`.
    public func startOfWeek(_ date: Date) -> Int64 {
        let dayStart = startOfDay(date)
        let weekday = calendar.component(.weekday, from: Date(timeIntervalSince1970: TimeInterval(dayStart)))  // 1 = Sunday
        return day(-((weekday + 5) % 7), after: dayStart)
    }

    /// The 1st of the month containing `date`, 00:00 local.
    public func startOfMonth(_ date: Date) -> Int64 {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return calendar.date(from: parts).map(Self.seconds) ?? startOfDay(date)
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}
