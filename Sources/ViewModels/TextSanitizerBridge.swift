import Core

/// The one place view models turn untrusted text into terminal-safe text (Core's `TextSanitizer`).
enum TextSanitizerBridge {
    /// One line: newlines and tabs become spaces, controls and escape sequences are removed.
    static func line(_ text: String) -> String { TextSanitizer.line(text) }

    /// Several lines: newlines kept, controls and escape sequences removed.
    static func multiline(_ text: String) -> String { TextSanitizer.multiline(text) }
}
