import Foundation
import Store

/// Several remotes at once: one `SyncWorker` per configured remote (each with its own sync
/// state, rate-limit gate, retry and status) over one store, sharing one `OutboxRouter` so every
/// queued change reaches the remotes that should get it.
public final class SyncCoordinator: @unchecked Sendable {
    /// A configured remote with its provider.
    public struct Remote: Sendable {
        public var config: RemoteConfig
        public var provider: any RemoteProvider
        /// A remote.
        public init(config: RemoteConfig, provider: any RemoteProvider) {
            self.config = config
            self.provider = provider
        }
    }

    /// The workers, in configuration order.
    public let workers: [SyncWorker]
    /// The router over every remote.
    public let router: OutboxRouter
    /// The conversation pane's sends and interaction polling (when a remote declares conversation or follow-up e-mail).
    public let conversation: ConversationSync?
    /// Seconds between conversation cycles.
    let conversationInterval: Double
    let conversationLoop = ConversationLoop()

    /// One worker per remote on `store`.
    public init(store: LeadStore, remotes: [Remote], options: SyncOptions = SyncOptions(),
                clock: any SyncClock = SystemClock(), retryPolicy: RetryPolicy = RetryPolicy()) {
        let router = OutboxRouter(targets: remotes.map {
            .init(remote: $0.config.name, capabilities: $0.provider.capabilities, forwardsNewLeads: $0.config.forwardsNewLeads)
        })
        self.router = router
        workers = remotes.map {
            SyncWorker(store: store, provider: $0.provider, options: options, clock: clock, username: $0.config.username,
                       retryPolicy: retryPolicy, router: router)
        }
        // The worker's connection (the UI has its own): a small page cache keeps a 100k-lead
        // pull under 60 MB resident; its reads are hash lookups and its writes mostly appends.
        try? store.limitPageCache(kibibytes: Self.pageCacheKibibytes)
        try? store.checkpointEvery(pages: Self.checkpointPages)  // sync cost: fewer rewrites of hot pages
        try? store.setPushDestinations(remotes.filter { $0.provider.capabilities.can(.pushLeads) }.map(\.config.name))
        conversation = ConversationSync.serving(remotes.map(\.provider), store: store)
        conversationInterval = min(max(1, options.interval), 10)  // a chat wants new messages soon; ~6 requests a minute
    }

    /// The page cache of the store a coordinator syncs (see `LeadStore.limitPageCache`).
    public static let pageCacheKibibytes = 8 * 1024

    /// Log pages between automatic checkpoints of the worker's connection (64 MiB of log): a first
    /// pull's batches each rewrite thousands of pages of the randomly ordered indexes (name, e-mail
    /// key, remote ids); a longer log copies a page rewritten by several batches once, and syncs
    /// the file a quarter as often.
    public static let checkpointPages = 16000

    /// The worker of the remote `name`.
    public func worker(named name: String) -> SyncWorker? { workers.first { $0.remoteName == name } }

    /// The first remote that pulls leads (the one the status bar's main indicator follows), else the first.
    public var primary: SyncWorker? { workers.first { $0.capabilities.can(.pullLeads) } ?? workers.first }

    /// One cycle on every remote (or the named ones) at once; reports by remote name.
    public func runOnce(only names: Set<String>? = nil, _ phases: SyncWorker.Phases = .all) async -> [(String, SyncWorker.Report)] {
        let chosen = workers.filter { names?.contains($0.remoteName) ?? true }
        return await withTaskGroup(of: (Int, String, SyncWorker.Report).self) { group in
            for (index, worker) in chosen.enumerated() {
                group.addTask { (index, worker.remoteName, await worker.runOnce(phases)) }
            }
            var reports: [(Int, String, SyncWorker.Report)] = []
            for await report in group { reports.append(report) }
            // Conversation pane: when the run covers every remote, or a conversation remote by name.
            if let conversation, names.map({ names in
                chosen.contains { names.contains($0.remoteName) && ConversationSync.serves($0.provider) }
            }) ?? true {
                await runConversationCycle()
            }
            return reports.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
        }
    }

    /// Starts every worker's background loop.
    public func start() {
        workers.forEach { $0.start() }
        if conversation != nil { conversationLoop.start(every: conversationInterval) { [weak self] in await self?.runConversationCycle() } }
    }

    /// Stops every worker.
    public func stop() {
        workers.forEach { $0.stop() }
        conversationLoop.stop()
    }

    /// Waits until every worker has stopped.
    public func waitUntilStopped() async {
        for worker in workers { await worker.waitUntilStopped() }
    }

    /// Wakes every worker.
    public func syncNow() {
        workers.forEach { $0.syncNow() }
        // A send is started once (queued → sending is atomic), so a cycle beside the loop's is safe.
        if conversation != nil { Task.detached { [weak self] in await self?.runConversationCycle() } }
    }

    /// One conversation cycle; what the messaging remote's reads met shows on that remote's
    /// status (its worker's own cycle reads nothing of the conversation).
    func runConversationCycle() async {
        guard let conversation else { return }
        let failure = await conversation.runCycle()
        guard let key = conversation.messaging?.providerKey else { return }
        workers.first { $0.context.providerKey == key }?.noteConversationCycle(failure: failure)
    }

    /// Routes new local changes and refreshes every worker's queue counts.
    public func refreshQueueCounts() { workers.forEach { $0.refreshQueueCounts() } }

    /// Fetches a lead's detail from every remote that pulls leads.
    public func requestDetail(leadId: Int64) {
        for worker in workers where worker.capabilities.can(.pullLeads) { worker.requestDetail(leadId: leadId) }
        if let conversation { Task { _ = try? await conversation.pull(leadId: leadId) } }  // links and pulls the opened lead
    }

    /// Calls `body` whenever any worker's status changes.
    public func observeStatus(_ body: @escaping @Sendable (String, SyncStatus) -> Void) {
        for worker in workers {
            let name = worker.remoteName
            worker.observeStatus { body(name, $0) }
        }
    }

    /// The compact per-remote status for a status bar: `crm ● zenvia ● cd ◐ 3`.
    public var compactStatus: String {
        workers.map { RemoteStatusFormat.compact(name: $0.remoteName, status: $0.status) }.joined(separator: " ")
    }
}

/// How one remote's status reads in little space.
public enum RemoteStatusFormat {
    /// `name ●` online and idle · `◐ N` syncing or N waiting · `○` offline · `✖` credentials
    /// rejected or the remote refuses more · `-` stopped; `?N` requests of unknown outcome.
    public static func compact(name: String, status: SyncStatus) -> String {
        var symbol: String
        switch status.state {
        case .online: symbol = status.pendingChanges > 0 ? "◐" : "●"
        case .syncing: symbol = "◐"
        case .offline: symbol = "○"
        case .credentialsRejected, .refused: symbol = "✖"
        case .stopped: symbol = status.pendingChanges > 0 ? "◐" : "-"
        }
        var text = "\(name) \(symbol)"
        if status.pendingChanges > 0 { text += " \(status.pendingChanges)" }
        if status.unknownChanges > 0 { text += " ?\(status.unknownChanges)" }
        return text
    }
}
