import Foundation
import Store

/// What the pull and push engines share: the store, the provider, options, the clock, the status
/// center, and the outbox entries that may have reached the server before a crash.
final class SyncContext: @unchecked Sendable {
    let store: LeadStore
    let provider: any RemoteProvider
    let options: SyncOptions
    let clock: any SyncClock
    let center: SyncStatusCenter
    /// The username the credentials belong to (note author on the server), when known.
    let username: String?
    /// Backoff for creates, which the client does not retry on its own.
    let retryPolicy: RetryPolicy
    private let lock = NSLock()
    private var maybeSent: Set<Int64> = []

    init(store: LeadStore, provider: any RemoteProvider, options: SyncOptions, clock: any SyncClock,
         center: SyncStatusCenter, username: String?, retryPolicy: RetryPolicy) {
        self.store = store
        self.provider = provider
        self.options = options
        self.clock = clock
        self.center = center
        self.username = username
        self.retryPolicy = retryPolicy
    }

    var providerKey: String { provider.providerKey }

    /// Remembers entries that were in flight when the previous run stopped (they may have reached the server).
    func rememberMaybeSent(_ ids: [Int64]) { lock.withLock { maybeSent.formUnion(ids) } }

    /// Whether an entry may already have reached the server: it was in flight at a crash, failed
    /// before, or is in flight now. A create in that state is looked for before it is sent again.
    func mayHaveBeenSent(_ entry: OutboxEntry) -> Bool {
        entry.attempts > 0 || entry.state == .inflight || lock.withLock { maybeSent.contains(entry.id) }
    }

    /// Adds to the counters and sets the phase, in one status update.
    func progress(_ phase: SyncPhase? = nil, done: Int = 0, total: Int = 0, _ change: (inout SyncCounters) -> Void = { _ in }) {
        center.update { status in
            change(&status.counters)
            if let phase { status.state = .syncing(phase: phase, done: done, total: total) }
        }
    }
}
