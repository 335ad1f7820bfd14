import Foundation

/// The provider's overview (seed 001 `/leads/overview/`) kept with the time it was synced, so the
/// dashboard can show the server's counts beside the local ones and label statuses its way.
extension LeadStore {
    /// Seconds within which an unchanged overview is not written again.
    static let overviewRefreshSeconds: TimeInterval = 60

    /// Replaces the stored overview with `overview` (one transaction). An overview equal to the
    /// stored one, stored less than a minute ago, writes nothing (an unchanged server costs no
    /// writes; the dashboard shows the sync time to the minute).
    public func saveServerOverview(_ overview: ServerOverview) throws {
        try write {
            if let stored = try serverOverviewLocked(), stored.provider == overview.provider, stored.total == overview.total,
               stored.statuses == overview.statuses,
               overview.syncedAt.timeIntervalSince(stored.syncedAt) < Self.overviewRefreshSeconds, overview.syncedAt >= stored.syncedAt {
                return
            }
            try db.run("DELETE FROM server_overview_status")
            try db.run("INSERT OR REPLACE INTO server_overview (id, provider, total, synced_at) VALUES (1, ?, ?, ?)",
                       [.text(overview.provider), .integer(Int64(overview.total)),
                        .integer(Int64(overview.syncedAt.timeIntervalSince1970.rounded(.down)))])
            for status in overview.statuses {
                try db.cached("INSERT OR REPLACE INTO server_overview_status (status, count, description, color) VALUES (?, ?, ?, ?)")
                    .run([.text(status.status), .integer(Int64(status.count)), .text(status.description), .text(status.color)])
            }
        }
    }

    /// The stored overview; nil before the first sync that read one.
    public func serverOverview() throws -> ServerOverview? {
        try locked { try serverOverviewLocked() }
    }

    func serverOverviewLocked() throws -> ServerOverview? {
        guard let head = try db.cached("SELECT provider, total, synced_at FROM server_overview WHERE id = 1")
            .firstRow([], { ($0.text(0), $0.int(1), $0.int64(2)) }) else { return nil }
        let statuses = try db.cached("SELECT status, count, description, color FROM server_overview_status ORDER BY status")
            .rows { ServerOverview.Status(status: $0.text(0), count: $0.int(1), description: $0.text(2), color: $0.text(3)) }
        return ServerOverview(provider: head.0, total: head.1, statuses: statuses,
                              syncedAt: Date(timeIntervalSince1970: TimeInterval(head.2)))
    }
}
