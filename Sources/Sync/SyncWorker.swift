import Core
import Foundation
import Store

/// The background sync worker: pull (leads, details, appointments, overview) then push (the
/// outbox), as one cycle; in the background every `options.interval` seconds or when woken.
/// Observe it through `status` / `statusUpdates()` / `observeStatus`; the UI never waits on it.
///
/// ```
/// let worker = SyncWorker(store: store, provider: provider)
/// worker.start()                       // background Task
/// worker.syncNow()                     // wake it
/// worker.requestDetail(leadId: 42)     // notes + activities of the lead the user opened
/// for await status in worker.statusUpdates() { ... }
/// ```
public final class SyncWorker: @unchecked Sendable {
    /// Counters and the final state of one `runOnce()`.
    public struct Report: Sendable, Equatable {
        public var counters: SyncCounters
        public var state: SyncStatus.State
        public var pendingChanges: Int
        public var rejectedChanges: Int
        /// Requests of unknown outcome waiting for the user (this remote).
        public var unknownChanges: Int = 0
        /// The error that ended the cycle, if any.
        public var error: SyncError?
    }

    let context: SyncContext
    private let lock = NSLock()
    /// The last conversation cycle's failure on this remote (nil: it went through; `noteConversationCycle`).
    private var conversationFailure: SyncError?
    private var loop: Task<Void, Never>?
    /// The loop being stopped, for `waitUntilStopped`.
    private var stopping: Task<Void, Never>?
    private var wake: AsyncStream<Void>.Continuation?
    private var paused = false
    private var startedOnce = false
    private let cycleLock = CycleLock()

    /// Routes queued local changes to the configured remotes before each push.
    let router: OutboxRouter

    /// A worker syncing `store` with `provider`. `username` is the remote user (note author).
    /// `router` knows every configured remote (default: this one alone, forwarding new leads when
    /// it is a CRM).
    public init(store: LeadStore, provider: any RemoteProvider, options: SyncOptions = SyncOptions(),
                clock: any SyncClock = SystemClock(), username: String? = nil, retryPolicy: RetryPolicy = RetryPolicy(),
                router: OutboxRouter? = nil) {
        context = SyncContext(store: store, provider: provider, options: options, clock: clock,
                              center: SyncStatusCenter(), username: username, retryPolicy: retryPolicy)
        self.router = router ?? OutboxRouter(targets: [
            .init(remote: provider.providerKey, capabilities: provider.capabilities,
                  forwardsNewLeads: provider.capabilities.can(.createLeads)),
        ])
    }

    /// The remote's name (its provider key).
    public var remoteName: String { context.providerKey }

    /// What the remote can do.
    public var capabilities: ProviderCapabilities { context.capabilities }

    /// The remote's provider (cast it to a capability protocol its capabilities declare).
    public var provider: any RemoteProvider { context.provider }

    // MARK: - Observing

    /// The current status.
    public var status: SyncStatus { context.center.current }

    /// Every status change, starting with the current one (newest buffered).
    public func statusUpdates() -> AsyncStream<SyncStatus> { context.center.stream() }

    /// Calls `body` on every status change (from the worker's task). Returns a token for `removeStatusObserver`.
    @discardableResult
    public func observeStatus(_ body: @escaping @Sendable (SyncStatus) -> Void) -> UUID { context.center.observe(body) }

    /// Stops calling a status observer.
    public func removeStatusObserver(_ token: UUID) { context.center.removeObserver(token) }

    // MARK: - Running

    /// Starts the background loop (a no-op when it runs already): a cycle now, then every
    /// `options.interval` seconds or on `syncNow()`. After "credentials rejected" it waits for `resume()`.
    public func start() {
        lock.withLock {
            guard loop == nil else { return }
            let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
            wake = continuation
            loop = Task { [weak self] in await self?.runLoop(stream) }
        }
    }

    /// Stops the background loop (the current request is cancelled; nothing is lost: entries in
    /// flight go back to pending).
    public func stop() {
        let task: Task<Void, Never>? = lock.withLock {
            let task = loop
            loop = nil
            stopping = task
            wake?.finish()
            wake = nil
            return task
        }
        task?.cancel()
    }

    /// Waits until the background loop has ended (after `stop()`).
    public func waitUntilStopped() async {
        let task = lock.withLock { loop ?? stopping }
        await task?.value
    }

    /// Wakes the background loop for a cycle now.
    public func syncNow() {
        _ = lock.withLock { wake?.yield(()) }
    }

    /// After "credentials rejected": clears the pause and syncs again (give the worker a provider
    /// with new credentials by making a new worker, or fix them server-side).
    public func resume() {
        lock.withLock { paused = false }
        syncNow()
    }

    /// Fetches one lead's detail (notes, activities, detail fields) now, in the background.
    public func requestDetail(leadId: Int64) {
        Task { [self] in _ = try? await refreshDetail(leadId: leadId) }
    }

    /// Fetches one lead's detail now. Returns false when the lead has no remote twin or is gone there.
    @discardableResult
    public func refreshDetail(leadId: Int64) async throws -> Bool {
        guard !isPaused, let puller = context.puller,
              let link = try context.store.remoteLink(provider: context.providerKey, kind: .lead, localId: leadId) else {
            return false
        }
        do {
            return try await DetailFetcher(context: context, provider: puller).fetchOne(remoteId: link.remoteId)
        } catch let error as SyncError {
            if case .credentialsRejected(let message) = error { pause(message) }
            throw error
        }
    }

    /// Which halves of a cycle to run.
    public struct Phases: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Leads, details of changed leads, appointments, overview.
        public static let pull = Phases(rawValue: 1)
        /// The outbox.
        public static let push = Phases(rawValue: 2)
        public static let all: Phases = [.pull, .push]
    }

    /// Runs one cycle (pull, then push; or only `phases`) and reports what happened. Never throws:
    /// errors end the cycle and are in the report and the status.
    @discardableResult
    public func runOnce(_ phases: Phases = .all) async -> Report {
        await cycleLock.acquire()
        let report = await runCycle(phases)
        await cycleLock.release()
        return report
    }

    private func runCycle(_ phases: Phases) async -> Report {
        await prepareFirstRun()
        let before = context.center.current.counters
        let requestsBefore = context.provider.metrics.snapshot
        var failure: SyncError?
        do {
            if isPaused { throw pausedError }
            if phases.contains(.pull) {
                if let puller = context.puller { try await PullEngine(context: context, provider: puller).pullLeads() }
                if let calendar = context.appointmentSource { try await AppointmentPuller(context: context, provider: calendar).pull() }
                if let puller = context.puller { try await RollingDetailRefresh(context: context, provider: puller).run() }
                if context.options.readOverview, let source = context.overviewSource {
                    context.progress(.readingOverview)
                    let overview = try await source.overview()
                    context.center.update { $0.overview = overview }
                    if let overview { try context.storeOverview(overview) }  // dashboard
                }
            }
            if phases.contains(.push) {
                try router.route(context.store)
                if let target = context.pushTarget { try await DestinationPushEngine(context: context, target: target).drain() }
                try await PushEngine(context: context).drain()
            }
        } catch let error as SyncError {
            failure = error
        } catch is CancellationError {
            failure = .cancelled
        } catch {
            failure = .malformedResponse("\(error)")
        }
        if failure != nil { _ = try? context.store.resetInflightOutbox(remote: context.providerKey) }
        let metrics = context.provider.metrics.snapshot
        let counts = queueCounts()
        let shown = failure ?? lock.withLock { conversationFailure }  // a failing conversation read stays shown
        context.center.update { status in
            status.counters.requests += metrics.requests - requestsBefore.requests
            status.counters.retries += metrics.retries - requestsBefore.retries
            Self.apply(counts, to: &status)
            Self.apply(outcome: shown, to: &status, at: context.clock.now())
        }
        if case .credentialsRejected(let message)? = failure { pause(message) }
        if case .remoteRefused(let message)? = failure { pause(message, refused: true) }
        let after = context.center.current
        var delta = SyncCounters()
        delta.leadsScanned = after.counters.leadsScanned - before.leadsScanned
        delta.leadsPulled = after.counters.leadsPulled - before.leadsPulled
        delta.detailsFetched = after.counters.detailsFetched - before.detailsFetched
        delta.appointmentsScanned = after.counters.appointmentsScanned - before.appointmentsScanned
        delta.conflicts = after.counters.conflicts - before.conflicts
        delta.deletedRemotely = after.counters.deletedRemotely - before.deletedRemotely
        delta.pushed = after.counters.pushed - before.pushed
        delta.rejected = after.counters.rejected - before.rejected
        delta.retries = after.counters.retries - before.retries
        delta.requests = after.counters.requests - before.requests
        return Report(counters: delta, state: after.state, pendingChanges: after.pendingChanges,
                      rejectedChanges: after.rejectedChanges, unknownChanges: after.unknownChanges, error: failure)
    }

    /// Re-reads the pending and rejected counts from the store (call after local edits so the
    /// status bar shows them before the next cycle).
    public func refreshQueueCounts() {
        _ = try? router.route(context.store)
        let counts = queueCounts()
        context.center.update { Self.apply(counts, to: &$0) }
    }

    /// This remote's outbox counts (entries not routed yet count for every remote).
    func queueCounts() -> [OutboxState: Int] {
        var counts = (try? context.store.outboxCounts(remote: context.providerKey)) ?? [:]
        let unrouted = (try? context.store.unroutedOutboxCounts()) ?? [:]
        for (state, count) in unrouted { counts[state, default: 0] += count }
        return counts
    }

    /// The state a cycle's outcome leaves (`failure` nil: it went through at `now`).
    static func apply(outcome failure: SyncError?, to status: inout SyncStatus, at now: Date) {
        switch failure {
        case nil:
            status.state = .online
            status.lastSyncedAt = now
            status.lastError = nil
        case .credentialsRejected(let message)?:
            status.state = .credentialsRejected(message)
            status.lastError = SyncError.credentialsRejected(message).description
        case .remoteRefused(let message)?:
            status.state = .refused(message)
            status.lastError = SyncError.remoteRefused(message).description
        case .cancelled?:
            status.state = .stopped
        case let error?:
            status.state = .offline(Self.shortReason(error))
            status.lastError = error.description
        }
    }

    /// What the conversation cycle's reads of this remote met (`ConversationSync.runCycle`, run
    /// beside this worker's own cycle): a failure shows in the status at once and stays until a
    /// conversation cycle goes through again; a success after a failure shows "online".
    public func noteConversationCycle(failure: SyncError?) {
        let before = lock.withLock {
            defer { conversationFailure = failure }
            return conversationFailure
        }
        guard failure != nil || before != nil else { return }  // nothing new: the worker's own state stands
        context.center.update { Self.apply(outcome: failure, to: &$0, at: context.clock.now()) }
    }

    static func apply(_ counts: [OutboxState: Int], to status: inout SyncStatus) {
        status.pendingChanges = (counts[.pending] ?? 0) + (counts[.inflight] ?? 0)
        status.rejectedChanges = counts[.rejected] ?? 0
        status.unknownChanges = counts[.unknown] ?? 0
    }

    // MARK: - Internals

    var isPaused: Bool { lock.withLock { paused } }
    private var pausedByRefusal = false

    /// The error a paused worker reports for a cycle.
    private var pausedError: SyncError {
        let message = context.center.current.lastError ?? "credentials rejected"
        if lock.withLock({ pausedByRefusal }), case .refused(let reason) = context.center.current.state {
            return .remoteRefused(reason)
        }
        return .credentialsRejected(message)
    }

    private func pause(_ message: String, refused: Bool = false) {
        lock.withLock {
            paused = true
            pausedByRefusal = refused
        }
        context.center.update { status in
            status.state = refused ? .refused(message) : .credentialsRejected(message)
            status.lastError = (refused ? SyncError.remoteRefused(message) : .credentialsRejected(message)).description
        }
    }

    /// Once per worker: entries left in flight by a crash go back to pending, remembered as "may have been sent".
    private func prepareFirstRun() async {
        let first: Bool = lock.withLock {
            defer { startedOnce = true }
            return !startedOnce
        }
        guard first else { return }
        let key = context.providerKey
        if let inflight = try? context.store.inflightOutboxEntries(remote: key) {
            if context.capabilities.createRecovery == .none {
                // Sent by a process that died before the answer: nothing can tell whether it took effect.
                let creates = inflight.filter { $0.op == .push || $0.op == .create }.map(\.id)
                try? context.store.markOutboxUnknown(creates, message: DestinationPushEngine.unknownAfterCrash)
            }
            context.rememberMaybeSent(inflight.map(\.id))
        }
        if let legacy = try? context.store.outboxEntries(limit: Int(Int32.max)) {
            context.rememberMaybeSent(legacy.filter { $0.state == .inflight && $0.remote == nil }.map(\.id))
        }
        _ = try? context.store.resetInflightOutbox(remote: key)
        _ = try? context.store.resetInflightOutbox()  // entries of a file from before routing
        _ = try? router.route(context.store)
        let counts = queueCounts()
        context.center.update { Self.apply(counts, to: &$0) }
    }

    private func runLoop(_ wakes: AsyncStream<Void>) async {
        var iterator = wakes.makeAsyncIterator()
        var failures = 0
        while !Task.isCancelled {
            if !isPaused {
                let report = await runOnce()
                if report.error == nil { failures = 0 } else { failures += 1 }
            }
            if Task.isCancelled { break }
            // Sleep until the interval passes (shorter after a failure) or someone wakes us.
            let wait = failures == 0 ? context.options.interval
                : context.options.entryRetry.ceiling(retry: failures - 1) * (0.5 + 0.5 * context.options.entryRetry.random())
            let delay = min(wait, context.options.interval)
            let sleeper = Task { [clock = context.clock, weak self] in
                // Cancelled (woken early or stopped): do not wake the loop again.
                guard (try? await clock.sleep(seconds: delay)) != nil, !Task.isCancelled else { return }
                self?.syncNow()
            }
            let woke: Void? = await iterator.next()
            sleeper.cancel()
            if woke == nil { break }
        }
        context.center.update { $0.state = .stopped }
    }

    static func shortReason(_ error: SyncError) -> String {
        switch error {
        case .unreachable: return "server unreachable"
        case .timedOut: return "timed out"
        case .serverError(let status): return "server error \(status)"
        case .connectionLost: return "connection dropped"
        case .malformedResponse: return "bad answers"
        default: return error.description
        }
    }
}
