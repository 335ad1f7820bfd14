import Foundation

/// A channel template as the conversation pane offers it (from Zenvia's `/messaging/channels`,
/// cached by the sync worker): its key, name and body with `{{parameter}}` placeholders.
public struct MessageTemplate: Sendable, Equatable, Codable {
    public var channel: String
    public var key: String
    public var name: String
    public var body: String

    /// A template.
    public init(channel: String, key: String, name: String, body: String) {
        self.channel = channel
        self.key = key
        self.name = name
        self.body = body
    }

    /// The `{{name}}` placeholders of the body, in order, each once.
    public var parameterNames: [String] {
        var names: [String] = []
        var rest = Substring(body)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty && !names.contains(name) { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// The body with `parameters` filled in (a missing one stays `{{name}}`, so the gap shows).
    public func preview(_ parameters: [String: String]) -> String {
        var text = body
        for (name, value) in parameters { text = text.replacingOccurrences(of: "{{\(name)}}", with: value) }
        return text
    }

    /// Where the sync worker caches templates (sync_state provider / key; JSON array).
    public static let cacheProvider = "conversation"
    public static let cacheKey = "templates"
}
