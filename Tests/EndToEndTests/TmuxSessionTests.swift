import XCTest

/// Proves the tmux harness itself reads what a program prints and types what a user types,
/// so the end-to-end tests built on it can be trusted.
final class TmuxSessionTests: XCTestCase {
    func testHarnessTypesKeysAndReadsTheScreen() throws {
        let session = try TmuxSession(command: ["/bin/sh", "-c", "read line; echo \"got:$line\"; sleep 30"], width: 40, height: 6)
        defer { session.kill() }
        try session.type("héllo 田中")
        try session.send("Enter")
        let screen = try session.waitFor(text: "got:héllo 田中")
        XCTAssertTrue(screen.contains("got:héllo 田中"))
    }

    func testHarnessReportsTheExitStatus() throws {
        let session = try TmuxSession(command: ["/bin/sh", "-c", "exit 3"], width: 40, height: 6)
        defer { session.kill() }
        XCTAssertEqual(try session.waitForExit(), 3)
    }
}
