import Foundation
import XCTest

/// "Nothing may disappear", in a real terminal: `closer demo` (embedded simulator, background
/// sync) in tmux as ana. A delete the server refuses comes back marked; mark-all counts every
/// lead; a changed form asks before it throws the changes away.
final class SafetyEndToEndTests: XCTestCase {
    private var workspace: CloserProcess!

    override func setUpWithError() throws {
        workspace = try CloserProcess()
    }

    override func tearDown() {
        workspace?.cleanUp()
    }

    private func startDemo(leads: Int) throws -> TmuxSession {
        let binary = try CloserProcess.executable().path
        let directory = workspace.directory
        return try TmuxSession(
            command: [binary, "demo", "--leads", String(leads), "--db", workspace.database], width: 80, height: 24,
            environment: [
                "HOME": directory.path,
                "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
                "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
            ],
            directory: directory)
    }

    func testARefusedDeleteComesBackMarkedAndIsFoundByTheRejectedFilter() throws {
        let ui = try startDemo(leads: 300)
        defer { ui.kill() }
        try ui.waitFor("the first pull") { $0.contains("1 of 300") && $0.contains("demo ●") }
        try ui.send(":")
        try ui.type("filter owner=ben")
        try ui.send("Enter")
        let bens = try ui.waitFor(text: "owner=ben")
        let selected = try XCTUnwrap(bens.split(separator: "\n").first { $0.hasPrefix(">") }.map(String.init))
        let name = String(selected.dropFirst(4).prefix(30)).trimmingCharacters(in: .whitespaces)
        try ui.send("d")
        try ui.waitFor(text: "(y/n)")
        try ui.send("y")
        let back = try ui.waitFor("the refused delete back in the list") { screen in
            screen.contains("1 rejected") && screen.split(separator: "\n").contains { $0.contains("! " + name) }
        }
        XCTAssertFalse(back.contains("0 of 0"), back)
        try ui.send("f", "r")
        let rejected = try ui.waitFor(text: "1 of 1")
        XCTAssertTrue(rejected.contains(name), rejected)
        try ui.send("Enter")
        try ui.waitFor(text: "Delete of lead rejected")
        try ui.send("X")
        try ui.waitFor(text: "Discard the refused delete")
        try ui.send("y")
        try ui.waitFor(text: "previous values restored")
        try ui.send("C-c")
    }

    func testMarkAllCountsEveryLeadAndAChangedFormAsksBeforeDiscarding() throws {
        let ui = try startDemo(leads: 1200)
        defer { ui.kill() }
        try ui.waitFor("the first pull") { $0.contains("1 of 1200") && $0.contains("demo ●") }
        try ui.send("*")
        try ui.waitFor(text: "Marked all 1200 leads shown")
        try ui.send("d")
        try ui.waitFor(text: "Delete 1200 marked leads? (y/n)")
        try ui.send("n")
        try ui.sendEscape()  // clears the marks
        try ui.send("Enter")
        try ui.waitFor(text: "E-mail")
        try ui.send("e")
        try ui.waitFor(text: "Edit lead")
        try ui.type("xy")
        try ui.send("Tab")
        try ui.type("z")
        try ui.sendEscape()
        try ui.waitFor(text: "Discard 2 changes? y/n")
        try ui.send("n")
        try ui.waitFor("back to editing") { !$0.contains("Discard 2 changes") && $0.contains("Edit lead") }
        try ui.sendEscape()
        try ui.sendEscape()
        try ui.waitFor(text: "Discarded 2 changes")
        try ui.send("C-c")
    }
}
