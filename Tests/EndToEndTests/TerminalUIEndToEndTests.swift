import Foundation
import XCTest

/// The terminal UI run as a user runs it: the real `closer` binary in a real terminal (tmux),
/// typed at with `send-keys`, read with `capture-pane`, and the database checked afterwards.
final class TerminalUIEndToEndTests: XCTestCase {
    private var workspace: CloserProcess!

    override func setUpWithError() throws {
        workspace = try CloserProcess()
    }

    override func tearDown() {
        workspace?.cleanUp()
    }

    /// Starts the TUI (`closer ARGS`) in tmux with this test's private HOME and XDG directories.
    private func startUI(_ arguments: [String], width: Int = 80, height: Int = 24) throws -> TmuxSession {
        let binary = try CloserProcess.executable().path
        let directory = workspace.directory
        return try TmuxSession(
            command: ["/bin/sh", "-c", "\"$0\" \"$@\"; echo $? > exit-status", binary] + arguments, width: width, height: height,
            environment: [
                "HOME": directory.path,
                "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
                "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
                "EDITOR": "/bin/false", "VISUAL": "/bin/false",
            ],
            directory: directory)
    }

    /// Waits for the UI started by `startUI` to exit and returns its exit status, as its shell saw it.
    private func waitForExitStatus(timeout: TimeInterval = 10) -> Int32? {
        let file = workspace.directory.appendingPathComponent("exit-status")
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    /// The line of the screen that starts with the selection marker `>`.
    private func selectedLine(_ screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.hasPrefix(">") }
    }

    func testNavigateSearchChangeStatusAddNoteAndQuitLeaveTheChangeInTheDatabaseAndOutbox() throws {
        let ui = try startUI(["demo", "--no-sync", "--leads", "400", "--db", workspace.database])
        defer { ui.kill() }
        let first = try ui.waitFor(text: "1 of 400")
        let top = try XCTUnwrap(selectedLine(first))

        // Movement: down, end, top.
        try ui.send("j", "j")
        try ui.waitFor(text: "3 of 400")
        XCTAssertNotEqual(selectedLine(try ui.screen()), top)
        try ui.send("G")
        try ui.waitFor(text: "400 of 400")
        try ui.send("g", "g")
        let backAtTop = try ui.waitFor(text: "1 of 400")
        XCTAssertEqual(selectedLine(backAtTop), top)

        // Incremental search narrows the list as the user types.
        try ui.send("/")
        try ui.type("zoe")
        let searched = try ui.waitFor("search results for zoe") { $0.contains("/zoe") && !$0.contains("of 400") }
        let rows = searched.split(separator: "\n").dropFirst(3).dropLast().map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }  // tab bar, title, header
        XCTAssertFalse(rows.isEmpty)
        for row in rows {
            let folded = row.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            XCTAssertTrue(folded.contains("zoe"), "row does not match the search: \(row)")
        }
        try ui.send("Enter")

        // Open the detail, read the lead's e-mail from the screen.
        try ui.send("Enter")
        let detail = try ui.waitFor(text: "E-mail")
        let emailLine = try XCTUnwrap(detail.split(separator: "\n").first { $0.contains("E-mail") })
        let email = try XCTUnwrap(emailLine.split(separator: " ").last.map(String.init))

        // Change the status through the command line and add a note inline.
        try ui.send(":")
        try ui.type("status customer")
        try ui.send("Enter")
        try ui.waitFor("status customer on screen") { screen in
            screen.split(separator: "\n").contains { $0.contains("Status") && $0.contains("customer") }
        }
        try ui.send("i")
        try ui.type("Called from the e2e test — Zoë agreed ✓")
        try ui.send("Enter")
        try ui.waitFor(text: "Called from the e2e test")

        // Quit: back to the list, then q; the terminal is handed back with exit status 0.
        try ui.sendEscape()
        try ui.send("q")
        XCTAssertEqual(waitForExitStatus(), 0)

        // The database holds the change, and the outbox holds both edits for the sync worker.
        let listed = try workspace.run(["leads", "--search", email, "--format", "json"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let leads = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let lead = try XCTUnwrap(leads.first { $0["email"] as? String == email })
        XCTAssertEqual(lead["status"] as? String, "customer")
        let doctor = try workspace.run(["doctor"])
        XCTAssertTrue(doctor.stdout.contains("outbox: 2 pending"), doctor.stdout)
    }

    func testHostileDataNeverReachesTheTerminalRaw() throws {
        // DECALN (ESC # 8) would fill the screen with 'E'; OSC 2 would retitle the pane;
        // CSI 2 J would clear it. None of it may reach the terminal from the data.
        let csv = "first_name,last_name,email,phone,owner,company\n"
            + "\"Eve\u{1B}#8\",\"Mallory\u{1B}]2;PWNED\u{07}\",eve@example.com,+15551234567,ana,\"Evil\u{1B}[2J\u{9B}31mCorp\u{202E}\"\n"
            + "Zoë,田中,zoe@example.com,+15551234568,ana,Rocket 🚀 Labs\n"
        let file = try workspace.write("hostile.csv", csv)
        let imported = try workspace.run(["import", file])
        XCTAssertEqual(imported.status, 0, imported.stderr)

        let ui = try startUI(["--db", workspace.database])
        defer { ui.kill() }
        let screen = try ui.waitFor(text: "Mallory")
        XCTAssertTrue(screen.contains("Eve Mallory"), screen)
        XCTAssertTrue(screen.contains("Zoë 田中"), screen)
        XCTAssertFalse(screen.contains("EEEEEEEEEE"), "DECALN from the data reached the terminal:\n\(screen)")
        XCTAssertFalse(screen.contains("PWNED"))
        try ui.send("Enter")
        let detail = try ui.waitFor(text: "E-mail")
        XCTAssertTrue(detail.contains("EvilCorp"), detail)
        let title = try ui.paneTitle()
        XCTAssertFalse(title.contains("PWNED"), "OSC title from the data reached the terminal: \(title)")
        try ui.sendEscape()
        try ui.send("q")
        XCTAssertEqual(waitForExitStatus(), 0)
    }

    func testTinyAndWideTerminalsShowWhatFits() throws {
        let ui = try startUI(["demo", "--no-sync", "--leads", "50", "--db", workspace.database], width: 250, height: 60)
        defer { ui.kill() }
        // Wide: list and detail side by side.
        let wide = try ui.waitFor(text: "1 of 50")
        XCTAssertTrue(wide.contains("E-mail"), "the detail pane is not beside the list at 250x60:\n\(wide)")
        try ui.resize(width: 19, height: 5)
        try ui.waitFor(text: "too small")
        try ui.resize(width: 20, height: 6)
        try ui.waitFor("the list at 20x6") { $0.contains(">") && !$0.contains("too small") }
        try ui.resize(width: 80, height: 24)
        try ui.waitFor(text: "1 of 50")
        try ui.send("q")
        XCTAssertEqual(waitForExitStatus(), 0)
    }
}
