import Foundation

/// What the worker is doing now, for the status bar and `closer sync`.
public enum SyncPhase: String, Sendable, Equatable {
    case pullingLeads = "pulling leads"
    case fetchingDetails = "fetching details"
    case pullingAppointments = "pulling appointments"
    case readingOverview = "reading the overview"
    case pushing = "pushing changes"
}

/// Counters of one run (or the worker's life), for progress lines and summaries.
public struct SyncCounters: Sendable, Equatable {
    /// Remote leads read by list scans.
    public var leadsScanned = 0
    /// Leads inserted or changed locally by a pull.
    public var leadsPulled = 0
    /// Lead details fetched (notes, activities).
    public var detailsFetched = 0
    /// Appointments read.
    public var appointmentsScanned = 0
    /// Fields changed on both sides (kept local, remote value recorded).
    public var conflicts = 0
    /// Leads found deleted on the server.
    public var deletedRemotely = 0
    /// Outbox entries the server accepted.
    public var pushed = 0
    /// Outbox entries the server refused (kept, with its messages).
    public var rejected = 0
    /// Requests repeated after a transient failure or a 429.
    public var retries = 0
    /// Requests sent.
    public var requests = 0

    /// Zero counters.
    public init() {}
}

/// The worker's observable state.
public struct SyncStatus: Sendable, Equatable {
    /// The worker's state, as the user sees it.
    public enum State: Sendable, Equatable {
        /// Connected; the last cycle finished.
        case online
        /// A cycle is running: `done` of `total` items of `phase`.
        case syncing(phase: SyncPhase, done: Int, total: Int)
        /// The server could not be reached; the worker retries later. Local work is unaffected.
        case offline(String)
        /// seed 001 401 "auth": everything paused until new credentials are given; nothing is lost.
        case credentialsRejected(String)
        /// The remote refuses more (e.g. a free plan's limit): this remote waits for the user; the vendor's message.
        case refused(String)
        /// Not started, or stopped.
        case stopped
    }

    public var state: State = .stopped
    /// Outbox entries waiting to be sent (pending or in flight).
    public var pendingChanges = 0
    /// Outbox entries the server refused, waiting for the user.
    public var rejectedChanges = 0
    /// Requests sent whose answer was lost on a remote that cannot be asked (listed by `closer push --review`).
    public var unknownChanges = 0
    /// The last error, already phrased for the user (never a secret).
    public var lastError: String?
    /// When the last cycle finished without error.
    public var lastSyncedAt: Date?
    /// Totals since the worker started.
    public var counters = SyncCounters()
    /// The provider's overview from the last cycle.
    public var overview: RemoteOverview?

    /// A status.
    public init() {}

    /// One line for a status bar: "syncing: pulling leads 500/2000 · 3 pending · 1 rejected".
    public var summary: String {
        var parts: [String] = []
        switch state {
        case .online: parts.append("online")
        case .syncing(let phase, let done, let total):
            parts.append(total > 0 ? "syncing: \(phase.rawValue) \(done)/\(total)" : "syncing: \(phase.rawValue)")
        case .offline(let reason): parts.append("offline (\(reason))")
        case .credentialsRejected: parts.append("credentials rejected")
        case .refused(let message): parts.append("stopped: \(message)")
        case .stopped: parts.append("sync stopped")
        }
        if pendingChanges > 0 { parts.append("\(pendingChanges) pending") }
        if rejectedChanges > 0 { parts.append("\(rejectedChanges) rejected") }
        if unknownChanges > 0 { parts.append("\(unknownChanges) outcome unknown") }
        return parts.joined(separator: " · ")
    }
}
