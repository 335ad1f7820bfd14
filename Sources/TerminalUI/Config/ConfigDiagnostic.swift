/// A problem found in a keymap or theme file, shown to the user as `FILE:LINE: message`.
public struct ConfigDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (or a built-in name).
    public var file: String
    /// 1-based line, or `nil` for a problem with the whole file (e.g. missing).
    public var line: Int?
    /// What is wrong, in words.
    public var message: String

    /// A diagnostic.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message`, or `FILE: message` without a line.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
