/// What the status bar says about background sync. The executable maps the Sync module's
/// status into this (view models do not import Sync).
public enum SyncIndicator: Sendable, Equatable {
    /// Connected and idle.
    case online
    /// Sending or pulling: `done` of `total` steps.
    case syncing(done: Int, total: Int)
    /// No connection; `reason` is shown (sanitised).
    case offline(reason: String)
    /// The server refused the API key; sync stopped until the user fixes it.
    case credentialsRejected
    /// Sync is switched off or paused by the user.
    case paused

    /// The text the status bar shows ("online", "syncing 3 of 10", "offline: timeout", ...).
    public var text: String {
        switch self {
        case .online: return "online"
        case .syncing(let done, let total): return "syncing \(done) of \(total)"
        case .offline(let reason):
            let clean = TextSanitizerBridge.line(reason)
            return clean.isEmpty ? "offline" : "offline: \(clean)"
        case .credentialsRejected: return "credentials rejected"
        case .paused: return "paused"
        }
    }

    /// Whether the state needs the user's attention (drawn in the error colour).
    public var isProblem: Bool {
        switch self {
        case .offline, .credentialsRejected: return true
        case .online, .syncing, .paused: return false
        }
    }
}
