#if canImport(Glibc)
import Glibc
#endif
import Core
import Foundation
import Simulator
import Store
import Sync

/// `closer-bench sync [--leads N] [--edits N] [--details] [--external-sim]`: the first pull of N
/// leads (default 100,000) from a simulator over loopback into a fresh database, a re-scan of the
/// unchanged server, then the push of N queued edits (default 10,000). Reports wall time, leads or
/// changes per second, requests, CPU seconds via getrusage and peak RSS. With `--external-sim`
/// the simulator is the `closer-sim` binary beside this one, in its own process, so the CPU
/// seconds and RSS are the client's alone (the machine is shared: CPU seconds, not wall time).
enum SyncBenchmark {
    static func run(_ args: [String]) throws {
        var leadCount = 100_000
        var edits = 10_000
        var details = false
        var external = false
        var index = 0
        while index < args.count {
            switch args[index] {
            case "--leads": index += 1; leadCount = Int(args[safe: index] ?? "") ?? leadCount
            case "--edits": index += 1; edits = Int(args[safe: index] ?? "") ?? edits
            case "--details": details = true
            case "--external-sim": external = true
            default: throw BenchmarkFailure("unknown option \(args[index]) (use --leads N, --edits N, --details, --external-sim)")
            }
            index += 1
        }
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await measure(leads: leadCount, edits: edits, details: details, external: external) } catch { box.error = error }
            done.signal()
        }
        done.wait()
        if let error = box.error { throw error }
    }

    static func measure(leads leadCount: Int, edits: Int, details: Bool, external: Bool) async throws {
        let seedStart = Date()
        let target: (baseURL: URL, apiKey: String, token: String, username: String)
        var inProcess: SimulatorServer? = nil
        var child: ExternalSimulator? = nil
        if external {
            let started = try ExternalSimulator(leads: leadCount)
            child = started
            target = (started.baseURL, started.apiKey, started.token, started.username)
        } else {
            let sim = try SimulatorServer.start(SimulatorConfiguration(leadCount: leadCount, seed: 1, userCount: 8))
            inProcess = sim
            target = (sim.baseURL, sim.users[0].apiKey, sim.users[0].token, sim.users[0].username)
        }
        defer {
            inProcess?.stop()
            child?.stop()
        }
        print("simulator\(external ? " (own process; CPU and RSS below are the client's alone)" : " (in process)"): "
              + "\(leadCount) leads seeded in \(format(Date().timeIntervalSince(seedStart))) s at \(target.baseURL)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-bench-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try LeadStore(path: directory.appendingPathComponent("closer.db").path)
        let api = LeadsCRMAPI(baseURL: target.baseURL,
                              credentials: RemoteCredentials(apiKey: Secret(target.apiKey), token: Secret(target.token)))
        let provider = LeadsCRMProvider(providerKey: "crm", api: api)
        let worker = SyncWorker(store: store, provider: provider,
                                options: SyncOptions(pageSize: 500, concurrency: 4, detailsForNewLeads: details),
                                username: target.username)

        // 1. First pull.
        var (wall, cpu, report) = try await timed { await worker.runOnce(.pull) }
        try check(report)
        print("first pull\(details ? " with details" : " (list, appointments, overview; details on demand)"): "
              + "\(report.counters.leadsPulled) leads in \(format(wall)) s = \(Int(Double(report.counters.leadsPulled) / wall)) leads/s, "
              + "\(report.counters.requests) requests, \(report.counters.appointmentsScanned) appointments, CPU \(format(cpu)) s, peak RSS \(peakRSS()) MB")

        // 2. A second pull of the unchanged server: scan and compare only.
        let changes = store.totalChanges
        (wall, cpu, report) = try await timed { await worker.runOnce(.pull) }
        try check(report)
        print("re-scan of an unchanged server: \(report.counters.leadsScanned) leads in \(format(wall)) s, "
              + "\(report.counters.requests) requests, \(store.totalChanges - changes) rows written, CPU \(format(cpu)) s, peak RSS \(peakRSS()) MB")

        // 3. Push of queued edits to leads the user owns.
        var ids: [Int64] = []
        for lead in store.allLeads() where lead.owner == target.username {
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

    /// User and system CPU seconds of this process so far (getrusage).
    static func processCPU() -> (user: Double, system: Double) {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return (0, 0) }
        return (Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
                Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6)
    }

    /// User + system CPU seconds of this process.
    static func cpuSeconds() -> Double {
        let cpu = processCPU()
        return cpu.user + cpu.system
    }

    /// Peak resident set size of this process so far, in MB (getrusage: kilobytes on Linux).
    static func peakRSS() -> Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss / 1024)
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
