import ViewModels

/// Background sync as the UI sees it. The executable adapts the Sync module's worker to this
/// (TerminalUI does not import Sync); every call returns at once — the UI never waits on the network.
public protocol BackgroundSync: AnyObject, Sendable {
    /// What the status bar shows now (cheap: a locked read of the worker's status).
    var indicator: SyncIndicator { get }
    /// Asks for a sync cycle now (`sync-now`, `:sync`, and after local edits).
    func syncNow()
    /// Asks the worker to fetch one lead's notes and activities (the user opened it).
    func requestDetail(leadId: Int64)
    /// With several remotes, one compact entry per remote (`crm ● zenvia ● cd ◐ 3`); "" with one.
    var remotesSummary: String { get }
}

// Providers (issue 8): the per-remote summary is optional for adapters.
extension BackgroundSync {
    public var remotesSummary: String { "" }
}
