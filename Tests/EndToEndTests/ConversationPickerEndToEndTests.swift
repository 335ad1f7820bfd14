import Foundation
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// In a real terminal on `closer demo`: `:transfer` lists the simulator's groups and agents, typing
/// filters, Enter transfers the prospect (the simulator shows it moved, once); `F`'s Tab completes a
/// path and lists the candidates.
final class ConversationPickerEndToEndTests: XCTestCase {
    private var workspace: CloserProcess!

    override func setUpWithError() throws { workspace = try CloserProcess() }
    override func tearDown() { workspace?.cleanUp() }

    private func state(_ port: Int) async throws -> [String: Any] {
        let (data, _) = try await URLSession.shared.data(from: try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)/_sim/state")))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    func testTransferPickerMovesTheProspectAndFileTabCompletes() async throws {
        let binary = try CloserProcess.executable().path
        let directory = workspace.directory
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("ofertas"), withIntermediateDirectories: true)
        _ = try workspace.write("ofertas/oferta-madrid.pdf", "%PDF-1.4 m")
        _ = try workspace.write("ofertas/oferta-malaga.pdf", "%PDF-1.4 g")
        let port = freePort()
        let ui = try TmuxSession(command: [binary, "demo", "--port", String(port), "--leads", "30"], width: 100, height: 30,
                                 environment: ["HOME": directory.path,
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
        let agents = try XCTUnwrap(zenvia["agents"] as? [[String: Any]])
        let agent = try XCTUnwrap(agents.last)
        let agentId = try XCTUnwrap(agent["id"] as? String)
        let lastName = try XCTUnwrap(agent["lastName"] as? String)

        try ui.send("/")
        try ui.type(String(email.prefix { $0 != "@" }).replacingOccurrences(of: ".", with: " "))
        try ui.send("Enter")
        try ui.waitFor(text: "1 of 1")
        try ui.send("3")
        try ui.waitFor(text: "Conversation ·", timeout: 20)
        try ui.send(":")
        try ui.type("transfer")
        try ui.send("Enter")
        try ui.waitFor(text: "(agent)", timeout: 20)
        try ui.type(lastName)
        try ui.waitFor(text: "filter: \(lastName)")
        try ui.send("Enter")
        _ = try ui.waitFor("the transfer is sent", timeout: 30) { $0.contains("transferred to") && !$0.contains("queued") && !$0.contains("sending…") }
        let after = try await state(port)
        let moved = ((after["zenvia"] as? [String: Any])?["prospects"] as? [[String: Any]] ?? []).first { $0["id"] as? String == prospectId }
        XCTAssertEqual((moved?["agent"] as? [String: Any])?["id"] as? String, agentId, "the picked agent has the prospect")

        try ui.send("F")
        try ui.type("ofer")
        try ui.send("Tab")
        try ui.waitFor(text: "ofertas/")
        try ui.send("Tab")
        try ui.waitFor(text: "2 matches: oferta-madrid.pdf  oferta-malaga.pdf")
        try ui.sendEscape()
    }
}
