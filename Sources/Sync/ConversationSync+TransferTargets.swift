import Foundation
import Store

/// The `:transfer` picker's list: the groups and agents the key may transfer to (Zenvia
/// `GET /prospects/transfer-targets`), read through the provider that declares `.transfer` and
/// cached in SQLite (`LeadStore.cacheTransferTargets`), at most every 10 minutes like the templates.
extension ConversationSync {
    /// Re-reads the transfer targets when the cache is older than 10 minutes (or `force`);
    /// returns how many were cached (0 when skipped or no remote can transfer).
    @discardableResult
    public func refreshTransferTargets(force: Bool = false) async throws -> Int {
        guard let transfers = messaging as? any TransferProvider, transfers.capabilities.can(.transfer) else { return 0 }
        let nowSeconds = Int64(now().timeIntervalSince1970)
        if !force, let last = try store.transferTargetsReadAt(), nowSeconds - last < 600 { return 0 }
        let targets = try await transfers.transferTargets()
            .map { CachedTransferTarget(kind: $0.kind.rawValue, id: $0.id, name: $0.name) }
        try store.cacheTransferTargets(targets, readAt: nowSeconds)
        return targets.count
    }
}
