import Store

/// A destructive action waiting for the user's yes/no. The UI shows `prompt`; `confirm()` on
/// the view model runs it, `cancelConfirmation()` drops it.
public struct PendingConfirmation: Sendable, Equatable {
    /// What will happen on "yes".
    public enum Action: Sendable, Equatable {
        /// Delete these leads (local ids).
        case deleteLeads([Int64])
        /// Delete the leads of a list selection (`count` of them when asked).
        case deleteSelection(LeadSelection, count: Int)
        /// Discard this rejected outbox entry.
        case discardChange(Int64)
        /// Send this rejected outbox entry again as it is (a refused delete).
        case retryChange(Int64)
    }

    public let action: Action
    /// The question to show, e.g. "Delete 3 leads? (y/n)".
    public let prompt: String

    /// A confirmation request.
    public init(action: Action, prompt: String) {
        self.action = action
        self.prompt = prompt
    }
}
