import Foundation
import XCTest

/// Conversation pane: `closer sync` killed with SIGKILL while it sends a queued template to Zenvia;
/// after the runs that follow, the interaction exists once on the server and the send is "sent".
extension DestinationCrashTests {
    func testKilledConversationSendsReachZenviaOnce() async throws {
        let sim = try startSimulator(["--fault-vendor", "zenvia", "--latency-ms", "300"])
        try writeConfig(sim, cdPush: "none", botPush: "none")
        let state = try await serverState(sim)
        let prospect = try XCTUnwrap(((state["zenvia"] as? [String: Any])?["prospects"] as? [[String: Any]])?.first)
        let prospectId = try XCTUnwrap(prospect["id"] as? String)
        let email = try XCTUnwrap((prospect["emails"] as? [String])?.first)
        let csv = "first_name,last_name,email,phone,owner\nCrash,Send,\(email),+15550001234,\(sim.username)\n"
        XCTAssertEqual(try closer.run(["import", try closer.write("lead.csv", csv)]).status, 0)
        let queued = try closer.run(["send", "--lead", email, "--template", "follow_up", "--param", "prospect.firstName=Crash"])
        XCTAssertEqual(queued.status, 0, queued.stderr)

        for _ in 0..<6 {
            let process = try launch(["sync", "--once", "--quiet"])
            try await Task.sleep(nanoseconds: UInt64(Double.random(in: 0.2...1.5) * 1_000_000_000))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        for _ in 0..<2 {
            let process = try launch(["sync", "--once", "--quiet"])
            process.waitUntilExit()
        }
        let after = try await serverState(sim)
        let sent = ((after["zenvia"] as? [String: Any])?["interactions"] as? [[String: Any]] ?? []).filter {
            ($0["prospectId"] as? String) == prospectId && ($0["proactive"] as? Bool) == true
                && (($0["output"] as? [String: Any])?["message"] as? [String: Any])?["template"] as? String == "follow_up"
        }
        let timeline = try closer.run(["timeline", email, "--format", "json", "--limit", "all"])
        let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(timeline.stdout.utf8)) as? [[String: Any]])
        let send = entries.first { ($0["template"] as? String) == "follow_up" && ($0["send_state"] as? String) != nil }
        if (send?["send_state"] as? String) == "unknown" {
            XCTAssertLessThanOrEqual(sent.count, 1, "an unknown send is never resent on its own")
        } else {
            XCTAssertEqual(send?["send_state"] as? String, "sent", "\(String(describing: send))")
            XCTAssertEqual(sent.count, 1, "the template reached Zenvia once")
        }
    }
}
