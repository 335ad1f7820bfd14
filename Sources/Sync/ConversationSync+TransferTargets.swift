import Foundation
import Store

/// The `:transfer` picker's list: the groups and agents the key may transfer to (Zenvia
/// `GET /prospects/transfer-targets`), read through the provider that declares `.transfer` and
/// cached in SQLite (sync_state "conversation"/"transfer-targets", a JSON array of
/// `{kind, id, name}`), at most every 10 minutes like the templates.
extension ConversationSync {
    /// Where the targets are cached (read by the conversation view model).
    public static let transferTargetsKey = "transfer-targets"
    /// When the targets were last read (seconds since 1970).
    static let transferTargetsReadAtKey = "transfer-targets-at"

    /// Re-reads the transfer targets when the cache is older than 10 minutes (or `force`);
    /// returns how many were cached (0 when skipped or no remote can transfer).
    @discardableResult
    public func refreshTransferTargets(force: Bool = false) async throws -> Int {
        guard let transfers = messaging as? any TransferProvider, transfers.capabilities.can(.transfer) else { return 0 }
        let nowSeconds = Int64(now().timeIntervalSince1970)
        if !force, try store.syncState(provider: "conversation", key: Self.transferTargetsKey) != nil,
           let last = try store.syncState(provider: "conversation", key: Self.transferTargetsReadAtKey).flatMap({ Int64($0) }),
           nowSeconds - last < 600 { return 0 }
        let targets = try await transfers.transferTargets()
        let items = targets.map { ["kind": $0.kind.rawValue, "id": $0.id, "name": $0.name] }
        let data = try JSONSerialization.data(withJSONObject: items, options: [.sortedKeys])
        try store.transaction {
            try store.setSyncState(provider: "conversation", key: Self.transferTargetsKey, value: String(decoding: data, as: UTF8.self))
            try store.setSyncState(provider: "conversation", key: Self.transferTargetsReadAtKey, value: String(nowSeconds))
        }
        return items.count
    }
}
