import Foundation

/// Holds the current `SyncStatus` and hands every change to observers (a callback and any
/// number of `AsyncStream`s). Thread-safe; observers must not block.
public final class SyncStatusCenter: @unchecked Sendable {
    private let lock = NSLock()
    private var status = SyncStatus()
    private var continuations: [UUID: AsyncStream<SyncStatus>.Continuation] = [:]
    private var callbacks: [UUID: @Sendable (SyncStatus) -> Void] = [:]

    /// A center with a stopped status.
    public init() {}

    /// The current status.
    public var current: SyncStatus { lock.withLock { status } }

    /// Changes the status and tells every observer.
    public func update(_ change: (inout SyncStatus) -> Void) {
        let (snapshot, streams, calls): (SyncStatus, [AsyncStream<SyncStatus>.Continuation], [@Sendable (SyncStatus) -> Void]) =
            lock.withLock {
                change(&status)
                return (status, Array(continuations.values), Array(callbacks.values))
            }
        for stream in streams { stream.yield(snapshot) }
        for call in calls { call(snapshot) }
    }

    /// A stream of statuses, starting with the current one; only the newest is buffered.
    public func stream() -> AsyncStream<SyncStatus> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<SyncStatus>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.lock.withLock { _ = self.continuations.removeValue(forKey: id) }
        }
        let snapshot: SyncStatus = lock.withLock {
            continuations[id] = continuation
            return status
        }
        continuation.yield(snapshot)
        return stream
    }

    /// Calls `body` on every change (on the worker's task; hop to the main actor yourself). Returns a token for `removeObserver`.
    @discardableResult
    public func observe(_ body: @escaping @Sendable (SyncStatus) -> Void) -> UUID {
        let id = UUID()
        lock.withLock { callbacks[id] = body }
        return id
    }

    /// Stops calling an observer.
    public func removeObserver(_ id: UUID) {
        lock.withLock { _ = callbacks.removeValue(forKey: id) }
    }

    /// Ends every stream (when the worker stops for good).
    public func finish() {
        let streams = lock.withLock { Array(continuations.values) }
        for stream in streams { stream.finish() }
    }
}
