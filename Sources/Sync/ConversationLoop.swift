import Foundation

/// The background task running `ConversationSync.runCycle` every few seconds until stopped.
final class ConversationLoop: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    /// Starts the loop (once).
    func start(_ sync: ConversationSync, every seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        guard task == nil else { return }
        task = Task.detached {
            while !Task.isCancelled {
                await sync.runCycle()
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
