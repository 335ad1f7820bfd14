import Foundation
import XCTest

final class CommandLineImportTests: XCTestCase {
    private var closer: CloserProcess!

    override func setUpWithError() throws {
        closer = try CloserProcess()
        _ = try CloserProcess.executable()
    }

    override func tearDown() { closer?.cleanUp() }

    /// Two good rows and two bad ones; the first good row spans lines 2–3, so the bad rows sit on
    /// physical lines 4 and 6 (the second bad row spans 6–7).
    private let mixedCSV = """
        First Name,Last Name,E-mail,Phone,Assignee,Message,Status\r
        Zoë,Müller,zoe@example.com,+4915112345678,alice,"Hello,\nworld",Potential\r
        ,Smith,not-an-email,12ab,alice,,\r
        翔太,田中,shota@example.jp,123456789,bob,,customer\r
        "Ann\nMarie",Lee,ann@example.com,123456789,,,won\r

        """

    func testImportWithBadRowsReportsEachAsFileLineFieldMessageAndImportsNothing() throws {
        let file = try closer.write("mixed.csv", mixedCSV)
        let result = try closer.run(["import", file])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(Array(result.stderrLines.dropLast()), [
            "\(file):4: first_name: This field may not be blank.",
            "\(file):4: email: Invalid email.",
            "\(file):4: phone: Phone number must be entered in the format: '999999999'. Up to 15 digits allowed.",
            "\(file):6: status: won is not a valid choice.",
            "\(file):6: owner: This field may not be blank.",
        ])
        XCTAssertTrue(result.stderrLines.last?.contains("nothing imported") == true, result.stderr)
        XCTAssertEqual(try closer.leadsJSON().count, 0)
        let doctor = try closer.run(["doctor"])
        XCTAssertTrue(doctor.stdout.contains("0 leads,"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("outbox: 0 pending, 0 inflight, 0 rejected"), doctor.stdout)
    }

    func testDryRunValidatesWithoutWriting() throws {
        let file = try closer.write("mixed.csv", mixedCSV)
        let result = try closer.run(["import", "--dry-run", file])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderrLines.count, 5)
        XCTAssertTrue(result.stdout.contains("2 valid rows, 2 invalid rows (dry run: nothing imported)"), result.stdout)
        XCTAssertEqual(try closer.leadsJSON().count, 0)
    }

    func testSkipInvalidImportsTheGoodRowsIntoTheOutboxAndReportsTheBad() throws {
        let file = try closer.write("mixed.csv", mixedCSV)
        let result = try closer.run(["import", file, "--skip-invalid"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderrLines.count, 5)
        XCTAssertTrue(result.stdout.contains("imported 2 leads"), result.stdout)
        let leads = try closer.leadsJSON()
        XCTAssertEqual(Set(leads.compactMap { $0["first_name"] as? String }), ["Zoë", "翔太"])
        let zoe = try XCTUnwrap(leads.first { $0["first_name"] as? String == "Zoë" })
        XCTAssertEqual(zoe["message"] as? String, "Hello,\nworld")
        XCTAssertEqual(zoe["status"] as? String, "potential")
        XCTAssertEqual(zoe["owner"] as? String, "alice")
        let doctor = try closer.run(["doctor"])
        XCTAssertTrue(doctor.stdout.contains("outbox: 2 pending"), doctor.stdout)
        let table = try closer.run(["leads"]).stdout.split(separator: "\n")
        XCTAssertEqual(table.count, 3)
        XCTAssertTrue(table.dropFirst().allSatisfy { $0.hasSuffix("  pending") }, "\(table)")
    }

    func testExportThenImportIntoAFreshDatabaseIsLossless() throws {
        let source = #"""
            first_name,last_name,email,phone,company,job_title,location,message,status,source,owner,label,created_at,updated_at,metadata,Region
            Zoë,"O'Brien ""the 2nd""",zoe@example.com,+4915112345678,"Rocket 🚀 Labs, Inc.",CTO,東京,"Line one
            Line ""two"", with comma\#r
            three",customer,reddit,alice,vip,2025-01-02T03:04:05Z,2025-02-03T04:05:06Z,"{""crm"":""42"",""empty"":""""}",EMEA
            翔太,田中,shota@example.jp,123456789,株式会社さくら,営業,大阪,こんにちは 👋🏽,contact,website,bob,,2024-12-31T23:59:59Z,,,
            François,Lefèvre,francois@example.fr,+33612345678,Café ☕ Central,Gérant,Besançon,Ça va? Ñuño — «quotes»,,,chloé,,,,,
            محمد,العلي,mohammed@example.ae,971501234567,شركة النور,,دبي,‏مرحبا,prospect,other,dara,,2023-06-15 10:30,,,

            """#
        let file = try closer.write("source.csv", source)
        let first = try closer.run(["import", file])
        XCTAssertEqual(first.status, 0, first.stderr)
        let exported = closer.directory.appendingPathComponent("export.csv").path
        let export = try closer.run(["export", "--output", exported])
        XCTAssertEqual(export.status, 0, export.stderr)

        let fresh = closer.directory.appendingPathComponent("fresh.db").path
        let second = try closer.run(["import", exported], database: .some(fresh))
        XCTAssertEqual(second.status, 0, second.stderr)

        let original = try closer.leadsJSON()
        let copy = try closer.leadsJSON(database: fresh)
        XCTAssertEqual(original.count, 4)
        XCTAssertEqual(try canonical(original), try canonical(copy))
        let zoe = try XCTUnwrap(copy.first { $0["first_name"] as? String == "Zoë" })
        XCTAssertEqual(zoe["last_name"] as? String, "O'Brien \"the 2nd\"")
        XCTAssertEqual(zoe["message"] as? String, "Line one\nLine \"two\", with comma\r\nthree")
        XCTAssertEqual(zoe["company"] as? String, "Rocket 🚀 Labs, Inc.")
        XCTAssertEqual(zoe["metadata"] as? [String: String], ["crm": "42", "empty": "", "Region": "EMEA"])
        XCTAssertEqual(zoe["created_at"] as? String, "2025-01-02T03:04:05Z")

        let reexported = try closer.run(["export"], database: .some(fresh))
        XCTAssertEqual(reexported.stdout, try String(contentsOfFile: exported, encoding: .utf8))
    }

    func testUnreadableEmptyAndNonUTF8FilesAndMissingHeadersFailWithOneClearLine() throws {
        let cases: [(String, String)] = [
            ("missing.csv", "closer import: cannot read missing.csv: no such file"),
            (try closer.write("empty.csv", ""), "the file is empty"),
            (try closer.write("latin1.csv", Data("first_name,last_name,email,phone,owner\nZo\u{EB}".utf8.map { $0 }.prefix(44) + [0xEB, 0x0A])),
             "text is not valid UTF-8"),
            (try closer.write("header.csv", "name,email\nZoë,zoe@example.com\n"),
             "header: missing required columns first_name, last_name, phone"),
            (try closer.write("quote.csv", "first_name,last_name,email,phone,owner\nA,\"B,c@d.ef,123456789,al\n"),
             ":2: quoted field is never closed"),
        ]
        for (file, message) in cases {
            let result = try closer.run(["import", file])
            XCTAssertEqual(result.status, 1, file)
            XCTAssertEqual(result.stderrLines.count, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains(message), "\(file): \(result.stderr)")
        }
        let directory = try closer.run(["import", closer.directory.path])
        XCTAssertTrue(directory.stderr.contains("it is a directory"), directory.stderr)
    }

    /// Rows as JSON text without the local ids, sorted, for comparing two databases.
    private func canonical(_ leads: [[String: Any]]) throws -> [String] {
        try leads.map { lead in
            var lead = lead
            lead["id"] = nil
            return String(decoding: try JSONSerialization.data(withJSONObject: lead, options: [.sortedKeys]), as: UTF8.self)
        }.sorted()
    }
}
