/// Lets one sync cycle run at a time (the background loop and a `runOnce` from the UI or CLI
/// must not drain the outbox together); later callers wait their turn, in order.
actor CycleLock {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Waits until no other cycle runs, then holds the lock.
    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Hands the lock to the next waiter, or frees it.
    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}
