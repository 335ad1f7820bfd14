#if canImport(Glibc)
import Glibc
#endif
import Core
import Foundation
import Simulator
import Store
import Sync

/// `closer-bench sync [--leads N] [--edits N] [--details]`: the first pull of N leads (default
/// 100,000) from an in-process simulator over loopback into a fresh database, then the push of
/// N queued edits (default 10,000). Reports wall time, leads or changes per second, requests,
/// and process CPU seconds (client and in-process simulator together) via getrusage.
enum SyncBenchmark {
    static func run(_ args: [String]) throws {
        var leadCount = 100_000
        var edits = 10_000
        var details = false
        var index = 0
        while index < args.count {
            switch args[index] {
            case "--leads": index += 1; leadCount = Int(args[safe: index] ?? "") ?? leadCount
            case "--edits": index += 1; edits = Int(args[safe: index] ?? "") ?? edits
            case "--details": details = true
            default: throw BenchmarkFailure("unknown option \(args[index]) (use --leads N, --edits N, --details)")
            }
            index += 1
        }
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await measure(leads: leadCount, edits: edits, details: details) } catch { box.error = error }
            done.signal()
        }
        done.wait()
        if let error = box.error { throw error }
    }

    static func measure(leads leadCount: Int, edits: Int, details: Bool) async throws {
        let seedStart = Date()
        let sim = try SimulatorServer.start(SimulatorConfiguration(leadCount: leadCount, seed: 1, userCount: 8))
        defer { sim.stop() }
        print("simulator: \(leadCount) leads seeded in \(format(Date().timeIntervalSince(seedStart))) s at \(sim.baseURL)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-bench-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try LeadStore(path: directory.appendingPathComponent("closer.db").path)
        let user = sim.users[0]
        let api = LeadsCRMAPI(baseURL: sim.baseURL,
                              credentials: RemoteCredentials(apiKey: Secret(user.apiKey), token: Secret(user.token)))
        let provider = LeadsCRMProvider(providerKey: "crm", api: api)
        let worker = SyncWorker(store: store, provider: provider,
                                options: SyncOptions(pageSize: 500, concurrency: 4, detailsForNewLeads: details),
                                username: user.username)

        // 1. First pull.
        var (wall, cpu, report) = try await timed { await worker.runOnce(.pull) }
        try check(report)
        print("first pull\(details ? " with details" : " (list, appointments, overview; details on demand)"): "
              + "\(report.counters.leadsPulled) leads in \(format(wall)) s = \(Int(Double(report.counters.leadsPulled) / wall)) leads/s, "
              + "\(report.counters.requests) requests, \(report.counters.appointmentsScanned) appointments, CPU \(format(cpu)) s")

        // 2. A second pull of the unchanged server: scan and compare only.
        let changes = store.totalChanges
        (wall, cpu, report) = try await timed { await worker.runOnce(.pull) }
        try check(report)
        print("re-scan of an unchanged server: \(report.counters.leadsScanned) leads in \(format(wall)) s, "
              + "\(report.counters.requests) requests, \(store.totalChanges - changes) rows written, CPU \(format(cpu)) s")

        // 3. Push of queued edits to leads the user owns.
        var ids: [Int64] = []
        for lead in store.allLeads() where lead.owner == user.username {
            ids.append(lead.id)
            if ids.count == edits { break }
        }
        let queueStart = Date()
        for (n, id) in ids.enumerated() {
            _ = try store.updateLead(id: id, changes: [.message: "Benchmark edit \(n)", .status: "contact"])
        }
        print("queued \(ids.count) edits in \(format(Date().timeIntervalSince(queueStart))) s")
        (wall, cpu, report) = try await timed { await worker.runOnce(.push) }
        try check(report)
        print("push: \(report.counters.pushed) changes in \(format(wall)) s = \(Int(Double(report.counters.pushed) / wall)) changes/s, "
              + "\(report.counters.requests) requests, \(report.counters.rejected) rejected, CPU \(format(cpu)) s")
    }

    static func check(_ report: SyncWorker.Report) throws {
        if let error = report.error { throw BenchmarkFailure("sync failed: \(error)") }
    }

    static func timed(_ body: () async -> SyncWorker.Report) async throws -> (Double, Double, SyncWorker.Report) {
        let cpuStart = cpuSeconds()
        let start = Date()
        let report = await body()
        return (Date().timeIntervalSince(start), cpuSeconds() - cpuStart, report)
    }

    /// User + system CPU seconds of this process (getrusage).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    static func format(_ seconds: Double) -> String { String(format: "%.2f", seconds) }

    final class ResultBox: @unchecked Sendable { var error: Error? }

    struct BenchmarkFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
