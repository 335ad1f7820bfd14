import Foundation

/// The background task running a conversation cycle (`SyncCoordinator.runConversationCycle`)
/// every few seconds until stopped.
final class ConversationLoop: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    /// Starts the loop (once).
    func start(every seconds: Double, _ cycle: @escaping @Sendable () async -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard task == nil else { return }
        task = Task.detached {
            while !Task.isCancelled {
                await cycle()
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            }
        }
    }

    /// Cancels the loop.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        task?.cancel()
        task = nil
    }
}
