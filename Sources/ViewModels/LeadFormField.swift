import Core

/// One field of the lead form: what is typed, and what is wrong with it.
public struct LeadFormField: Sendable, Equatable {
    public let field: LeadField
    /// The label ("E-mail").
    public let title: String
    /// The value as typed (raw, so an untouched value is saved unchanged).
    public internal(set) var value: String
    /// seed 001 messages from local validation, e.g. "Invalid email." (empty: fine).
    public internal(set) var errors: [String]
    /// The server's messages from a rejected change, shown at the field until saved.
    public internal(set) var serverMessages: [String]
    /// Allowed values for choice fields (status, source with "" for none, owner usernames); empty: free text.
    public let choices: [String]
    /// Whether seed 001 requires a value.
    public let isRequired: Bool

    /// The value safe to draw (one line, sanitised).
    public var displayValue: String { TextSanitizerBridge.line(value) }

    /// Every message to show at the field: local errors first, then the server's.
    public var allMessages: [String] { errors + serverMessages.filter { !errors.contains($0) } }
}
