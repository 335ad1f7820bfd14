import Core

/// Deterministic identifiers and credentials per seed, so a `closer-sim --seed S` prints the same
/// keys on every run (the same role as seed 001's `SimulatorState.credentials`).
enum VendorKeys {
    /// `count` lowercase hex digits from the stream `salt` of `seed`, item `index`.
    static func hex(seed: UInt64, salt: UInt64, index: Int = 0, count: Int) -> String {
        var rng = SeededRandom(seed: seed ^ salt, index: index)
        var text = ""
        while text.count < count {
            let chunk = String(rng.next(), radix: 16)
            text += String(repeating: "0", count: 16 - chunk.count) + chunk
        }
        return String(text.prefix(count))
    }
}

/// ISO 8601 with milliseconds, `2024-01-15T10:30:00.000Z` (seed 003's `createdAt`).
enum MillisecondTime {
    static func format(_ seconds: Double) -> String {
        let millis = Int64((seconds * 1000).rounded(.down))
        let whole = millis / 1000
        let rest = Int(millis % 1000)
        let base = WireDate.formatTimestamp(whole)
        let fraction = rest < 10 ? "00\(rest)" : rest < 100 ? "0\(rest)" : "\(rest)"
        return String(base.dropLast()) + "." + fraction + "Z"
    }
}
