import Foundation
import XCTest

/// `closer agenda` run as a subprocess on a seeded database: the ICS it writes parses with
/// python's `icalendar` (a standard RFC 5545 library) and round-trips every appointment of the
/// range that the JSON lists; lines are CRLF and folded at 75 octets; bad options exit 2.
final class CommandLineAgendaTests: XCTestCase {
    private var closer: CloserProcess!

    override func setUpWithError() throws {
        closer = try CloserProcess()
        _ = try CloserProcess.executable()
    }

    override func tearDown() { closer?.cleanUp() }

    /// Runs python3 with `script`; nil when python3 is missing.
    private func python(_ script: String, arguments: [String] = []) throws -> (status: Int32, stdout: String, stderr: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return nil }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Makes sure python's `icalendar` is importable (pip-installing it if needed), else skips.
    private func requireICalendar() throws {
        guard let check = try python("import icalendar") else { throw XCTSkip("python3 is not installed") }
        if check.status == 0 { return }
        let install = Process()
        install.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        install.arguments = ["python3", "-m", "pip", "install", "--quiet", "icalendar"]
        install.standardOutput = FileHandle.nullDevice
        install.standardError = FileHandle.nullDevice
        try? install.run()
        install.waitUntilExit()
        guard try python("import icalendar")?.status == 0 else {
            throw XCTSkip("python icalendar is not installed and pip could not install it (no network?)")
        }
    }

    func testICSParsesWithICalendarAndRoundTripsEveryAppointmentOfTheRange() throws {
        try requireICalendar()
        XCTAssertEqual(try closer.run(["seed", "--leads", "2000"]).status, 0)
        let range = ["--all", "--from", "2020-01-01", "--days", "3660"]
        let json = try closer.run(["agenda", "--format", "json"] + range)
        XCTAssertEqual(json.status, 0, json.stderr)
        let appointments = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertGreaterThan(appointments.count, 300, "2,000 demo leads have about 400 appointments")
        let keys = Set(appointments.first?.keys.map { $0 } ?? [])
        XCTAssertTrue(["id", "lead_id", "lead_name", "start", "end", "note", "status", "owner", "sync"].allSatisfy(keys.contains), "\(keys)")

        let ics = try closer.run(["agenda", "--format", "ics"] + range)
        XCTAssertEqual(ics.status, 0, ics.stderr)
        let lines = ics.stdout.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.last, "", "ends with CRLF")
        for line in lines {
            XCTAssertLessThanOrEqual(line.utf8.count, 75, "folded at 75 octets: \(line)")
            XCTAssertFalse(line.contains("\n") || line.contains("\r"), "bare LF/CR in a line")
        }
        XCTAssertTrue(ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        let path = try closer.write("agenda.ics", ics.stdout)

        let script = """
        import icalendar, json, sys
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = []
        for event in cal.walk('VEVENT'):
            out.append({'uid': str(event['UID']), 'start': event.decoded('DTSTART').strftime('%Y-%m-%dT%H:%M:%SZ'),
                        'end': event.decoded('DTEND').strftime('%Y-%m-%dT%H:%M:%SZ'),
                        'utc': event.decoded('DTSTART').utcoffset().total_seconds() == 0,
                        'summary': str(event['SUMMARY']), 'description': str(event.get('DESCRIPTION', '')),
                        'status': str(event['STATUS']), 'closer_status': str(event['X-CLOSER-STATUS'])})
        print(json.dumps({'version': str(cal['VERSION']), 'prodid': str(cal['PRODID']), 'events': out}))
        """
        let parsed = try XCTUnwrap(try python(script, arguments: [path]))
        XCTAssertEqual(parsed.status, 0, parsed.stderr)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(document["version"] as? String, "2.0")
        let events = try XCTUnwrap(document["events"] as? [[String: Any]])
        XCTAssertEqual(events.count, appointments.count, "one VEVENT per appointment")
        let byUID = Dictionary(uniqueKeysWithValues: events.map { ($0["uid"] as? String ?? "", $0) })
        let mapping = ["pending": "TENTATIVE", "rescheduled": "TENTATIVE", "confirmed": "CONFIRMED",
                       "fullfilled": "CONFIRMED", "cancelled": "CANCELLED"]
        for appointment in appointments {
            let id = try XCTUnwrap(appointment["id"] as? Int)
            let event = try XCTUnwrap(byUID["closer-appointment-\(id)@closer"], "appointment \(id) missing")
            XCTAssertEqual(event["start"] as? String, appointment["start"] as? String)
            XCTAssertEqual(event["end"] as? String, appointment["end"] as? String)
            XCTAssertEqual(event["utc"] as? Bool, true)
            let name = try XCTUnwrap(appointment["lead_name"] as? String)
            let note = try XCTUnwrap(appointment["note"] as? String)
            XCTAssertEqual(event["summary"] as? String, "\(name) — \(note)", "escaping round-trips")
            let status = try XCTUnwrap(appointment["status"] as? String)
            XCTAssertEqual(event["status"] as? String, mapping[status])
            XCTAssertEqual(event["closer_status"] as? String, status)
            XCTAssertTrue((event["description"] as? String ?? "").contains("E-mail: "))
        }

        let again = try closer.run(["agenda", "--format", "ics"] + range)
        let uids = { (text: String) in text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        XCTAssertEqual(uids(again.stdout), uids(ics.stdout), "UIDs stay the same across exports")
    }

    func testDefaultIsTheCurrentUsersNextSevenDaysAndBadOptionsExitTwo() throws {
        XCTAssertEqual(try closer.run(["seed", "--leads", "500"]).status, 0)
        let table = try closer.run(["agenda", "--owner", "ana", "--from", "2020-01-01", "--days", "3660"])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("–"), table.stdout)
        let json = try closer.run(["agenda", "--owner", "ana", "--from", "2020-01-01", "--days", "3660", "--format", "json"])
        let mine = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertFalse(mine.isEmpty)
        XCTAssertTrue(mine.allSatisfy { $0["owner"] as? String == "ana" })
        let pending = try closer.run(["agenda", "--all", "--status", "pending", "--from", "2020-01-01", "--days", "3660", "--format", "json"])
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(pending.stdout.utf8)) as? [[String: Any]])
        XCTAssertTrue(rows.allSatisfy { $0["status"] as? String == "pending" })
        for bad in [["--from", "24.12.2026"], ["--days", "0"], ["--format", "xml"], ["--status", "done"], ["--all", "--owner", "ana"]] {
            let result = try closer.run(["agenda"] + bad)
            XCTAssertEqual(result.status, 2, "\(bad): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("closer: "), result.stderr)
        }
    }
}
