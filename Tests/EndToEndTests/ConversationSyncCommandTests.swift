import Foundation
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `closer sync` runs the conversation cycle as the TUI's worker does: `--once` pulls an inbound
/// message added through the simulator's control endpoint, sends a queued `closer send --text` and
/// lists a refused send with the server's message;
/// `--watch` keeps doing both (a reply queued while it runs is sent, a new inbound arrives).
extension DestinationCrashTests {
    func testSyncOnceAndWatchRunTheConversationCycle() async throws {
        let sim = try startSimulator([])
        try writeConfig(sim, cdPush: "none", botPush: "none")
        let state = try await serverState(sim)
        let prospects = try XCTUnwrap((state["zenvia"] as? [String: Any])?["prospects"] as? [[String: Any]])
        let prospect = try XCTUnwrap(prospects.first)
        let prospectId = try XCTUnwrap(prospect["id"] as? String)
        let email = try XCTUnwrap((prospect["emails"] as? [String])?.first)
        let interactions = (state["zenvia"] as? [String: Any])?["interactions"] as? [[String: Any]] ?? []
        let iso = ISO8601DateFormatter()
        let dayAgo = Date().addingTimeInterval(-25 * 3600)
        let wroteToday = Set(interactions.filter {
            ($0["proactive"] as? Bool) == false && (($0["createdAt"] as? String).flatMap(iso.date(from:)) ?? .distantFuture) > dayAgo
        }.compactMap { $0["prospectId"] as? String })
        let silent = try XCTUnwrap(prospects.dropFirst().first { !wroteToday.contains($0["id"] as? String ?? "") },
                                   "a prospect whose window is closed")
        let quiet = try XCTUnwrap((silent["emails"] as? [String])?.first)  // no message for a day: the window is closed
        let csv = "first_name,last_name,email,phone,owner\nWatch,Sync,\(email),+15550004321,\(sim.username)\n"
            + "Quiet,Lead,\(quiet),+15550004322,\(sim.username)\n"
        XCTAssertEqual(try closer.run(["import", try closer.write("lead.csv", csv)]).status, 0)

        // --once: the inbound arrives in the store (and opens the 24 h window), then a reply is sent.
        try await inbound(sim, prospect: prospectId, content: "hola, ¿sigue disponible?")
        let first = try closer.run(["sync", "--once", "--quiet"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(try timelineTexts(email).contains("hola, ¿sigue disponible?"), "pulled by --once")
        let reply = try closer.run(["send", "--lead", email, "--text", "Sí, sigue disponible"])
        XCTAssertEqual(reply.status, 0, reply.stderr)
        let offer = try closer.write("oferta.pdf", "%PDF-1.4 oferta")
        let file = try closer.run(["send", "--lead", quiet, "--file", offer])
        XCTAssertEqual(file.status, 0, file.stderr)
        let second = try closer.run(["sync", "--once", "--quiet"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("conversation: 0 sends waiting, 1 failed or of unknown outcome"), second.stdout)
        XCTAssertTrue(second.stdout.contains("failed: lead") && second.stdout.contains("window"), "the server's message: \(second.stdout)")
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
