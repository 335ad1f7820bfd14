import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The calendar in a real terminal (tmux) on `closer demo` with its embedded simulator: open it
/// with `2` and `:calendar`, switch views, create an appointment for a lead and see it pushed
/// (the simulator's `/_sim/state` has it), then try an overlapping one and see the vendor's
/// message on screen while nothing more reaches the server.
final class CalendarEndToEndTests: XCTestCase {
    private var workspace: CloserProcess!

    override func setUpWithError() throws { workspace = try CloserProcess() }
    override func tearDown() { workspace?.cleanUp() }

    /// A port the kernel says is free right now (the demo is then told to use it).
    private func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw XCTSkip("no sockets") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw XCTSkip("cannot bind a loopback socket") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The simulator's appointments (`/_sim/state`).
    private func simulatorAppointments(port: Int) throws -> [[String: Any]] {
        let url = URL(string: "http://127.0.0.1:\(port)/_sim/state")!
        let data = try Data(contentsOf: url)
        let state = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return state["appointments"] as? [[String: Any]] ?? []
    }

    private func startDemo(port: Int) throws -> TmuxSession {
        let binary = try CloserProcess.executable().path
        let directory = workspace.directory
        return try TmuxSession(
            command: [binary, "demo", "--leads", "120", "--port", String(port), "--db", workspace.database],
            width: 80, height: 24,
            environment: [
                "HOME": directory.path, "TZ": "UTC",
                "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
                "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
            ],
            directory: directory)
    }

    func testCalendarOpensSwitchesViewsCreatesAPushedAppointmentAndRefusesAnOverlapBeforeSending() throws {
        let port = try freePort()
        let ui = try startDemo(port: port)
        defer { ui.kill() }
        _ = try ui.waitFor(text: "of 120")  // the first pull arrived

        try ui.send("2")
        var screen = try ui.waitFor(text: "Agenda · from")
        XCTAssertTrue(screen.contains("2 Calendar"), screen)
        try ui.send("v")
        _ = try ui.waitFor(text: "Day · ")
        try ui.send("v")
        screen = try ui.waitFor(text: "Week · ")
        XCTAssertTrue(screen.contains("Mon") && screen.contains("Sun"), screen)
        try ui.send("v")
        _ = try ui.waitFor(text: "Month · ")
        try ui.send("1")
        _ = try ui.waitFor(text: "All leads")
        try ui.send(":")
        try ui.type("calendar")
        try ui.send("Enter")
        _ = try ui.waitFor(text: "Month · ")

        // A lead of the demo user (ana): the server only takes appointments of one's own leads.
        try ui.send("1")
        try ui.send(":")
        try ui.type("filter owner=ana")
        try ui.send("Enter")
        _ = try ui.waitFor(text: "owner")
        try ui.send("Enter")
        _ = try ui.waitFor(text: "First name")
        try ui.send("A")
        _ = try ui.waitFor(text: "New appointment · ")
        try ui.send("C-u")
        try ui.type("2031-03-04 10:00")
        try ui.send("Tab")
        try ui.send("C-u")
        try ui.type("2031-03-04 10:45")
        try ui.send("Tab")
        try ui.send("C-u")
        try ui.type("E2E calendar check")
        try ui.send("C-s")
        _ = try ui.waitFor(text: "Appointment saved")

        let deadline = Date().addingTimeInterval(30)
        var pushed: [[String: Any]] = []
        while Date() < deadline {
            pushed = try simulatorAppointments(port: port).filter { $0["appointment_date"] as? String == "2031-03-04 10:00" }
            if !pushed.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.3)
        }
        XCTAssertEqual(pushed.count, 1, "the simulator has the new appointment")
        XCTAssertEqual(pushed.first?["appointment_note"] as? String, "E2E calendar check")
        XCTAssertEqual(pushed.first?["appointment_to"] as? String, "2031-03-04 10:45")

        // The same hour again for the same user: refused locally with the vendor's words.
        try ui.send("A")
        _ = try ui.waitFor(text: "New appointment · ")
        try ui.send("C-u")
        try ui.type("2031-03-04 10:30")
        try ui.send("Tab")
        try ui.send("C-u")
        try ui.type("2031-03-04 11:00")
        try ui.send("C-s")
        screen = try ui.waitFor(text: "Appointment schedule exists for this time.")
        Thread.sleep(forTimeInterval: 1)
        let overlapping = try simulatorAppointments(port: port).filter { ($0["appointment_date"] as? String ?? "").hasPrefix("2031-03-04") }
        XCTAssertEqual(overlapping.count, 1, "nothing was sent: \(overlapping)")
        try ui.sendEscape()

        try ui.send("2")
        try ui.send(":")
        try ui.type("date 2031-03-04")
        try ui.send("Enter")
        screen = try ui.waitFor(text: "E2E calendar check")
        print("calendar after the push:\n\(screen)")
    }
}
