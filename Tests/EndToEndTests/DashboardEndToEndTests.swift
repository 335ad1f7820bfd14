import Foundation
import XCTest

/// The dashboard in a real terminal: `closer demo --no-sync` in tmux, `4` opens it, Enter on a
/// number lists exactly that many leads, Esc comes back; and `closer overview --format json`.
final class DashboardEndToEndTests: XCTestCase {
    private var workspace: CloserProcess!

    override func setUpWithError() throws { workspace = try CloserProcess() }
    override func tearDown() { workspace?.cleanUp() }

    private func startUI(_ arguments: [String], width: Int = 80, height: Int = 24) throws -> TmuxSession {
        let binary = try CloserProcess.executable().path
        let directory = workspace.directory
        return try TmuxSession(
            command: [binary] + arguments, width: width, height: height,
            environment: [
                "HOME": directory.path, "TZ": "UTC",
                "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
                "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
            ],
            directory: directory)
    }

    /// The number after `label` on the screen line that starts with it.
    private func number(after label: String, in screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first(where: { $0.hasPrefix(label) }) else { return nil }
        let rest = line.dropFirst(label.count).drop { $0 == " " }
        return Int(rest.prefix { $0.isNumber || $0 == "," }.replacingOccurrences(of: ",", with: ""))
    }

    func testDrillIntoANumberListsExactlyThatManyLeadsAndEscComesBack() throws {
        let ui = try startUI(["demo", "--no-sync", "--leads", "400", "--db", workspace.database])
        defer { ui.kill() }
        try ui.waitFor(text: "1 of 400")
        try ui.send("4")
        // Wait for the whole screen (the title is drawn before the tables on a loaded machine).
        let dashboard = try ui.waitFor("the dashboard drawn down to the speed lines") {
            $0.contains("Dashboard · this week · whole team") && $0.contains("Stale 14d") && $0.contains("Owner")
        }
        print("dashboard at 80×24:\n" + dashboard)
        let customers = try XCTUnwrap(number(after: "customer", in: dashboard), dashboard)
        XCTAssertTrue(dashboard.contains("Owner") && dashboard.contains("Source") && dashboard.contains("Stale 14d"), dashboard)

        for _ in 0..<5 { try ui.send("j") }  // prospect → customer
        try ui.send("Enter")
        try ui.waitFor(text: "customer leads of the team")
        let list = try ui.waitFor(text: "1 of \(customers) ")
        let rows = list.split(separator: "\n").dropFirst(3).dropLast().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        XCTAssertFalse(rows.isEmpty)
        for row in rows { XCTAssertTrue(row.contains("customer"), "not a customer: \(row)") }
        try ui.sendEscape()
        let again = try ui.waitFor("back on the dashboard") {
            $0.contains("Dashboard · this week") && !$0.contains("customer leads of") && $0.contains("Stale 14d")
        }

        // The stale number of the whole team: down to the speed line, right to "stale".
        let staleLine = try XCTUnwrap(again.split(separator: "\n").first { $0.hasPrefix("Untouched") }.map(String.init))
        let stale = try XCTUnwrap(Int(staleLine.components(separatedBy: "Stale 14d").last?.trimmingCharacters(in: .whitespaces)
            .prefix { $0.isNumber || $0 == "," }.replacingOccurrences(of: ",", with: "") ?? ""), staleLine)
        try ui.send("j", "j", "l")
        try ui.send("Enter")
        try ui.waitFor(text: "stale leads of the team")
        try ui.waitFor(text: "1 of \(stale) ")
        try ui.sendEscape()
        try ui.waitFor(text: "Dashboard · this week")
        try ui.send("q")
    }

    func testOverviewJSONHasTheDocumentedShape() throws {
        let seeded = try workspace.run(["seed", "--leads", "300"])
        XCTAssertEqual(seeded.status, 0, seeded.stderr)
        let result = try workspace.run(["overview", "--format", "json", "--period", "all"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["generated_at", "period", "scope", "total", "by_status", "by_source", "by_owner", "speed_to_lead", "stale",
                    "weekly_created", "server"] {
            XCTAssertNotNil(object[key], "missing \(key)")
        }
        XCTAssertEqual(object["total"] as? Int, 300)
        XCTAssertTrue(object["server"] is NSNull)
        XCTAssertEqual((object["weekly_created"] as? [Int])?.count, 12)
        let statuses = try XCTUnwrap(object["by_status"] as? [[String: Any]])
        XCTAssertEqual(statuses.map { $0["count"] as? Int ?? 0 }.reduce(0, +), 300)
        let owner = try XCTUnwrap((object["by_owner"] as? [[String: Any]])?.first)
        for key in ["owner", "leads", "new", "customers", "conversion", "pending", "rejected", "appointments_today",
                    "appointments_week", "speed_to_lead", "stale"] {
            XCTAssertNotNil(owner[key], "by_owner misses \(key)")
        }
        let bad = try workspace.run(["overview", "--period", "year"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("expected one of today, week, month, 90d, all"), bad.stderr)
    }
}
