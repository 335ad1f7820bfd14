import Foundation

/// Local wall-clock time for the calendar: appointments are stored in UTC (the wire's naive
/// `yyyy-mm-dd hh:mm` is UTC, see DECISIONS) and shown in the user's zone (`$TZ` or the system's).
///
/// "Local seconds" are Unix seconds shifted by the zone offset, so `WireDate` can print and parse
/// them; a "day" is a count of local days since 1970-01-01.
public struct CalendarZone: Sendable, Equatable {
    /// The zone (`TimeZone.current` honours `$TZ`).
    public let timeZone: TimeZone

    /// The zone called `identifier` ("Europe/Berlin", "UTC"), or nil when unknown.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        timeZone = zone
    }

    /// A calendar in `timeZone`.
    public init(_ timeZone: TimeZone) { self.timeZone = timeZone }

    /// The user's zone: `$TZ` when it names a known zone, else the system's.
    public static var current: CalendarZone {
        if let name = ProcessInfo.processInfo.environment["TZ"], !name.isEmpty {
            let trimmed = name.hasPrefix(":") ? String(name.dropFirst()) : name
            if let zone = TimeZone(identifier: trimmed) ?? TimeZone(abbreviation: trimmed) { return CalendarZone(zone) }
        }
        return CalendarZone(TimeZone.current)
    }

    /// UTC.
    public static let utc = CalendarZone(TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!)

    /// Offset from UTC at the instant `utc`, seconds.
    public func offset(at utc: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc))))
    }

    /// The zone's short name at `utc` ("CET", "UTC", "GMT+5:30").
    public func abbreviation(at utc: Int64) -> String {
        if ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Universal", "Zulu"].contains(timeZone.identifier) { return "UTC" }
        return timeZone.abbreviation(for: Date(timeIntervalSince1970: TimeInterval(utc))) ?? timeZone.identifier
    }

    /// Local seconds of the instant `utc`.
    public func local(_ utc: Int64) -> Int64 { utc + offset(at: utc) }

    /// The instant whose local time is `local` (the earlier one in a repeated hour; a skipped
    /// hour moves forward).
    public func utc(fromLocal local: Int64) -> Int64 {
        var guess = local - offset(at: local)
        for _ in 0..<2 { guess = local - offset(at: guess) }
        return guess
    }

    /// The local day number of the instant `utc`.
    public func day(of utc: Int64) -> Int { Int(floorDiv(local(utc), 86_400)) }

    /// The instant local midnight of `day` begins.
    public func start(ofDay day: Int) -> Int64 { utc(fromLocal: Int64(day) * 86_400) }

    /// 0 = Sunday … 6 = Saturday.
    public static func weekday(ofDay day: Int) -> Int { ((day + 4) % 7 + 7) % 7 }

    /// Year, month, day of a local day number.
    public static func date(ofDay day: Int) -> (year: Int, month: Int, day: Int) {
        let c = WireDate.components(Int64(day) * 86_400)
        return (c.year, c.month, c.day)
    }

    /// The day number of a calendar date, nil when invalid.
    public static func day(year: Int, month: Int, day: Int) -> Int? {
        WireDate.seconds(year: year, month: month, day: day, hour: 0, minute: 0, second: 0).map { Int($0 / 86_400) }
    }

    /// Parses `yyyy-mm-dd` into a day number.
    public static func parseDay(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return day(year: y, month: m, day: d)
    }

    /// `yyyy-mm-dd` of a day number.
    public static func format(day: Int) -> String {
        String(WireDate.formatAppointment(Int64(day) * 86_400).prefix(10))
    }

    /// Local `yyyy-mm-dd hh:mm` of the instant `utc`.
    public func format(_ utc: Int64) -> String { WireDate.formatAppointment(local(utc)) }

    /// Local `hh:mm` of the instant `utc`.
    /// (Built from its four digits: the week and month views show hundreds of these a frame.)
    public func time(_ utc: Int64) -> String {
        let local = local(utc)
        let seconds = Int(local - floorDiv(local, 86_400) * 86_400)
        let hour = seconds / 3600, minute = seconds % 3600 / 60
        return String(unsafeUninitializedCapacity: 5) { bytes in
            bytes[0] = UInt8(48 + hour / 10)
            bytes[1] = UInt8(48 + hour % 10)
            bytes[2] = 58  // ":"
            bytes[3] = UInt8(48 + minute / 10)
            bytes[4] = UInt8(48 + minute % 10)
            return 5
        }
    }

    /// Parses local `yyyy-mm-dd hh:mm` into the UTC instant, nil when not in that format.
    public func parse(_ text: String) -> Int64? { WireDate.parseAppointment(text).map { utc(fromLocal: $0) } }

    /// Short English weekday names, Sunday first.
    public static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    /// Short English month names.
    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
