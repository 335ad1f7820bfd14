/// A credential (API key, access token) whose printed forms are redacted, so it cannot reach a
/// log line, an error message, the database or the screen by accident. `reveal()` is the one way out,
/// used only to build request headers.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, CustomPlaygroundDisplayConvertible
{
    private let value: String

    /// Wraps a credential.
    public init(_ value: String) { self.value = value }

    /// The credential itself, for an HTTP header. Never print it.
    public func reveal() -> String { value }

    /// Whether the credential is empty.
    public var isEmpty: Bool { value.isEmpty }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "Secret(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
    public var playgroundDescription: Any { description }
}
