import Foundation
import XCTest

/// `closer timeline` and `closer send` as subprocesses over a real database file.
final class CommandLineConversationTests: XCTestCase {
    private var closer: CloserProcess!

    override func setUpWithError() throws {
        closer = try CloserProcess()
        _ = try CloserProcess.executable()
        let seeded = try closer.run(["seed", "--leads", "5"])
        XCTAssertEqual(seeded.status, 0, seeded.stderr)
    }

    override func tearDown() { closer?.cleanUp() }

    private func firstLead() throws -> (id: Int, email: String) {
        let lead = try XCTUnwrap(try closer.leadsJSON().first)
        return (try XCTUnwrap(lead["id"] as? Int), try XCTUnwrap(lead["email"] as? String))
    }

    private func timeline(_ reference: String) throws -> [[String: Any]] {
        let result = try closer.run(["timeline", reference, "--format", "json", "--limit", "all"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    func testSendQueuesTemplatesAndEmailsAndRefusesARepliesOutsideTheWindow() throws {
        let lead = try firstLead()
        let before = try timeline(String(lead.id))
        XCTAssertFalse(before.isEmpty, "seeded notes and activities are in the timeline")

        let reply = try closer.run(["send", "--lead", String(lead.id), "--text", "hola"])
        XCTAssertEqual(reply.status, 1, "no inbound message: the window is closed")
        XCTAssertTrue(reply.stderr.contains("use a template"), reply.stderr)

        let template = try closer.run(["send", "--lead", lead.email, "--template", "follow_up", "--param", "name=Ana",
                                       "--param", "day=lunes"])
        XCTAssertEqual(template.status, 0, template.stderr)
        XCTAssertTrue(template.stdout.contains("Template follow_up queued"), template.stdout)

        let body = try closer.write("body.txt", "Hola Ana,\n\nadjunto la cotización.\n")
        let mail = try closer.run(["send", "--lead", String(lead.id), "--email", "--subject", "Cotización", "--body-file", body])
        XCTAssertEqual(mail.status, 0, mail.stderr)

        let after = try timeline(lead.email)
        XCTAssertEqual(after.count, before.count + 2)
        let sends = after.filter { ($0["send_state"] as? String) == "queued" }
        XCTAssertEqual(sends.map { $0["template"] as? String }, ["follow_up", ""])
        XCTAssertEqual(sends.map { $0["provider"] as? String }, ["zenvia", "cleverapp"])
        XCTAssertEqual(sends.last?["text"] as? String, "Hola Ana,\n\nadjunto la cotización.\n")
        let times = after.compactMap { $0["time"] as? String }
        XCTAssertEqual(times, times.sorted(), "oldest first")

        let table = try closer.run(["timeline", String(lead.id), "--limit", "1"])
        XCTAssertEqual(table.status, 0)
        XCTAssertEqual(table.stdout.split(separator: "\n").count, 2, "a header and the newest entry")
        XCTAssertTrue(table.stdout.contains("Cotización"))
    }

    func testBadUsageAndUnknownLeads() throws {
        let lead = try firstLead()
        XCTAssertEqual(try closer.run(["send", "--lead", String(lead.id)]).status, 2, "no message kind")
        XCTAssertEqual(try closer.run(["send", "--lead", String(lead.id), "--text", "a", "--template", "b"]).status, 2)
        XCTAssertEqual(try closer.run(["send", "--lead", String(lead.id), "--template", "k", "--param", "novalue"]).status, 2)
        let missing = try closer.run(["timeline", "nobody@example.com"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "closer timeline: no lead with e-mail nobody@example.com\n")
        XCTAssertEqual(try closer.run(["timeline", "99999"]).status, 1)
        XCTAssertEqual(try closer.run(["timeline", "not-a-lead"]).status, 2)
        let big = closer.directory.appendingPathComponent("big.bin")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 600 * 1024)
        try handle.close()
        let file = try closer.run(["send", "--lead", String(lead.id), "--file", big.path])
        XCTAssertEqual(file.status, 1)
        XCTAssertTrue(file.stderr.contains("the limit is 512 KiB"), file.stderr)
    }
}
