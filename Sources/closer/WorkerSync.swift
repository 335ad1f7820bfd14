import Sync
import TerminalUI
import ViewModels

/// The sync workers as the terminal UI sees them: the primary remote's status mapped to the
/// status bar's indicator, a compact entry per remote, "sync now" and "fetch this lead's
/// detail" requests. Nothing here waits on the network.
final class WorkerSync: BackgroundSync {
    let coordinator: SyncCoordinator

    init(coordinator: SyncCoordinator) {
        self.coordinator = coordinator
    }

    var indicator: SyncIndicator {
        guard let worker = coordinator.primary else { return .paused }
        switch worker.status.state {
        case .online: return .online
        case .syncing(_, let done, let total): return .syncing(done: done, total: max(done, total))
        case .offline(let reason): return .offline(reason: reason)
        case .credentialsRejected: return .credentialsRejected
        case .refused(let message): return .offline(reason: message)
        case .stopped: return .paused
        }
    }

    var remotesSummary: String { coordinator.workers.count > 1 ? coordinator.compactStatus : "" }

    func syncNow() {
        coordinator.refreshQueueCounts()
        coordinator.syncNow()
    }

    func requestDetail(leadId: Int64) {
        coordinator.requestDetail(leadId: leadId)
    }

    func start() { coordinator.start() }
    func stop() { coordinator.stop() }
}
