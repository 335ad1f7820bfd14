import Foundation

/// A one-line message for the status bar, with a level and the time it stops being shown.
public struct StatusMessage: Sendable, Equatable {
    /// How the message is shown.
    public enum Level: String, Sendable, Equatable {
        /// A normal confirmation ("Saved", "3 leads marked").
        case info
        /// Something went wrong or was refused; shown in the error colour.
        case error
    }

    /// The text (already safe for a terminal: one line, sanitised).
    public let text: String
    public let level: Level
    /// When the message should disappear; nil means "until replaced".
    public let expiresAt: Date?

    /// A message; `text` is sanitised to one line.
    public init(_ text: String, level: Level = .info, expiresAt: Date? = nil) {
        self.text = TextSanitizerBridge.line(text)
        self.level = level
        self.expiresAt = expiresAt
    }

    /// How long info messages stay by default (errors stay twice as long).
    public static let defaultDuration: TimeInterval = 5

    /// An info message that expires `duration` seconds after `now`.
    public static func info(_ text: String, now: Date, duration: TimeInterval = defaultDuration) -> StatusMessage {
        StatusMessage(text, level: .info, expiresAt: now.addingTimeInterval(duration))
    }

    /// An error message that expires `duration` seconds after `now`.
    public static func error(_ text: String, now: Date, duration: TimeInterval = defaultDuration * 2) -> StatusMessage {
        StatusMessage(text, level: .error, expiresAt: now.addingTimeInterval(duration))
    }

    /// Whether the message should no longer be shown at `now`.
    public func isExpired(at now: Date) -> Bool {
        guard let expiresAt else { return false }
        return now >= expiresAt
    }
}
