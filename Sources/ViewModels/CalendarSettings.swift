import Foundation

/// The `[calendar]` section of the config file (`$XDG_CONFIG_HOME/closer/config`):
/// `week_start = monday|sunday`, `remind_minutes = 15` (0 turns reminders off), `remind_bell = yes|no`.
public struct CalendarSettings: Sendable, Equatable {
    public var weekStartsOnSunday = false
    public var remindMinutes = 15
    public var remindBell = false
    /// `FILE:LINE: message` for values that could not be used (the default is kept).
    public var problems: [String] = []

    /// The defaults.
    public init() {}

    /// Reads the file at `path`; a missing file gives the defaults.
    public static func load(path: String) -> CalendarSettings {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return CalendarSettings() }
        return parse(text, name: path)
    }

    /// Parses the `[calendar]` section of a git-config-like text; other sections are ignored.
    public static func parse(_ text: String, name: String = "config") -> CalendarSettings {
        var settings = CalendarSettings()
        var inCalendar = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                inCalendar = line.lowercased() == "[calendar]"
                continue
            }
            guard inCalendar else { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let key = parts[0].lowercased()
            let value = parts.count > 1 ? parts[1].lowercased() : ""
            let place = "\(name):\(index + 1)"
            switch key {
            case "week_start":
                if value == "sunday" { settings.weekStartsOnSunday = true }
                else if value == "monday" { settings.weekStartsOnSunday = false }
                else { settings.problems.append("\(place): week_start must be monday or sunday") }
            case "remind_minutes":
                if let minutes = Int(value), (0...1440).contains(minutes) { settings.remindMinutes = minutes }
                else { settings.problems.append("\(place): remind_minutes must be a number of minutes (0–1440)") }
            case "remind_bell":
                if ["yes", "true", "on", "1"].contains(value) { settings.remindBell = true }
                else if ["no", "false", "off", "0"].contains(value) { settings.remindBell = false }
                else { settings.problems.append("\(place): remind_bell must be yes or no") }
            default:
                settings.problems.append("\(place): unknown calendar setting \(TextSanitizerBridge.line(key))")
            }
        }
        return settings
    }
}
