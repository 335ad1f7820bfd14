import Foundation
import Store

/// `:push NAME` on the list (providers, issue 8): the marked leads (or the selected one) are
/// queued for a destination remote; leads already there or queued are skipped.
extension LeadListViewModel {
    /// Queues the action targets for `remote`; false (with a message) when nothing could be queued.
    public mutating func push(to remote: String) -> Bool {
        let ids = actionTargets
        guard !ids.isEmpty else {
            complain("No lead selected")
            return false
        }
        do {
            let queued = try store.queuePush(leadIds: ids, remote: remote)
            if !marked.isEmpty { marked.removeAll() }
            reload()
            let skipped = ids.count - queued.count
            inform("Queued \(queued.count) lead\(queued.count == 1 ? "" : "s") for \(remote)"
                   + (skipped > 0 ? " (\(skipped) there or queued already)" : ""))
            return true
        } catch {
            report(error, doing: "Queuing the push")
            return false
        }
    }
}
