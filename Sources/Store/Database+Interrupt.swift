internal import CSQLite

/// What SQLite's progress handler asks while an interruptible read runs.
private final class ProgressCheck {
    let stop: () -> Bool
    var fired = false

    init(_ stop: @escaping () -> Bool) { self.stop = stop }
}

/// Reads that give way: SQLite calls back every few thousand virtual-machine steps, and a `true`
/// from the caller's check ends the running statement (`SQLITE_INTERRUPT`).
extension Database {
    /// Runs the read-only `body`, asking `stop` every `steps` SQLite steps; nil when `stop`
    /// answered true and the statement running then was abandoned. Other errors are thrown.
    func interruptible<T>(every steps: Int32 = 10_000, stop: @escaping () -> Bool, _ body: () throws -> T) throws -> T? {
        let check = ProgressCheck(stop)
        sqlite3_progress_handler(handle, steps, { context in
            guard let context else { return 0 }
            let check = Unmanaged<ProgressCheck>.fromOpaque(context).takeUnretainedValue()
            if check.stop() { check.fired = true }
            return check.fired ? 1 : 0
        }, Unmanaged.passUnretained(check).toOpaque())
        defer { sqlite3_progress_handler(handle, 0, nil, nil) }
        return try withExtendedLifetime(check) {
            do {
                return try body()
            } catch let error as DatabaseError where check.fired && error.code & 0xFF == SQLITE_INTERRUPT {
                return nil
            }
        }
    }
}
