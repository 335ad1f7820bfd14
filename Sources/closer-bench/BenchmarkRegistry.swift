/// The benchmarks `closer-bench` knows, by the name given on its command line.
enum BenchmarkRegistry {
    struct Entry: Sendable {
        let name: String
        let run: @Sendable ([String]) throws -> Void
    }

    // One line per benchmark; keep sorted by name.
    static let all: [Entry] = [
        Entry(name: "bulk", run: BulkBenchmark.run),
        Entry(name: "dashboard", run: DashboardBenchmark.run),
        Entry(name: "startup", run: StartupBenchmark.run),
        Entry(name: "store", run: StoreBenchmark.run),
        Entry(name: "sync", run: SyncBenchmark.run),
        Entry(name: "terminal", run: TerminalBenchmark.run),
        Entry(name: "ui", run: UIBenchmark.run),
    ]
}
