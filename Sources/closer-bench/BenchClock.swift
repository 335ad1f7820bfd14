import Foundation

/// The clock the benchmarks seed their own files with (2026-09-21 UTC), and so the "now" they read
/// them at; a file seeded by `closer seed` (real time) is read with `--now` instead.
enum BenchClock {
    /// Unix seconds of the benchmarks' `DemoDataGenerator(now:)`.
    static let seconds: Int64 = 1_790_000_000
    /// `seconds` as a date.
    static var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
}
