import Foundation

/// The date spellings of seed 001, all in UTC, parsed and printed without DateFormatter
/// (thread-safe and fast enough for a million rows).
/// - appointments: `yyyy-mm-dd hh:mm` (appointment_date, appointment_to, fromdate, todate)
/// - list filter `ondate`: `MM/DD/YYYY`
/// - timestamps (added_on, created, note_created): ISO 8601 `yyyy-mm-ddThh:mm:ssZ` (chosen)
public enum WireDate {
    /// Parses `yyyy-mm-dd hh:mm` (seed 001 appointment format) into Unix seconds.
    public static func parseAppointment(_ text: String) -> Int64? {
        let d = Array(text.utf8)
        guard d.count == 16, d[4] == 45, d[7] == 45, d[10] == 32, d[13] == 58 else { return nil }
        guard let y = number(d, 0, 4), let mo = number(d, 5, 2), let day = number(d, 8, 2),
              let h = number(d, 11, 2), let mi = number(d, 14, 2) else { return nil }
        return seconds(year: y, month: mo, day: day, hour: h, minute: mi, second: 0)
    }

    /// Prints Unix seconds as `yyyy-mm-dd hh:mm`.
    public static func formatAppointment(_ seconds: Int64) -> String {
        let c = components(seconds)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2)) \(pad(c.hour, 2)):\(pad(c.minute, 2))"
    }

    /// Parses `MM/DD/YYYY` (seed 001 `ondate`) into the Unix seconds of that day's midnight.
    public static func parseOnDate(_ text: String) -> Int64? {
        let d = Array(text.utf8)
        guard d.count == 10, d[2] == 47, d[5] == 47,
              let mo = number(d, 0, 2), let day = number(d, 3, 2), let y = number(d, 6, 4) else { return nil }
        return seconds(year: y, month: mo, day: day, hour: 0, minute: 0, second: 0)
    }

    /// Prints Unix seconds as `MM/DD/YYYY`.
    public static func formatOnDate(_ seconds: Int64) -> String {
        let c = components(seconds)
        return "\(pad(c.month, 2))/\(pad(c.day, 2))/\(pad(c.year, 4))"
    }

    /// Parses ISO 8601 `yyyy-mm-ddThh:mm:ssZ` (fractions and `+00:00` accepted) into Unix seconds.
    public static func parseTimestamp(_ text: String) -> Int64? {
        let d = Array(text.utf8)
        guard d.count >= 19, d[4] == 45, d[7] == 45, d[10] == 84 || d[10] == 32, d[13] == 58, d[16] == 58,
              let y = number(d, 0, 4), let mo = number(d, 5, 2), let day = number(d, 8, 2),
              let h = number(d, 11, 2), let mi = number(d, 14, 2), let s = number(d, 17, 2),
              var base = seconds(year: y, month: mo, day: day, hour: h, minute: mi, second: s) else { return nil }
        var i = 19
        if i < d.count, d[i] == 46 {  // fraction
            i += 1
            while i < d.count, d[i] >= 48, d[i] <= 57 { i += 1 }
        }
        if i == d.count { return base }
        if d[i] == 90, i + 1 == d.count { return base }  // Z
        if d.count == i + 6, d[i] == 43 || d[i] == 45, d[i + 3] == 58,
           let oh = number(d, i + 1, 2), let om = number(d, i + 4, 2) {
            let offset = Int64(oh * 3600 + om * 60)
            base += d[i] == 43 ? -offset : offset
            return base
        }
        return nil
    }

    /// Prints Unix seconds as `yyyy-mm-ddThh:mm:ssZ`.
    public static func formatTimestamp(_ seconds: Int64) -> String {
        let c = components(seconds)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }

    public static func formatTimestamp(_ date: Date) -> String { formatTimestamp(Int64(date.timeIntervalSince1970.rounded(.down))) }
    public static func formatAppointment(_ date: Date) -> String { formatAppointment(Int64(date.timeIntervalSince1970.rounded(.down))) }

    /// Calendar parts of Unix seconds in UTC.
    public struct Components: Sendable, Equatable {
        public var year, month, day, hour, minute, second: Int
    }

    public static func components(_ seconds: Int64) -> Components {
        let days = Int64((Double(seconds) / 86_400).rounded(.down))
        let rest = Int(seconds - days * 86_400)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = Int(doy - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = Int(yoe + era * 400) + (month <= 2 ? 1 : 0)
        return Components(year: year, month: month, day: day, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60)
    }

    /// Unix seconds of a UTC calendar time, or nil when a part is out of range.
    public static func seconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...60).contains(second), day <= daysIn(month: month, year: year)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        var value = 0
        for i in start..<(start + length) {
            let b = bytes[i]
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
