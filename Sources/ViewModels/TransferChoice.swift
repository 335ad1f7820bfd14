import Foundation

/// A group or agent the prospect can be transferred to (Zenvia `GET /prospects/transfer-targets`,
/// cached by the sync worker like the templates). `name` is sanitised when read from the cache.
public struct TransferChoice: Sendable, Equatable, Codable {
    /// "group" or "agent".
    public var kind: String
    /// The Zenvia id (24 hex characters).
    public var id: String
    /// The group's name or the agent's full name.
    public var name: String

    /// A target.
    public init(kind: String, id: String, name: String) {
        self.kind = kind
        self.id = id
        self.name = name
    }

    /// A group (the payload's `group`), else an agent (`user`).
    public var isGroup: Bool { kind != "agent" }

    /// How the picker shows it: "Ventas Madrid (group)".
    public var label: String { "\(name) (\(isGroup ? "group" : "agent"))" }

    /// Where the sync worker caches the targets (sync_state provider / key; a JSON array of
    /// `{kind, id, name}`).
    public static let cacheProvider = "conversation"
    public static let cacheKey = "transfer-targets"
}
