import Foundation
import XCTest

/// `closer import` of the CSV files people have: no owner column (the current user owns the
/// rows), `--owner` for the whole file, a row's own owner winning, all or nothing kept.
final class CommandLineImportOwnerTests: XCTestCase {
    private var closer: CloserProcess!

    override func setUpWithError() throws {
        closer = try CloserProcess()
        _ = try CloserProcess.executable()
    }

    override func tearDown() { closer?.cleanUp() }

    /// A spreadsheet export: names, e-mail, phone, one status, no owner and no source.
    private let noOwnerCSV = """
        First Name,Last Name,E-mail,Phone,Status\r
        Zoë,Müller,zoe@example.com,+4915112345678,contact\r
        翔太,田中,shota@example.jp,123456789,\r

        """

    /// Runs `closer ARGS` with no remote configured and `$USER` set (nil: unset).
    private func run(_ arguments: [String], user: String?) throws -> CloserProcess.Result {
        try closer.run(arguments, environment: ["USER": user, "CLOSER_REMOTE_URL": nil, "CLOSER_USERNAME": nil])
    }

    /// Writes `config` as the config file, then imports the file without an owner column as `$USER` ana.
    private func importNoOwnerFile(config: String) throws -> CloserProcess.Result {
        let directory = closer.directory.appendingPathComponent("config/closer")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(config.utf8).write(to: directory.appendingPathComponent("config"))
        return try run(["import", try closer.write("contacts.csv", noOwnerCSV)], user: "ana")
    }

    private func owners() throws -> [String: String] {
        var owners: [String: String] = [:]
        for lead in try closer.leadsJSON() {
            owners[lead["first_name"] as? String ?? "?"] = lead["owner"] as? String
        }
        return owners
    }

    func testFileWithoutOwnerColumnIsOwnedByUserAndSummarySaysSo() throws {
        let file = try closer.write("contacts.csv", noOwnerCSV)
        let result = try run(["import", file], user: "ana")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("imported 2 leads, owner ana (default) from "), result.stdout)
        XCTAssertEqual(try owners(), ["Zoë": "ana", "翔太": "ana"])
        let leads = try closer.leadsJSON()
        XCTAssertEqual(Set(leads.compactMap { $0["status"] as? String }), ["contact", "prospect"])
        XCTAssertTrue(leads.allSatisfy { ($0["source"] as? String ?? "").isEmpty }, "\(leads)")
    }

    func testConfiguredRemoteUsernameBeatsUserVariable() throws {
        let result = try importNoOwnerFile(config: """
            [remote "crm"]
                kind = leads-crm
                url = http://127.0.0.1:9/api
                username = ben
                api_key_cmd = echo k
                token_cmd = echo t

            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("owner ben (default)"), result.stdout)
        XCTAssertEqual(try owners(), ["Zoë": "ben", "翔太": "ben"])
    }

    func testWithSeveralRemotesTheLeadCRMsUsernameIsTheDefault() throws {
        let result = try importNoOwnerFile(config: """
            [remote "inbox"]
                kind = zenvia
                url = http://127.0.0.1:9/zenvia
                username = zed
                api_key_cmd = echo z

            [remote "main"]
                kind = leads-crm
                url = http://127.0.0.1:9/api
                username = chen
                api_key_cmd = echo k
                token_cmd = echo t

            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("owner chen (default)"), "the lead CRM is the primary remote, as in the TUI: \(result.stdout)")
        XCTAssertEqual(try owners(), ["Zoë": "chen", "翔太": "chen"])
    }

    func testOwnerOptionOverridesTheDefaultForTheWholeFile() throws {
        let file = try closer.write("contacts.csv", noOwnerCSV)
        let result = try run(["import", "--owner", "chen", file], user: "ana")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("imported 2 leads, owner chen (--owner)"), result.stdout)
        XCTAssertEqual(try owners(), ["Zoë": "chen", "翔太": "chen"])
    }

    func testRowOwnerWinsAndBlankCellsTakeOwnerOptionOnly() throws {
        let csv = "first_name,last_name,email,phone,owner\nAda,Lee,ada@example.com,123456789,dara\nBo,Kim,bo@example.com,123456789,\n"
        let file = try closer.write("owned.csv", csv)
        let without = try run(["import", file], user: "ana")
        XCTAssertEqual(without.status, 1)
        XCTAssertEqual(without.stderrLines.first, "\(file):3: owner: This field may not be blank.")
        XCTAssertEqual(try closer.leadsJSON().count, 0)

        let with = try run(["import", "--owner", "chen", file], user: "ana")
        XCTAssertEqual(with.status, 0, with.stderr)
        XCTAssertTrue(with.stdout.contains("owner chen (--owner for 1 of them)"), with.stdout)
        XCTAssertEqual(try owners(), ["Ada": "dara", "Bo": "chen"])
    }

    func testDefaultOwnerKeepsAllOrNothingAndPerLineErrors() throws {
        let csv = "first_name,last_name,email,phone\nAda,Lee,ada@example.com,123456789\n,Kim,bad,12ab\n"
        let file = try closer.write("bad.csv", csv)
        let result = try run(["import", file], user: "ana")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(Array(result.stderrLines.dropLast()), [
            "\(file):3: first_name: This field may not be blank.",
            "\(file):3: email: Invalid email.",
            "\(file):3: phone: Phone number must be entered in the format: '999999999'. Up to 15 digits allowed.",
        ])
        XCTAssertTrue(result.stderrLines.last?.contains("nothing imported") == true, result.stderr)
        XCTAssertEqual(try closer.leadsJSON().count, 0)
    }

    func testNoCurrentUserStillRequiresTheOwnerColumn() throws {
        let file = try closer.write("contacts.csv", noOwnerCSV)
        let result = try run(["import", file], user: nil)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("header: missing required column owner"), result.stderr)
        XCTAssertTrue(result.stderr.contains("no current user to own the rows"), result.stderr)
        XCTAssertTrue(result.stderr.contains("give --owner NAME"), result.stderr)
        XCTAssertEqual(try closer.leadsJSON().count, 0)
    }

    func testHelpSaysTheOwnerDefault() throws {
        let help = try run(["import", "--help"], user: "ana").stdout
        XCTAssertTrue(help.contains("--owner NAME"), help)
        XCTAssertTrue(help.contains("the current user (the configured remote's username, else $USER)"), help)
    }
}
