/// Reads the UI may abandon for a key: counting the leads before one at a million takes
/// 100–200 ms, which a key typed meanwhile must not wait for.
extension LeadStore {
    /// Runs the read-only `body` holding the store's lock, with `stop` asked every few thousand
    /// SQLite steps; nil when it answered true (ask again later).
    public func interruptible<T>(stopWhen stop: @escaping () -> Bool, _ body: () throws -> T) throws -> T? {
        try locked { try db.interruptible(stop: stop, body) }
    }
}
