import Sync
import TerminalUI
import ViewModels

/// The Sync worker as the terminal UI sees it: its status mapped to the status bar's indicator,
/// "sync now" and "fetch this lead's detail" requests. Nothing here waits on the network.
final class WorkerSync: BackgroundSync {
    let worker: SyncWorker

    init(worker: SyncWorker) {
        self.worker = worker
    }

    var indicator: SyncIndicator {
        switch worker.status.state {
        case .online: return .online
        case .syncing(_, let done, let total): return .syncing(done: done, total: max(done, total))
        case .offline(let reason): return .offline(reason: reason)
        case .credentialsRejected: return .credentialsRejected
        case .stopped: return .paused
        }
    }

    func syncNow() {
        worker.refreshQueueCounts()
        worker.syncNow()
    }

    func requestDetail(leadId: Int64) {
        worker.requestDetail(leadId: leadId)
    }
}
