import Foundation
import XCTest
@testable import Core

final class CSVLeadImportTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_700_000_000)

    private func read(_ text: String) throws -> LeadCSVImport {
        try LeadCSVImport.read(Data(text.utf8), now: now)
    }

    func testHeaderAliasesMapCaseInsensitively() throws {
        let mapper = try LeadCSVMapper(header: ["First Name", "LASTNAME", "E-mail", "Phone", "Assignee", "Job Title", "Extra Col"])
        XCTAssertEqual(mapper.slots, [.column(.firstName), .column(.lastName), .column(.email), .column(.phone),
                                      .column(.owner), .column(.jobTitle), .extra("Extra Col")])
    }

    func testMissingRequiredColumnsAreNamed() {
        XCTAssertThrowsError(try read("first_name,email\nZoë,z@example.com\n")) { error in
            let report = (error as? LeadCSVFileError)?.report(file: "in.csv") ?? ""
            XCTAssertTrue(report.hasPrefix("in.csv:1: header: missing required columns last_name, phone, owner"), report)
        }
    }

    func testDuplicateColumnsAreRejected() {
        XCTAssertThrowsError(try read("first_name,firstname,last_name,email,phone,owner\n")) { error in
            let report = (error as? LeadCSVFileError)?.report(file: "f.csv") ?? ""
            XCTAssertTrue(report.contains("'first_name' and 'firstname' both mean first_name"), report)
        }
    }

    func testEmptyFileIsRejected() {
        XCTAssertThrowsError(try read("")) { XCTAssertEqual($0 as? LeadCSVFileError, .empty) }
        XCTAssertThrowsError(try read("\n\n")) { XCTAssertEqual($0 as? LeadCSVFileError, .empty) }
    }

    func testBadRowsReportEveryVendorMessageWithTheirLine() throws {
        let text = """
        first_name,last_name,email,phone,owner,status,source
        Zoë,Müller,zoe@example.com,+4915112345678,alice,Potential,Website
        ,Smith,not-an-email,12ab,alice,,
        "Multi
        line",Name,ok@example.com,123456789,,won,fax

        """
        let result = try read(text)
        XCTAssertEqual(result.rows.count, 1)
        XCTAssertEqual(result.rows.first?.line, 2)
        XCTAssertEqual(result.rows.first?.lead.status, .potential)
        XCTAssertEqual(result.rows.first?.lead.source, .website)
        XCTAssertEqual(result.report(file: "leads.csv"), [
            "leads.csv:3: first_name: This field may not be blank.",
            "leads.csv:3: email: Invalid email.",
            "leads.csv:3: phone: Phone number must be entered in the format: '999999999'. Up to 15 digits allowed.",
            "leads.csv:4: status: won is not a valid choice.",
            "leads.csv:4: source: fax is not a valid choice.",
            "leads.csv:4: owner: This field may not be blank.",
        ])
    }

    func testWrongFieldCountAndBadTimesAndMetadataAreRowErrors() throws {
        let text = """
        first_name,last_name,email,phone,owner,created_at,metadata
        A,B,a@example.com,123456789,al
        A,B,a@example.com,123456789,al,yesterday,[1]
        """
        let result = try read(text)
        XCTAssertEqual(result.report(file: "x.csv"), [
            "x.csv:2: row: Expected 7 fields (one per header column), found 5.",
            "x.csv:3: created_at: Invalid date format.",
            "x.csv:3: metadata: " + LeadCSVMetadata.invalidMessage,
        ])
    }

    func testDefaultsAndUnknownColumnsBecomeMetadata() throws {
        let result = try read("first_name,last_name,email,phone,owner,CRM Id,Region\nA,B,a@example.com,123456789,al,42,\n")
        let lead = try XCTUnwrap(result.rows.first?.lead)
        XCTAssertEqual(lead.status, .prospect)
        XCTAssertNil(lead.source)
        XCTAssertEqual(lead.createdAt, now)
        XCTAssertEqual(lead.updatedAt, now)
        XCTAssertEqual(lead.metadata, ["CRM Id": "42"])
    }

    func testSyntaxErrorReportsFileAndLine() {
        XCTAssertThrowsError(try read("first_name,last_name,email,phone,owner\nA,B,\"oops,1,al\n")) { error in
            XCTAssertEqual((error as? LeadCSVFileError)?.report(file: "f.csv").hasPrefix("f.csv:2: quoted field is never closed"), true)
        }
    }

    func testExportThenImportIsLossless() throws {
        let leads = [
            Lead(firstName: "Zoë", lastName: "O'Brien \"Jr\"", email: "zoe@example.com", phone: "+4915112345678",
                 company: "Rocket 🚀 Labs, Inc.", jobTitle: "CTO", location: "東京", message: "Line 1\nLine 2\r\n\"quoted\", comma",
                 source: .reddit, status: .customer, owner: "alice", label: "vip",
                 createdAt: Date(timeIntervalSince1970: 1_600_000_000.25), updatedAt: Date(timeIntervalSince1970: 1_650_000_000),
                 metadata: ["crm_id": "42", "note": "a \"b\"\n\u{1B}c", "empty": ""]),
            Lead(firstName: "翔太", lastName: "田中", email: "shota@example.jp", phone: "123456789", owner: "bob",
                 createdAt: Date(timeIntervalSince1970: 1_600_000_100)),
        ]
        let writer = CSVWriter()
        let text = writer.record(LeadCSVMapper.exportHeader) + leads.map { writer.record(LeadCSVMapper.exportFields($0)) }.joined()
        let result = try read(text)
        XCTAssertEqual(result.rowErrors, [])
        XCTAssertEqual(result.rows.map(\.lead), leads)
    }
}

/// The default owner of rows that name none (`closer import` without an owner column, `--owner`).
final class CSVLeadImportOwnerDefaultTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_700_000_000)

    func testNoOwnerColumnTakesTheDefaultAndMarksTheRows() throws {
        let text = "first_name,last_name,email,phone\nZoë,Müller,zoe@example.com,123456789\n"
        let result = try LeadCSVImport.read(Data(text.utf8), now: now,
                                            ownerDefault: LeadCSVOwnerDefault(name: "ana", isExplicit: false, origin: "$USER"))
        XCTAssertEqual(result.rows.map(\.lead.owner), ["ana"])
        XCTAssertEqual(result.defaultedOwnerCount, 1)
        XCTAssertEqual(result.rows.first?.lead.source, nil)
    }

    func testRowOwnerWinsAndBlankCellsTakeOnlyAnExplicitDefault() throws {
        let text = "first_name,last_name,email,phone,owner\nA,B,a@example.com,123456789,dara\nC,D,c@example.com,123456789,\n"
        let implicit = try LeadCSVImport.read(Data(text.utf8), now: now,
                                              ownerDefault: LeadCSVOwnerDefault(name: "ana", isExplicit: false, origin: "$USER"))
        XCTAssertEqual(implicit.rows.map(\.lead.owner), ["dara"])
        XCTAssertEqual(implicit.report(file: "f"), ["f:3: owner: This field may not be blank."])
        let explicit = try LeadCSVImport.read(Data(text.utf8), now: now,
                                              ownerDefault: LeadCSVOwnerDefault(name: "chen", isExplicit: true, origin: "--owner"))
        XCTAssertEqual(explicit.rows.map(\.lead.owner), ["dara", "chen"])
        XCTAssertEqual(explicit.rows.map(\.ownerDefaulted), [false, true])
    }
}
