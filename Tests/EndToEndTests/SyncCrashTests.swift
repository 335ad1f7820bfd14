import Foundation
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `closer sync` killed with SIGKILL at random moments while it pushes hundreds of queued
/// creations, restarted each time: in the end every change is on the server exactly once.
final class SyncCrashTests: XCTestCase {
    private var closer: CloserProcess!
    private var simulator: Process?

    override func setUpWithError() throws {
        closer = try CloserProcess()
        _ = try CloserProcess.executable()
    }

    override func tearDown() {
        // SIGKILL: a child of the test runner may inherit a signal mask that holds SIGTERM back.
        if let simulator, simulator.isRunning {
            try? kill9(simulator.processIdentifier)
            simulator.waitUntilExit()
        }
        closer?.cleanUp()
    }

    func testKilledSyncsLeaveEveryChangeOnTheServerExactlyOnce() async throws {
        let sim = try startSimulator()
        let count = 600
        var csv = "first_name,last_name,email,phone,owner,status,message\n"
        for n in 0..<count {
            csv += "Crash,Test\(n),crash.test.\(n)@example.com,+1555\(String(1_000_000 + n)),\(sim.username),prospect,queued \(n)\n"
        }
        let file = try closer.write("queued.csv", csv)
        let imported = try closer.run(["import", file])
        XCTAssertEqual(imported.status, 0, imported.stderr)

        var random = SystemRandomNumberGenerator()
        var kills = 0
        for _ in 0..<15 {
            let process = try launchSync(sim)
            // A run pulls (the server's 20 leads with their details, one transaction) before it
            // pushes, and a pull killed before its commit is read again: on a busy machine the
            // window reaches 0.8 s so that some runs get to push.
            let delay = Double.random(in: 0.05...0.8, using: &random)
            try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            if process.isRunning {
                try kill9(process.processIdentifier)
                kills += 1
            }
            process.waitUntilExit()
        }
        print("SyncCrashTests: \(kills) of 15 runs killed")
        XCTAssertGreaterThan(kills, 5, "the runs finished before they could be killed; the test proves nothing")

        let midway = try await serverState(sim)
        let pushedWhileKilling = (midway["leads"] as? [[String: Any]] ?? [])
            .filter { ($0["email"] as? String)?.hasPrefix("crash.test.") == true }.count
        print("SyncCrashTests: \(pushedWhileKilling) of \(count) creations reached the server before the last run")
        XCTAssertGreaterThan(pushedWhileKilling, 0, "no run got to push before it was killed")

        try finishSync(sim)

        let state = try await serverState(sim)
        let leads = (state["leads"] as? [[String: Any]] ?? []).filter { ($0["deleted"] as? Bool) != true }
        let emails = leads.compactMap { $0["email"] as? String }
        for n in 0..<count {
            let copies = emails.filter { $0 == "crash.test.\(n)@example.com" }.count
            XCTAssertEqual(copies, 1, "lead \(n) is on the server \(copies) times")
        }
        let doctor = try closer.run(["doctor"])
        XCTAssertTrue(doctor.stdout.contains("outbox: 0 pending, 0 inflight, 0 rejected"), doctor.stdout)
    }

    /// A first pull with details killed at random moments and restarted: every server lead is
    /// local once, with exactly its notes and activities (a page's leads, details and position are
    /// one transaction: a kill loses the page and the restart reads it again, nothing twice).
    func testKilledFirstPullsLeaveEveryLeadOnceWithItsDetails() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { throw XCTSkip("no sqlite3 to read the file") }
        // 10 ms per request: a first pull of 2,000 leads with their details takes longer than the
        // kill windows on a quiet machine too (with 2 ms it could finish before the first kill).
        let sim = try startSimulator(leads: 2000, seed: 7, latencyMs: 10)
        var random = SystemRandomNumberGenerator()
        var kills = 0
        var partial = 0
        for _ in 0..<8 where partial < 1500 {
            let process = try launchSync(sim)
            try await Task.sleep(nanoseconds: UInt64(Double.random(in: 0.3...4.0, using: &random) * 1_000_000_000))
            if process.isRunning {
                try kill9(process.processIdentifier)
                kills += 1
            }
            process.waitUntilExit()
            partial = Int(try query("SELECT count(*) FROM leads")) ?? 0
        }
        print("SyncCrashTests: \(kills) pulls killed, \(partial) leads local before the last run")
        XCTAssertGreaterThan(kills, 1, "the pulls finished before they could be killed; the test proves nothing")
        XCTAssertGreaterThan(partial, 0, "no page was stored before the kills; the test proves nothing")
        XCTAssertEqual(try query("SELECT count(*) FROM leads l WHERE NOT EXISTS (SELECT 1 FROM detail_fetched f WHERE f.local_id = l.id)"),
                       "0", "a stored page holds its details")

        try finishSync(sim)

        let state = try await serverState(sim)
        let leads = (state["leads"] as? [[String: Any]] ?? []).filter { ($0["deleted"] as? Bool) != true }
        let live = Set(leads.compactMap { $0["id"].map { "\($0)" } })
        let notes = (state["notes"] as? [[String: Any]] ?? []).filter { $0["lead_id"].map { live.contains("\($0)") } ?? false }
        let activities = (state["activities"] as? [[String: Any]] ?? []).filter { $0["lead_id"].map { live.contains("\($0)") } ?? false }
        XCTAssertEqual(try query("SELECT count(*) FROM leads WHERE deleted = 0"), "\(leads.count)")
        XCTAssertEqual(try query("SELECT count(DISTINCT remote_id) || ' ' || count(*) FROM remote_ids WHERE kind = 'lead'"),
                       "\(leads.count) \(leads.count)", "one link per server lead")
        XCTAssertEqual(try query("SELECT count(*) FROM (SELECT email FROM leads GROUP BY email HAVING count(*) > 1)"), "0", "no lead twice")
        XCTAssertEqual(try query("SELECT count(*) FROM notes"), "\(notes.count)", "every note once")
        XCTAssertEqual(try query("SELECT count(*) FROM activities WHERE remote_id IS NOT NULL"), "\(activities.count)", "every activity once")
        XCTAssertEqual(try query("SELECT count(*) FROM leads l WHERE NOT EXISTS (SELECT 1 FROM detail_fetched f WHERE f.local_id = l.id)"),
                       "0", "every lead has its detail")
        XCTAssertEqual(try query("SELECT count(*) FROM leads WHERE last_activity IS NOT (SELECT max(created) FROM "
                                 + "(SELECT lead_id, created FROM notes UNION ALL SELECT lead_id, created FROM activities) WHERE lead_id = leads.id)"),
                       "0", "last activity is the newest note or activity")
        // The counts cube and the dashboard's lead aggregates (kept for a batch's new leads at its
        // end: sync cost, sixth pass) equal a grouping of the leads from scratch.
        let day = "(created - ((created % 86400) + 86400) % 86400) / 86400"
        let hour = "(coalesce(last_touch_at, created) - ((coalesce(last_touch_at, created) % 3600) + 3600) % 3600) / 3600"
        let groupings = [
            ("SELECT status, coalesce(source, -1), owner, count(*) FROM leads WHERE deleted = 0 GROUP BY 1, 2, 3",
             "SELECT status, source, owner, count FROM lead_cube WHERE count <> 0"),
            ("SELECT \(day), owner, coalesce(source, -1), count(*), sum(first_touch_at IS NULL) FROM leads WHERE deleted = 0 GROUP BY 1, 2, 3",
             "SELECT day, owner, source, leads, untouched FROM dash_created WHERE leads <> 0 OR untouched <> 0"),
            ("SELECT \(hour), owner, count(*) FROM leads WHERE deleted = 0 AND status NOT IN (3, 5) GROUP BY 1, 2",
             "SELECT hour, owner, count FROM dash_idle WHERE count <> 0"),
            ("SELECT owner, max(0, first_touch_at - created) / 3600, count(*) FROM leads WHERE deleted = 0 AND first_touch_at IS NOT NULL GROUP BY 1, 2",
             "SELECT owner, bucket, count FROM dash_speed_all WHERE count <> 0"),
        ]
        for (grouping, table) in groupings {
            XCTAssertEqual(try query("SELECT count(*) FROM (SELECT * FROM (\(grouping) EXCEPT \(table)) UNION ALL SELECT * FROM (\(table) EXCEPT \(grouping)))"),
                           "0", "aggregates as a grouping of the leads: \(table)")
        }
        XCTAssertEqual(try query("SELECT count(*) FROM lead_aggregate_deferral"), "0", "no deferral outlives its batch")
    }

    /// One value read from the closer database by the sqlite3 shell.
    private func query(_ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [closer.database, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Helpers

    struct Sim {
        let baseURL: String
        let origin: String
        let username: String
        let apiKey: String
        let token: String
    }

    /// Restarts `closer sync` until a run completes normally (at most five runs).
    private func finishSync(_ sim: Sim) throws {
        var finished = false
        for _ in 0..<5 where !finished {
            let process = try launchSync(sim)
            process.waitUntilExit()
            finished = process.terminationStatus == 0
        }
        XCTAssertTrue(finished, "closer sync never completed after the kills")
    }

    private func startSimulator(leads: Int = 20, seed: Int = 5, latencyMs: Int = 2) throws -> Sim {
        let binary = try CloserProcess.executable().deletingLastPathComponent().appendingPathComponent("closer-sim")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw XCTSkip("closer-sim not built") }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--port", "0", "--leads", "\(leads)", "--seed", "\(seed)", "--latency-ms", "\(latencyMs)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        simulator = process
        var text = ""
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if text.contains("base_url="), text.contains("token=") { break }
        }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where values["token"] == nil || values["base_url"] == nil {
            for word in line.split(separator: " ") {
                let parts = word.split(separator: "=", maxSplits: 1)
                if parts.count == 2, values[String(parts[0])] == nil { values[String(parts[0])] = String(parts[1]) }
            }
        }
        guard let base = values["base_url"], let user = values["user"], let key = values["apikey"], let token = values["token"],
              let url = URL(string: base), let host = url.host, let port = url.port else {
            throw XCTSkip("closer-sim did not print its address: \(text)")
        }
        return Sim(baseURL: base, origin: "http://\(host):\(port)", username: user, apiKey: key, token: token)
    }

    private func launchSync(_ sim: Sim) throws -> Process {
        let process = Process()
        process.executableURL = try CloserProcess.executable()
        process.arguments = ["--db", closer.database, "sync", "--once", "--quiet"]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = closer.directory.appendingPathComponent("data").path
        environment["XDG_CONFIG_HOME"] = closer.directory.appendingPathComponent("config").path
        environment["HOME"] = closer.directory.path
        environment["CLOSER_REMOTE_URL"] = sim.baseURL
        environment["CLOSER_API_KEY"] = sim.apiKey
        environment["CLOSER_TOKEN"] = sim.token
        environment["CLOSER_USERNAME"] = sim.username
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func kill9(_ pid: Int32) throws {
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/bin/kill")
        kill.arguments = ["-KILL", String(pid)]
        try kill.run()
        kill.waitUntilExit()
    }

    private func serverState(_ sim: Sim) async throws -> [String: Any] {
        let url = try XCTUnwrap(URL(string: sim.origin + "/_sim/state"))
        let (data, _) = try await URLSession.shared.data(from: url)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// `closer sync`'s exit statuses and messages, and that no key reaches the output.
final class SyncCommandTests: XCTestCase {
    private var closer: CloserProcess!

    override func setUpWithError() throws {
        closer = try CloserProcess()
        _ = try CloserProcess.executable()
    }

    override func tearDown() { closer?.cleanUp() }

    func testUnreachableServerExitsFourAndKeepsChangesQueued() throws {
        let config = try writeConfig(url: "http://127.0.0.1:9/api/v1", extra: "api_key_env = K\ntoken_env = T\n", mode: 0o600)
        let result = try runSync(config: config, environment: ["K": "key-xyz-123", "T": "tok-xyz-456"])
        XCTAssertEqual(result.status, 4, result.stderr)
        XCTAssertTrue(result.stderr.contains("server unreachable"), result.stderr)
        XCTAssertFalse((result.stdout + result.stderr).contains("xyz"), "a secret reached the output")
    }

    func testAGroupReadableConfigWithAnInlineKeyIsRefused() throws {
        let config = try writeConfig(url: "http://127.0.0.1:9/api/v1", extra: "api_key = inline-secret-789\ntoken_env = T\n", mode: 0o644)
        let result = try runSync(config: config, environment: ["T": "t"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("readable by group or others"), result.stderr)
        XCTAssertFalse(result.stderr.contains("inline-secret"), result.stderr)
    }

    func testAMissingCredentialCommandNamesTheRemoteAndLine() throws {
        let config = try writeConfig(url: "http://127.0.0.1:9/api/v1", extra: "api_key_cmd = exit 7\ntoken_env = T\n", mode: 0o600)
        let result = try runSync(config: config, environment: ["T": "t"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "closer sync: remote \"crm\": api_key_cmd failed (exit status 7)\n")
    }

    func testABadConfigLineIsReportedAsFileAndLine() throws {
        let config = try writeConfig(url: "nope", extra: "", mode: 0o600)
        let result = try runSync(config: config, environment: [:])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "closer sync: \(config):3: url must be an http:// or https:// URL with a host\n")
    }

    private func writeConfig(url: String, extra: String, mode: Int) throws -> String {
        let path = try closer.write("config", "# test\n[remote \"crm\"]\nurl = \(url)\nkind = leads-crm\n\(extra)")
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    private func runSync(config: String, environment extra: [String: String]) throws -> CloserProcess.Result {
        let process = Process()
        process.executableURL = try CloserProcess.executable()
        process.arguments = ["--db", closer.database, "sync", "--once", "--config", config]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = closer.directory.path
        environment["XDG_CONFIG_HOME"] = closer.directory.appendingPathComponent("config-home").path
        environment.removeValue(forKey: "CLOSER_REMOTE_URL")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CloserProcess.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                    stderr: String(decoding: errData, as: UTF8.self))
    }
}
