import Foundation

/// Text the UI should put on the clipboard (it turns this into OSC 52; no escape codes here).
public struct ClipboardRequest: Sendable, Equatable {
    /// The text to copy: one line, sanitised (no controls, no escape sequences).
    public let text: String

    /// A request for `text`, sanitised to one line and trimmed.
    public init(text: String) {
        self.text = TextSanitizerBridge.line(text).trimmingCharacters(in: .whitespaces)
    }
}
