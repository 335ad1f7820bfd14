import Foundation

/// Times in the lead CSV: ISO 8601 UTC, `2026-11-23T11:30:00Z`, with milliseconds
/// (`…:00.250Z`) only when the time has them, so export → import keeps the exact instant.
/// Import also accepts offsets (`+02:00`), a space for `T`, `yyyy-mm-dd hh:mm` and `yyyy-mm-dd`.
public enum LeadCSVTime {
    /// The cell for a time.
    public static func format(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = Int64((milliseconds / 1000).rounded(.down))
        let fraction = Int(milliseconds - Double(seconds) * 1000)
        let whole = WireDate.formatTimestamp(seconds)
        guard fraction != 0 else { return whole }
        let digits = String(fraction)
        return String(whole.dropLast()) + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// The time in a cell, or nil when it is not one of the accepted spellings.
    public static func parse(_ cell: String) -> Date? {
        let text = cell.trimmingCharacters(in: .whitespaces)
        if let seconds = WireDate.parseTimestamp(text) {
            return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction(of: text))
        }
        if let seconds = WireDate.parseAppointment(text) { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        if text.utf8.count == 10, let seconds = WireDate.parseTimestamp(text + "T00:00:00Z") {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return nil
    }

    /// The `.123` part of an ISO timestamp, in seconds (0 when absent).
    private static func fraction(of text: String) -> TimeInterval {
        let bytes = Array(text.utf8)
        guard bytes.count > 20, bytes[19] == 46 else { return 0 }
        var value = 0.0, scale = 0.1
        for byte in bytes[20...] {
            guard byte >= 48, byte <= 57 else { break }
            value += Double(byte - 48) * scale
            scale /= 10
        }
        return value
    }
}
