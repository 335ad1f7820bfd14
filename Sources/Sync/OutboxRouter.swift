import Foundation
import Store

/// Routes queued local changes (which do not know the remotes) to the remotes that should get
/// them, by capability only:
/// - a new lead → every remote whose push policy forwards new leads: `create` where the remote
///   creates-and-finds leads (a CRM), `push` where it is a destination;
/// - an edit, delete, note or appointment → the remotes that hold the lead (linked, or its create
///   or push queued) and can do it; when none holds it, the CRMs that can (they say "not found");
/// - nothing can take it (no such remote configured) → it stays queued, unrouted, not lost.
public struct OutboxRouter: Sendable {
    /// One configured remote as the router sees it.
    public struct Target: Sendable, Equatable {
        public var remote: String
        public var capabilities: ProviderCapabilities
        /// `push = new-leads`: new local leads are sent here.
        public var forwardsNewLeads: Bool

        /// A target.
        public init(remote: String, capabilities: ProviderCapabilities, forwardsNewLeads: Bool) {
            self.remote = remote
            self.capabilities = capabilities
            self.forwardsNewLeads = forwardsNewLeads
        }

        var isCRM: Bool { capabilities.can(.createLeads) }
    }

    public var targets: [Target]

    /// A router over the configured remotes.
    public init(targets: [Target]) { self.targets = targets }

    /// Routes every unrouted entry (in batches, one transaction each). Returns how many were routed.
    @discardableResult
    public func route(_ store: LeadStore) throws -> Int {
        var after: Int64 = 0
        var routed = 0
        while true {
            let entries = try store.unroutedOutboxEntries(after: after, limit: 500)
            guard let last = entries.last else { return routed }
            after = last.id
            try store.transaction {
                for entry in entries {
                    let routes = try self.routes(for: entry, holders: store.remotesHolding(leadId: entry.leadId))
                    try store.route(entry, to: routes)
                    if !routes.isEmpty { routed += 1 }
                }
            }
        }
    }

    /// Where one entry goes.
    public func routes(for entry: OutboxEntry, holders: Set<String>) -> [LeadStore.OutboxRoute] {
        switch (entry.kind, entry.op) {
        case (.lead, .create):
            return targets.filter(\.forwardsNewLeads).compactMap { target in
                if target.isCRM { return LeadStore.OutboxRoute(remote: target.remote, op: .create) }
                if target.capabilities.can(.pushLeads) {
                    return LeadStore.OutboxRoute(remote: target.remote, op: .push)
                }
                return nil
            }
        case (.lead, .push):
            return []  // pushes are queued for a named remote, never unrouted
        case (.lead, .update): return edits(entry, holders: holders, need: .editLeads)
        case (.lead, .delete): return edits(entry, holders: holders, need: .deleteLeads)
        case (.note, _): return edits(entry, holders: holders, need: .notes)
        case (.appointment, _): return edits(entry, holders: holders, need: .appointments)
        }
    }

    func edits(_ entry: OutboxEntry, holders: Set<String>, need: ProviderFeatures) -> [LeadStore.OutboxRoute] {
        let able = targets.filter { $0.capabilities.can(need) }
        var chosen = able.filter { holders.contains($0.remote) }
        if chosen.isEmpty { chosen = able.filter(\.isCRM) }
        return chosen.map { LeadStore.OutboxRoute(remote: $0.remote, op: entry.op) }
    }
}
