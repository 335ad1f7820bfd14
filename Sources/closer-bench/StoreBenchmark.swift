import Core
import Foundation
import Store

/// `closer-bench store [--leads N] [--db PATH] [--keep]`: seeds N demo leads (default 1,000,000)
/// and times the list windows, search keystrokes and counts the UI needs.
enum StoreBenchmark {
    static func run(_ args: [String]) throws {
        var leads = 1_000_000
        var path: String?
        var keep = false
        var rest = args[...]
        while let arg = rest.popFirst() {
            switch arg {
            case "--leads":
                guard let text = rest.popFirst(), let n = Int(text), n > 0 else { throw usage("--leads needs a positive number") }
                leads = n
            case "--db":
                guard let text = rest.popFirst() else { throw usage("--db needs a path") }
                path = text
            case "--keep": keep = true
            default: throw usage("unknown option \(arg)")
            }
        }
        let dbPath = path ?? FileManager.default.temporaryDirectory.appendingPathComponent("closer-bench-store.db").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
        defer {
            if !keep && path == nil {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
            }
        }

        let store = try LeadStore(path: dbPath)
        let generator = DemoDataGenerator(seed: 1, now: BenchClock.seconds, userCount: 8)
        let seedStart = Date()
        let cpuStart = SyncBenchmark.processCPU()
        let summary = try DemoSeeder(store: store, generator: generator).seed(leads: leads)
        let seedSeconds = Date().timeIntervalSince(seedStart)
        let cpu = SyncBenchmark.processCPU()
        print("store benchmark: \(leads) leads, db \(dbPath)")
        print(String(format: "seed: %.1f s wall, %.1f s user + %.1f s sys CPU (%d leads, %d notes, %d activities, %d appointments; rows %.1f s of which search rows %.1f s, indexes %.1f s of which dashboard aggregates %.1f s; writer thread CPU: rows %.1f s, indexes %.1f s)",
                     seedSeconds, cpu.user - cpuStart.user, cpu.system - cpuStart.system,
                     summary.leads, summary.notes, summary.activities, summary.appointments,
                     summary.loadSeconds, summary.searchSeconds, summary.indexSeconds, summary.aggregateSeconds,
                     summary.loadCPUSeconds, summary.indexCPUSeconds))
        let seededBytes = Double(fileSize(dbPath))  // size (issue 11)
        print(String(format: "database size after seeding: %.1f MB, %.0f bytes (%.0f bytes per lead)",
                     seededBytes / 1_048_576, seededBytes, seededBytes / Double(max(1, leads))))

        let name = LeadSort.nameAscending
        let total = try store.countLeads()
        let middle = try store.cursor(atPosition: total / 2, sort: name)
        report("window name start (50 rows)") { _ = try store.leads(sort: name, limit: 50) }
        if let middle {
            report("window name middle (50 rows)") { _ = try store.leads(sort: name, after: middle, limit: 50) }
            report("window name middle backward (50)") { _ = try store.leads(sort: name, before: middle, limit: 50) }
        }
        report("window name end (50 rows)") { _ = try store.lastLeads(sort: name, limit: 50) }
        report("window created desc start (50)") { _ = try store.leads(sort: LeadSort(.created, ascending: false), limit: 50) }
        report("window status sort middle (50)") {
            if let c = try store.cursor(forLead: Int64(leads / 2), sort: LeadSort(.status)) {
                _ = try store.leads(sort: LeadSort(.status), after: c, limit: 50)
            }
        }
        let twoStatuses = LeadFilter(statuses: [.customer, .potential])
        report("window status∈{customer,potential} by name") { _ = try store.leads(filter: twoStatuses, limit: 50) }
        let ownerStatus = LeadFilter(statuses: [.customer], owners: ["ana"])
        report("window owner+status by updated") {
            _ = try store.leads(filter: ownerStatus, sort: LeadSort(.updated, ascending: false), limit: 50)
        }
        for text in ["z", "zo", "zoe", "müll", "müller", "tana", "tanaka", "田中", "zo mü", "4915", "example"] {
            report("search \"\(text)\" (50 rows)") { _ = try store.leads(filter: LeadFilter(search: text), limit: 50) }
        }
        report("count all") { _ = try store.countLeads() }
        report("counts by status") { _ = try store.countsByStatus() }
        report("counts by status (owner filter)") { _ = try store.countsByStatus(filter: LeadFilter(owners: ["ana"])) }
        report("counts by source") { _ = try store.countsBySource() }
        report("counts by owner") { _ = try store.countsByOwner() }
        report("position of a lead (name order)") { _ = try store.position(ofLead: Int64(leads / 3)) }
        report("cursor at position middle (jump)", repeats: 3) { _ = try store.cursor(atPosition: total / 2, sort: name) }
        let now = BenchClock.date
        report("appointments next 7 days") { _ = try store.appointments(from: now, to: now.addingTimeInterval(7 * 86_400)) }
        report("lead detail") { _ = try store.leadDetail(id: Int64(leads / 2)) }
        try DashboardBenchmark.storeScenarios(store: store)  // dashboard

        var editCount = 0
        report("local edit (lead update + outbox)") {
            editCount += 1
            _ = try store.updateLead(id: Int64(editCount * 7919 % leads + 1), changes: [.lastName: "Edited\(editCount)"])
        }
        let imported = (0..<10_000).map { i -> Lead in
            var lead = generator.lead(leads + i)
            lead.email = "import.\(i)@example.com"
            return lead
        }
        let importStart = Date()
        try store.importLeads(imported)
        print(String(format: "import 10,000 leads (one transaction, outbox creates): %.2f s", Date().timeIntervalSince(importStart)))

        let remote = (0..<10_000).map { i -> RemoteLead in
            let lead = generator.lead(leads + 20_000 + i)
            var fields: [String: String] = [:]
            for field in LeadField.allCases where field.isSentToLeadsCRM { fields[field.rawValue] = lead.value(of: field) }
            fields["email"] = "remote.\(i)@example.com"
            return RemoteLead(remoteId: "slug-\(i)", fields: fields)
        }
        var applyStart = Date()
        for page in stride(from: 0, to: remote.count, by: 500) {
            try store.applyRemoteLeads(provider: "bench", Array(remote[page..<page + 500]), syncState: ["offset": "\(page)"])
        }
        print(String(format: "pull: apply 10,000 new remote leads (pages of 500): %.2f s", Date().timeIntervalSince(applyStart)))
        applyStart = Date()
        for page in stride(from: 0, to: remote.count, by: 500) {
            try store.applyRemoteLeads(provider: "bench", Array(remote[page..<page + 500]))
        }
        print(String(format: "pull: re-apply 10,000 unchanged remote leads: %.2f s", Date().timeIntervalSince(applyStart)))

        print(String(format: "database size after the edits, imports and pulls above (file + WAL): %.1f MB", Double(fileSize(dbPath)) / 1_048_576))
    }

    /// Bytes of the database file and its WAL.
    static func fileSize(_ path: String) -> Int64 {
        var size: Int64 = 0
        for suffix in ["", "-wal"] {
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix),
               let bytes = attributes[.size] as? NSNumber { size += bytes.int64Value }
        }
        return size
    }

    /// Runs `body` `repeats` times and prints the first (cold) and median time in milliseconds.
    static func report(_ label: String, repeats: Int = 15, _ body: () throws -> Void) {
        var times: [Double] = []
        do {
            for _ in 0..<repeats {
                let start = DispatchTime.now().uptimeNanoseconds
                try body()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
        } catch {
            print("\(label): failed: \(error)")
            return
        }
        let sorted = times.sorted()
        let pad = String(repeating: " ", count: max(1, 40 - label.count))
        print(String(format: "%@%@first %7.2f ms   median %7.2f ms", label, pad, times[0], sorted[sorted.count / 2]))
    }

    static func usage(_ message: String) -> Error {
        UsageError(message: "\(message)\nusage: closer-bench store [--leads N] [--db PATH] [--keep]")
    }

    /// A bad command line.
    struct UsageError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
