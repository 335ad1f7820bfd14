import Foundation
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `closer sync` runs the conversation cycle as the TUI's worker does: `--once` pulls an inbound
/// message added through the simulator's control endpoint and sends a queued `closer send --text`;
/// `--watch` keeps doing both (a reply queued while it runs is sent, a new inbound arrives).
extension DestinationCrashTests {
    func testSyncOnceAndWatchRunTheConversationCycle() async throws {
        let sim = try startSimulator([])
        try writeConfig(sim, cdPush: "none", botPush: "none")
        let state = try await serverState(sim)
        let prospect = try XCTUnwrap(((state["zenvia"] as? [String: Any])?["prospects"] as? [[String: Any]])?.first)
        let prospectId = try XCTUnwrap(prospect["id"] as? String)
        let email = try XCTUnwrap((prospect["emails"] as? [String])?.first)
        let csv = "first_name,last_name,email,phone,owner\nWatch,Sync,\(email),+15550004321,\(sim.username)\n"
        XCTAssertEqual(try closer.run(["import", try closer.write("lead.csv", csv)]).status, 0)

        // --once: the inbound arrives in the store (and opens the 24 h window), then a reply is sent.
        try await inbound(sim, prospect: prospectId, content: "hola, ¿sigue disponible?")
        let first = try closer.run(["sync", "--once", "--quiet"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(try timelineTexts(email).contains("hola, ¿sigue disponible?"), "pulled by --once")
        let reply = try closer.run(["send", "--lead", email, "--text", "Sí, sigue disponible"])
        XCTAssertEqual(reply.status, 0, reply.stderr)
        let second = try closer.run(["sync", "--once", "--quiet"])
        XCTAssertEqual(second.status, 0, second.stderr)
        let once = try await outbound(sim, prospectId, "Sí, sigue disponible")
        XCTAssertEqual(once, 1, "sent once by --once")

        // --watch: a reply queued and an inbound added while it runs.
        let watch = try launch(["sync", "--watch", "--interval", "1", "--quiet"])
        defer { if watch.isRunning { kill(watch.processIdentifier, SIGTERM); watch.waitUntilExit() } }
        let queued = try closer.run(["send", "--lead", email, "--text", "Le envío la oferta"])
        XCTAssertEqual(queued.status, 0, queued.stderr)
        try await inbound(sim, prospect: prospectId, content: "perfecto, gracias")
        let deadline = Date().addingTimeInterval(40)
        var sent = 0, arrived = false
        while Date() < deadline {
            sent = try await outbound(sim, prospectId, "Le envío la oferta")
            arrived = try timelineTexts(email).contains("perfecto, gracias")
            if sent > 0 && arrived { break }
            try await Task.sleep(nanoseconds: 500_000_000)
        }
        XCTAssertEqual(sent, 1, "the queued reply was sent by --watch, once")
        XCTAssertTrue(arrived, "the new inbound message reached the store through --watch")
        XCTAssertTrue(watch.isRunning, "--watch keeps running")
    }

    /// `/_sim/zenvia/inbound`: the prospect writes on WhatsApp.
    private func inbound(_ sim: Sim, prospect: String, content: String) async throws {
        var request = URLRequest(url: try XCTUnwrap(URL(string: sim.origin + "/_sim/zenvia/inbound")))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let encoded = content.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? content
        request.httpBody = Data("prospect=\(prospect)&via=whatsApp&content=\(encoded)".utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)
    }

    /// How many of our messages with `content` Zenvia holds for the prospect.
    private func outbound(_ sim: Sim, _ prospect: String, _ content: String) async throws -> Int {
        let state = try await serverState(sim)
        return ((state["zenvia"] as? [String: Any])?["interactions"] as? [[String: Any]] ?? []).filter {
            ($0["prospectId"] as? String) == prospect && ($0["proactive"] as? Bool) == true
                && (($0["output"] as? [String: Any])?["message"] as? [String: Any])?["content"] as? String == content
        }.count
    }

    private func timelineTexts(_ email: String) throws -> [String] {
        let result = try closer.run(["timeline", email, "--format", "json", "--limit", "all"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let entries = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        return entries.compactMap { $0["text"] as? String }
    }
}
