import Foundation
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `closer sync` killed with SIGKILL while it pushes to ClosingDealz (bulk, no lookup) and to the
/// chatbot (single, duplicate detection): no lead is on a destination twice, and every lead is on
/// it once or listed by `closer push --review` as "outcome unknown". Plus a config with every
/// remote the simulator serves: `closer sync`, then `closer push --remote cd --status contact`.
final class DestinationCrashTests: XCTestCase {
    var closer: CloserProcess!
    var simulator: Process?

    override func setUpWithError() throws {
        closer = try CloserProcess()
        _ = try CloserProcess.executable()
    }

    override func tearDown() {
        if let simulator, simulator.isRunning {
            kill(simulator.processIdentifier, SIGKILL)
            simulator.waitUntilExit()
        }
        closer?.cleanUp()
    }

    func testKilledPushesPutNoLeadTwiceOnADestinationAndListEveryUnknownOne() async throws {
        let sim = try startSimulator(["--latency-ms", "60"])
        try writeConfig(sim, cdPush: "none", botPush: "none")
        let count = 400
        var csv = "first_name,last_name,email,phone,owner,status\n"
        for n in 0..<count {
            csv += "Crash,Push\(n),crash.push.\(n)@example.com,+1555\(String(3_000_000 + n)),\(sim.username),\(n % 8 == 0 ? "contact" : "prospect")\n"
        }
        XCTAssertEqual(try closer.run(["import", try closer.write("push.csv", csv)]).status, 0)
        let queuedCD = try closer.run(["push", "--remote", "cd", "--no-send"])
        XCTAssertTrue(queuedCD.stdout.hasPrefix("queued \(count) of \(count)"), queuedCD.stdout + queuedCD.stderr)
        let queuedBot = try closer.run(["push", "--remote", "bot", "--status", "contact", "--no-send"])
        XCTAssertTrue(queuedBot.stdout.hasPrefix("queued \(count / 8) of \(count / 8)"), queuedBot.stdout + queuedBot.stderr)

        var kills = 0
        for round in 0..<14 {
            let process = try launch(["sync", "--once", "--quiet", "--remote", round % 2 == 0 ? "cd" : "bot"])
            try await Task.sleep(nanoseconds: UInt64(Double.random(in: 0.15...0.7) * 1_000_000_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
        }
        print("DestinationCrashTests: \(kills) of 14 runs killed")
        XCTAssertGreaterThan(kills, 5, "the runs finished before they could be killed; the test proves nothing")
        for remote in ["cd", "bot"] {
            var finished = false
            for _ in 0..<4 where !finished {
                let process = try launch(["sync", "--once", "--quiet", "--remote", remote])
                process.waitUntilExit()
                finished = process.terminationStatus == 0
            }
            XCTAssertTrue(finished, "closer sync --remote \(remote) never completed after the kills")
        }

        let review = try closer.run(["push", "--review", "--format", "json"])
        XCTAssertEqual(review.status, 0, review.stderr)
        let unknown = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [[String: Any]], review.stdout)
        let unknownCD = Set(unknown.filter { $0["remote"] as? String == "cd" }.compactMap { $0["email"] as? String })
        XCTAssertTrue(unknown.allSatisfy { $0["remote"] as? String == "cd" }, "chatbot pushes are safe to resend: never unknown")
        for item in unknown {
            XCTAssertNotNil(item["lead_id"] as? Int)
            XCTAssertNotNil(item["since"] as? String)
        }
        let state = try await serverState(sim)
        let cdEmails = ((state["closingdealz"] as? [String: Any])?["leads"] as? [[String: Any]] ?? []).compactMap { $0["email"] as? String }
        let botEmails = ((state["chatbot"] as? [String: Any])?["leads"] as? [[String: Any]] ?? []).compactMap { $0["email"] as? String }
        print("DestinationCrashTests: ClosingDealz has \(cdEmails.count), \(unknownCD.count) unknown; chatbot has \(botEmails.count)")
        for n in 0..<count {
            let email = "crash.push.\(n)@example.com"
            let onCD = cdEmails.filter { $0 == email }.count
            XCTAssertLessThanOrEqual(onCD, 1, "\(email) is on ClosingDealz \(onCD) times")
            XCTAssertTrue(onCD == 1 || unknownCD.contains(email), "\(email) is neither on ClosingDealz nor listed as unknown")
            if n % 8 == 0 {
                XCTAssertEqual(botEmails.filter { $0 == email }.count, 1, "\(email) on the chatbot")
            }
        }
        XCTAssertEqual(botEmails.count, count / 8)
    }

    func testEveryRemoteSyncsThenAPushByStatusPutsEachLeadOnceOnClosingDealz() async throws {
        let sim = try startSimulator(["--leads", "40"])
        try writeConfig(sim, cdPush: "none", botPush: "new-leads")
        let sync = try closer.run(["sync", "--once"])
        XCTAssertEqual(sync.status, 0, sync.stdout + sync.stderr)
        for remote in sim.vendors.keys { XCTAssertTrue(sync.stdout.contains("syncing with \(remote.short)"), sync.stdout) }
        let leads = try closer.leadsJSON()
        XCTAssertEqual(leads.count, 40)
        let contacts = leads.filter { $0["status"] as? String == "contact" }.compactMap { $0["email"] as? String }
        XCTAssertFalse(contacts.isEmpty, "the demo data has contacts")

        let push = try closer.run(["push", "--remote", "cd", "--status", "contact"])
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
        XCTAssertTrue(push.stdout.contains("pushed \(contacts.count)"), push.stdout)
        let again = try closer.run(["push", "--remote", "cd", "--status", "contact"])
        XCTAssertTrue(again.stdout.hasPrefix("queued 0 of \(contacts.count)"), again.stdout)
        let dry = try closer.run(["push", "--remote", "cd", "--dry-run"])
        XCTAssertTrue(dry.stdout.contains("would queue \(40 - contacts.count) of 40"), dry.stdout)

        let state = try await serverState(sim)
        let cdEmails = ((state["closingdealz"] as? [String: Any])?["leads"] as? [[String: Any]] ?? []).compactMap { $0["email"] as? String }
        XCTAssertEqual(cdEmails.sorted(), contacts.sorted(), "each contact once on ClosingDealz, nothing else")
        let botLeads = (state["chatbot"] as? [String: Any])?["leads"] as? [[String: Any]] ?? []
        XCTAssertEqual(botLeads.count, 0, "pulled leads are not new local leads: nothing forwarded")
    }

    // MARK: - Helpers

    struct Sim {
        let baseURL: String
        let origin: String
        let username: String
        let apiKey: String
        let token: String
        /// kind → (url, key, chatbot_id)
        let vendors: [String: (url: String, key: String, chatbotId: String?)]
    }

    func startSimulator(_ extra: [String]) throws -> Sim {
        let binary = try CloserProcess.executable().deletingLastPathComponent().appendingPathComponent("closer-sim")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw XCTSkip("closer-sim not built") }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--port", "0", "--leads", "20", "--seed", "5"] + extra
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        simulator = process
        var text = ""
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !text.contains("vendor=chatbot") {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        var first: [String: String] = [:]
        var vendors: [String: (url: String, key: String, chatbotId: String?)] = [:]
        for line in text.split(separator: "\n") {
            var values: [String: String] = [:]
            for word in line.split(separator: " ") {
                let parts = word.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
            }
            if let kind = values["vendor"], let url = values["url"], let key = values["key"] {
                vendors[kind] = (url, key, values["chatbot_id"])
            } else {
                for (key, value) in values where first[key] == nil { first[key] = value }
            }
        }
        guard let base = first["base_url"], let user = first["user"], let key = first["apikey"], let token = first["token"],
              let url = URL(string: base), let host = url.host, let port = url.port,
              vendors["closingdealz"] != nil, vendors["chatbot"] != nil else {
            throw XCTSkip("closer-sim did not print its address and vendors: \(text)")
        }
        return Sim(baseURL: base, origin: "http://\(host):\(port)", username: user, apiKey: key, token: token, vendors: vendors)
    }

    /// The config with every remote the simulator serves (inline keys, so chmod 600).
    func writeConfig(_ sim: Sim, cdPush: String, botPush: String) throws {
        var text = """
            [remote "crm"]
                kind = leads-crm
                url = \(sim.baseURL)
                username = \(sim.username)
                api_key = \(sim.apiKey)
                token = \(sim.token)

            """
        for (kind, vendor) in sim.vendors.sorted(by: { $0.key < $1.key }) {
            text += "[remote \"\(kind.short)\"]\n    kind = \(kind)\n    url = \(vendor.url)\n    api_key = \(vendor.key)\n"
            if let id = vendor.chatbotId { text += "    chatbot_id = \(id)\n" }
            if kind == "closingdealz" { text += "    push = \(cdPush)\n" }
            if kind == "chatbot" { text += "    push = \(botPush)\n" }
        }
        let directory = closer.directory.appendingPathComponent("config").appendingPathComponent("closer")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("config").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try CloserProcess.executable()
        process.arguments = ["--db", closer.database] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = closer.directory.appendingPathComponent("data").path
        environment["XDG_CONFIG_HOME"] = closer.directory.appendingPathComponent("config").path
        environment["HOME"] = closer.directory.path
        environment.removeValue(forKey: "CLOSER_REMOTE_URL")
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func serverState(_ sim: Sim) async throws -> [String: Any] {
        let url = try XCTUnwrap(URL(string: sim.origin + "/_sim/state"))
        let (data, _) = try await URLSession.shared.data(from: url)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

private extension String {
    /// The remote name the tests give a vendor kind ("cd" for closingdealz).
    var short: String { self == "closingdealz" ? "cd" : self == "chatbot" ? "bot" : self }
}
