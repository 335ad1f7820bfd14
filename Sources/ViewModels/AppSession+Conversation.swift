import Foundation

/// The conversation pane's view model, made from the session (the UI never sees the Store).
extension AppSession {
    /// The conversation of lead `leadId`, opened at its newest entry and marked read.
    public func conversation(leadId: Int64) -> ConversationViewModel {
        ConversationViewModel(store: store, leadId: leadId, now: now)
    }
}
