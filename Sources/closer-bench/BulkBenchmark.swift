import Core
import Foundation
import Store
import ViewModels

/// `closer-bench bulk [--leads N] [--db PATH]`: seeds N demo leads (default 1,000,000), then marks
/// every website lead with `*` (about 1 in 20: 50,000 at a million) and times what the list view
/// model does with them: mark-all, the delete question's count, bulk status, assign, delete. Each
/// bulk edit is one transaction writing every lead and its outbox entry.
enum BulkBenchmark {
    static func run(_ args: [String]) throws {
        var leads = 1_000_000
        var path: String?
        var rest = args[...]
        while let arg = rest.popFirst() {
            switch arg {
            case "--leads":
                guard let text = rest.popFirst(), let n = Int(text), n > 0 else { throw usage("--leads needs a positive number") }
                leads = n
            case "--db":
                guard let text = rest.popFirst() else { throw usage("--db needs a path") }
                path = text
            default: throw usage("unknown option \(arg)")
            }
        }
        let dbPath = path ?? FileManager.default.temporaryDirectory.appendingPathComponent("closer-bench-bulk.db").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
        defer { if path == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) } } }

        let store = try LeadStore(path: dbPath)
        let generator = DemoDataGenerator(seed: 1, now: BenchClock.seconds, userCount: 8)
        let seedStart = Date()
        try DemoSeeder(store: store, generator: generator).seed(leads: leads)
        print(String(format: "bulk benchmark: %d leads seeded in %.1f s", leads, Date().timeIntervalSince(seedStart)))

        let website = LeadFilter(sources: [.website])
        var list = LeadListViewModel(store: store, currentUser: "ana", visibleRows: 22, filter: website)
        time("mark all (*) website leads") { list.markAll() }
        print("  \(list.message?.text ?? "")")
        let marked = list.marked.count
        time("mark count after toggling one off") { list.cursorDown(); list.toggleMark() }
        print("  \(list.marked.count) marked")
        time("resolve the marked ids") { _ = try? store.leadIds(in: list.marked.selection) }
        time("bulk status → contact (one transaction)") { list.setStatus(.contact) }
        print("  \(list.message?.text ?? "")")
        list.markAll()
        time("bulk assign → ben (merges into the queued updates)") { list.assign("ben") }
        print("  \(list.message?.text ?? "")")
        list.markAll()
        time("delete question (exact count)") { list.delete() }
        print("  \(list.pendingConfirmation?.prompt ?? "")")
        time("bulk delete (one transaction)") { list.confirm() }
        print("  \(list.message?.text ?? "")")
        let counts = try store.outboxCounts()
        print("  outbox: \(counts[.pending] ?? 0) pending; website leads left: \(try store.countLeads(filter: website)) of \(marked)")
    }

    /// Prints wall-clock and CPU time (the machine may be shared: CPU time is the honest figure).
    static func time(_ label: String, _ body: () throws -> Void) {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = cpuSeconds()
        do { try body() } catch { print("\(label): failed: \(error)"); return }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        let cpu = (cpuSeconds() - cpuStart) * 1000
        let pad = String(repeating: " ", count: max(1, 50 - label.count))
        print(String(format: "%@%@%9.1f ms  (cpu %9.1f ms)", label, pad, ms, cpu))
    }

    static func cpuSeconds() -> Double { SyncBenchmark.cpuSeconds() }

    static func usage(_ message: String) -> Error {
        StoreBenchmark.UsageError(message: "\(message)\nusage: closer-bench bulk [--leads N] [--db PATH]")
    }
}
