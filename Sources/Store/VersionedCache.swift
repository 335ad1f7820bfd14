import Foundation

/// Results of recent queries, each kept with the data version it was computed at (a counter the
/// aggregate triggers bump, also when another connection writes): a result is returned only while
/// its version still holds, so a refresh after a write that did not touch its data reads nothing.
struct VersionedCache<Key: Hashable, Value> {
    private var entries: [Key: (version: Int64, value: Value)] = [:]
    /// The most queries kept (older versions are dropped first, then everything).
    let capacity: Int

    /// An empty cache of at most `capacity` entries.
    init(capacity: Int = 16) { self.capacity = capacity }

    /// The value for `key` if it was computed at `version`.
    func value(for key: Key, version: Int64) -> Value? {
        guard let entry = entries[key], entry.version == version else { return nil }
        return entry.value
    }

    /// Remembers `value` for `key` at `version`.
    mutating func store(_ value: Value, for key: Key, version: Int64) {
        entries = entries.filter { $0.value.version == version }
        if entries.count >= capacity { entries.removeAll() }
        entries[key] = (version, value)
    }

    /// The cached value for `key` at `version`, or `compute()`'s, remembered.
    mutating func value(for key: Key, version: Int64, compute: () throws -> Value) rethrows -> Value {
        if let cached = value(for: key, version: version) { return cached }
        let value = try compute()
        store(value, for: key, version: version)
        return value
    }
}
