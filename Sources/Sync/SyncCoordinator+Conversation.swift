import Foundation

/// The conversation loop for `closer sync --watch` (the TUI starts it with `start()`).
extension SyncCoordinator {
    /// Whether a run over the remotes `names` (nil: every remote) covers the conversation sync:
    /// every remote, or by name a remote that serves a conversation role.
    public func coversConversation(_ names: Set<String>?) -> Bool {
        guard conversation != nil else { return false }
        guard let names else { return true }
        return workers.contains { names.contains($0.remoteName) && ConversationSync.serves($0.provider) }
    }

    /// Starts only the conversation loop (pull new interactions, send queued conversation
    /// entries, every few seconds) when the run covers it; `stop()` ends it.
    public func startConversationLoop(only names: Set<String>?) {
        guard coversConversation(names) else { return }
        conversationLoop.start(every: conversationInterval) { [weak self] in await self?.runConversationCycle() }
    }
}
