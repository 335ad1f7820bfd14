import Foundation
import XCTest

/// The pane shell and issue 12's terminal items in a real terminal: the real `closer demo
/// --no-sync` in tmux under xterm-256color and vt100, with global options before the command.
final class PaneShellEndToEndTests: XCTestCase {
    private var workspace: CloserProcess!

    override func setUpWithError() throws {
        workspace = try CloserProcess()
    }

    override func tearDown() {
        workspace?.cleanUp()
    }

    private func startUI(_ arguments: [String], term: String = "xterm-256color", width: Int = 80, height: Int = 24) throws -> TmuxSession {
        let binary = try CloserProcess.executable().path
        let directory = workspace.directory
        return try TmuxSession(
            command: [binary] + arguments, width: width, height: height,
            environment: [
                "TERM": term,
                "HOME": directory.path,
                "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
                "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
            ],
            directory: directory)
    }

    func testTabBarDigitsAndAliasesInARealTerminal() throws {
        let ui = try startUI(["demo", "--no-sync"])
        defer { ui.kill() }
        let first = try ui.waitFor(text: "of 2000")
        XCTAssertEqual(first.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces).hasPrefix("1 Leads") }, true)
        try ui.send("2")
        try ui.waitFor(text: "Agenda · from")  // the calendar pane (tab 2)
        try ui.send(":")
        try ui.type("dashboard")
        try ui.send("Enter")
        try ui.waitFor(text: "Dashboard · this week")  // the dashboard pane (tab 4), by its alias
        try ui.send("1", "j")
        let screen = try ui.waitFor(text: "2 of 2000")
        XCTAssertTrue(screen.contains("All leads"), "1 keeps the Leads pane")
    }

    func testVt100PickerShowsTheSelectionInReverse() throws {
        let ui = try startUI(["demo", "--no-sync"], term: "vt100")
        defer { ui.kill() }
        try ui.waitFor(text: "of 2000")
        try ui.send("f", "s")
        try ui.waitFor(text: "Filter by status")
        try ui.send("Down")
        try ui.waitFor(text: "Filter by status")
        Thread.sleep(forTimeInterval: 0.3)
        let styled = try ui.screenWithAttributes()
        let line = try XCTUnwrap(styled.split(separator: "\n").first { $0.contains(" tentative ") && $0.contains("│") },
                                 "the second status in the picker")
        let before = line.components(separatedBy: " tentative ").first ?? ""
        XCTAssertTrue(before.hasSuffix("\u{1B}[7m"), "the selected option is drawn in reverse on a terminal without colour: \(line.debugDescription)")
    }

    func testGlobalKeymapBeforeTheCommandApplies() throws {
        let ui = try startUI(["--keymap", "vim", "demo", "--no-sync"])
        defer { ui.kill() }
        try ui.waitFor(text: "of 2000")
        try ui.send("x")  // vim preset: x marks; unbound in the default keys
        try ui.waitFor(text: "1 marked")
    }

    func testUnknownGlobalKeymapWarns() throws {
        let ui = try startUI(["--keymap", "nosuch", "demo", "--no-sync"])
        defer { ui.kill() }
        let screen = try ui.waitFor(text: "keymap not found")
        XCTAssertTrue(screen.contains("nosuch"), screen)
    }
}
