import Foundation
import Store

/// `:push NAME` on the list (providers, issue 8): the marked leads (or the selected one) are
/// queued for a destination remote; leads already there or queued are skipped.
extension LeadListViewModel {
    /// The remotes that take pushed leads (recorded by the sync worker), sorted.
    public func pushDestinations() -> [String] { (try? store.pushDestinations()) ?? [] }

    /// Queues the marked leads (or the selected one) for `remote`; false (with a message) when nothing could be queued.
    public mutating func push(to remote: String) -> Bool {
        let destinations = pushDestinations()
        guard destinations.contains(remote) else {
            complain(destinations.isEmpty ? "push: no remote takes pushed leads"
                     : "push: '\(TextSanitizerBridge.line(remote))' is not a destination (" + destinations.joined(separator: ", ") + ")")
            return false
        }
        guard let targets = targets() else { return false }
        do {
            let ids = try store.leadIds(in: targets.selection)
            let queued = try store.queuePush(leadIds: ids, remote: remote)
            if targets.usedMarks { clearMarks() }
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
