import Foundation

/// A group or agent a conversation can be transferred to, as the sync worker caches it from the
/// messaging vendor's transfer targets (Zenvia `GET /prospects/transfer-targets`). The one shape
/// of the cache: the worker writes it, the conversation view model reads it.
public struct CachedTransferTarget: Sendable, Equatable, Codable {
    /// "group" or "agent".
    public var kind: String
    /// The vendor's id (Zenvia: 24 hex characters).
    public var id: String
    /// The group's name or the agent's full name.
    public var name: String

    /// A target.
    public init(kind: String, id: String, name: String) {
        self.kind = kind
        self.id = id
        self.name = name
    }

    /// A group, else an agent.
    public var isGroup: Bool { kind != "agent" }

    /// How the picker shows it: "Ventas Madrid (group)".
    public var label: String { "\(name) (\(isGroup ? "group" : "agent"))" }
}

/// The transfer-target cache in `sync_state` ("conversation" / "transfer-targets", a JSON array of
/// `{id, kind, name}`; "transfer-targets-at" holds when it was read, seconds since 1970).
extension LeadStore {
    /// The sync_state provider and keys of the cache.
    public static let transferTargetCacheProvider = "conversation"
    /// The key of the cached JSON array.
    public static let transferTargetCacheKey = "transfer-targets"
    static let transferTargetCacheReadAtKey = "transfer-targets-at"

    /// The cached targets as stored (nil before the first read; unsanitised: they are remote text),
    /// or nil when the cached text is not a valid array.
    public func cachedTransferTargets() throws -> [CachedTransferTarget]? {
        guard let text = try syncState(provider: Self.transferTargetCacheProvider, key: Self.transferTargetCacheKey) else { return nil }
        return try? JSONDecoder().decode([CachedTransferTarget].self, from: Data(text.utf8))
    }

    /// When the cache was last filled (seconds since 1970), nil when never.
    public func transferTargetsReadAt() throws -> Int64? {
        guard try syncState(provider: Self.transferTargetCacheProvider, key: Self.transferTargetCacheKey) != nil else { return nil }
        return try syncState(provider: Self.transferTargetCacheProvider, key: Self.transferTargetCacheReadAtKey).flatMap { Int64($0) }
    }

    /// Replaces the cache with `targets`, read at `readAt` (seconds since 1970), in one transaction.
    public func cacheTransferTargets(_ targets: [CachedTransferTarget], readAt: Int64) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(targets), as: UTF8.self)
        try transaction {
            try setSyncState(provider: Self.transferTargetCacheProvider, key: Self.transferTargetCacheKey, value: text)
            try setSyncState(provider: Self.transferTargetCacheProvider, key: Self.transferTargetCacheReadAtKey, value: String(readAt))
        }
    }
}
