import Foundation
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The conversation pane in a real terminal on `closer demo` (embedded simulator): a lead with an
/// inbound WhatsApp message, `3` opens its conversation, a reply inside the window, a template,
/// and a follow-up e-mail through a fake `$EDITOR`; the simulator's state shows each once.
final class ConversationEndToEndTests: XCTestCase {
    private var workspace: CloserProcess!

    override func setUpWithError() throws { workspace = try CloserProcess() }
    override func tearDown() { workspace?.cleanUp() }

    private func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private func state(_ port: Int) async throws -> [String: Any] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/_sim/state")!)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func post(_ port: Int, _ path: String, _ form: String) async throws {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(form.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)
    }

    func testReplyTemplateAndFollowUpFromTheConversationPaneReachTheVendorsOnce() async throws {
        let binary = try CloserProcess.executable().path
        let directory = workspace.directory
        let editor = try workspace.write("editor.sh", "#!/bin/sh\nprintf 'Le envío la cotización.\\n' >> \"$1\"\n")
        chmod(editor, 0o755)
        let port = freePort()
        let ui = try TmuxSession(command: [binary, "demo", "--port", String(port), "--leads", "30"], width: 100, height: 30,
                                 environment: ["HOME": directory.path, "EDITOR": editor,
                                               "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
                                               "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path],
                                 directory: directory)
        defer { ui.kill() }
        try ui.waitFor(text: "of 30", timeout: 30)
        let before = try await state(port)
        let zenvia = try XCTUnwrap(before["zenvia"] as? [String: Any])
        let prospect = try XCTUnwrap((zenvia["prospects"] as? [[String: Any]])?.first)
        let prospectId = try XCTUnwrap(prospect["id"] as? String)
        let email = try XCTUnwrap((prospect["emails"] as? [String])?.first)
        try await post(port, "/_sim/zenvia/inbound", "prospect=\(email)&content=Quiero%20el%20precio%20por%20favor")

        try ui.send("/")
        try ui.type(String(email.prefix { $0 != "@" }).replacingOccurrences(of: ".", with: " "))
        try ui.send("Enter")
        try ui.waitFor(text: "1 of 1")
        try ui.send("3")
        try ui.waitFor(text: "Quiero el precio por favor", timeout: 20)
        try ui.waitFor(text: "window open")

        try ui.send("r")
        try ui.type("Son 32.000 EUR.")
        try ui.send("Enter")
        try ui.send("T")
        try ui.waitFor(text: "follow_up —", timeout: 20)  // the picker shows the cached templates
        try ui.send("Down")
        try ui.send("Enter")
        try ui.waitFor(text: "prospect.firstName=")  // prefilled with the lead's first name; the title previews it
        try ui.send("Enter")
        try ui.send("E")
        try ui.type("Su cotización")
        try ui.send("Enter")
        _ = try ui.waitFor("every send confirmed", timeout: 30) { screen in
            !screen.contains("queued") && !screen.contains("sending…") && screen.contains("Subject: Su cotización")
        }

        let after = try await state(port)
        let interactions = ((after["zenvia"] as? [String: Any])?["interactions"] as? [[String: Any]] ?? [])
            .filter { ($0["prospectId"] as? String) == prospectId }
        func message(_ i: [String: Any]) -> [String: Any] { ((i["output"] as? [String: Any])?["message"] as? [String: Any]) ?? [:] }
        XCTAssertEqual(interactions.filter { message($0)["content"] as? String == "Son 32.000 EUR." }.count, 1, "the reply once")
        XCTAssertEqual(interactions.filter { message($0)["template"] as? String == "follow_up" && ($0["proactive"] as? Bool) == true }.count, 1,
                       "the template once")
        let followUps = ((after["cleverapp"] as? [String: Any])?["follow_ups"] as? [[String: Any]]) ?? []
        XCTAssertEqual(followUps.count, 1, "the e-mail once")
        XCTAssertEqual(followUps.first?["subject"] as? String, "Su cotización")
        XCTAssertTrue((followUps.first?["body"] as? String ?? "").contains("Le envío la cotización."), "the body from $EDITOR")
    }
}
