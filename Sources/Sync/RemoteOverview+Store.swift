import Foundation
import Store

/// The vendor's label for one status in its overview (seed 001: `Description`, `Color`).
public struct RemoteStatusLabel: Sendable, Equatable {
    public var description: String
    public var color: String

    /// A label.
    public init(description: String, color: String) {
        self.description = description
        self.color = color
    }
}

extension SyncContext {
    /// Keeps the overview just read in the store (the dashboard's server check), stamped now.
    func storeOverview(_ overview: RemoteOverview) throws {
        let statuses = overview.statusCounts.keys.sorted().map { status in
            ServerOverview.Status(status: status, count: overview.statusCounts[status] ?? 0,
                                  description: overview.statusLabels[status]?.description ?? "",
                                  color: overview.statusLabels[status]?.color ?? "")
        }
        try store.saveServerOverview(ServerOverview(provider: provider.providerKey, total: overview.totalLeads,
                                                    statuses: statuses, syncedAt: clock.now()))
    }
}
