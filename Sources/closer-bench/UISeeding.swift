import Core
import Foundation
import Store

/// Opens the benchmark database, seeding it with `DemoSeeder` unless it already holds enough leads.
enum UISeeding {
    static func open(_ options: UIBenchmark.Options) throws -> LeadStore {
        let path = options.path ?? FileManager.default.temporaryDirectory.appendingPathComponent("closer-bench-ui-\(options.leads).db").path
        if FileManager.default.fileExists(atPath: path) {
            let store = try LeadStore(path: path)
            let count = try store.countLeads()
            if count >= options.leads {
                print("ui benchmark: reusing \(path) (\(count) leads)")
                return store
            }
            print("ui benchmark: \(path) has \(count) leads, fewer than \(options.leads): seeding anew")
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try LeadStore(path: path)
        let generator = DemoDataGenerator(seed: 1, now: BenchClock.seconds, userCount: 8)
        let start = Date()
        let summary = try DemoSeeder(store: store, generator: generator).seed(leads: options.leads)
        print(String(format: "ui benchmark: seeded %d leads into %@ in %.1f s (rows %.1f s, indexes+FTS %.1f s)",
                     summary.leads, path, Date().timeIntervalSince(start), summary.loadSeconds, summary.indexSeconds))
        return store
    }
}
