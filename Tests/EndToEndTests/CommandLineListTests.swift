import Foundation
import XCTest

final class CommandLineListTests: XCTestCase {
    private var closer: CloserProcess!

    override func setUpWithError() throws {
        closer = try CloserProcess()
        _ = try CloserProcess.executable()
    }

    override func tearDown() { closer?.cleanUp() }

    private func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    func testSeedThenSearchZoePrintsOnlyLeadsMatchingZoeOrZoë() throws {
        let seed = try closer.run(["seed", "--leads", "2000"])
        XCTAssertEqual(seed.status, 0, seed.stderr)
        XCTAssertTrue(seed.stdout.hasPrefix("seeded 2000 leads"), seed.stdout)

        let table = try closer.run(["leads", "--search", "zoe", "--limit", "5"])
        XCTAssertEqual(table.status, 0, table.stderr)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 6, table.stdout)  // header + 5
        XCTAssertTrue(lines[0].contains("NAME"))
        for line in lines.dropFirst() {
            XCTAssertTrue(folded(line).contains("zoe"), "row without zoe: \(line)")
        }

        let json = try closer.run(["leads", "--search", "Zoë", "--limit", "5", "--format", "json"])
        let leads = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(leads.count, 5)
        for lead in leads {
            let words = ["first_name", "last_name", "email", "company"].compactMap { lead[$0] as? String }
                .flatMap { folded($0).split(whereSeparator: { !$0.isLetter && !$0.isNumber }) }
            XCTAssertTrue(words.contains { $0.hasPrefix("zoe") }, "\(lead)")
        }

        let all = try closer.run(["leads", "--search", "zoe", "--limit", "all", "--format", "json"])
        let matches = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        XCTAssertTrue(matches.contains { $0["first_name"] as? String == "Zoë" }, "'zoe' must find 'Zoë'")
        XCTAssertLessThan(matches.count, 2000)
    }

    func testFiltersSortAndLimitApply() throws {
        XCTAssertEqual(try closer.run(["seed", "--leads", "300"]).status, 0)
        let leads = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try closer.run(
            ["leads", "--status", "customer,contact", "--sort", "created", "--reverse", "--limit", "all", "--format", "json"]
        ).stdout.utf8)) as? [[String: Any]])
        XCTAssertFalse(leads.isEmpty)
        XCTAssertTrue(leads.allSatisfy { ["customer", "contact"].contains($0["status"] as? String ?? "") })
        let created = leads.compactMap { $0["created_at"] as? String }
        XCTAssertEqual(created, created.sorted(by: >))
        let csv = try closer.run(["leads", "--limit", "7", "--format", "csv"])
        XCTAssertEqual(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 8)
        XCTAssertTrue(csv.stdout.hasPrefix("first_name,last_name,email,phone,"))
    }

    func testHostileEscapeSequencesInAnImportedCSVNeverReachTheTableRaw() throws {
        let hostile = """
            first_name,last_name,email,phone,owner,company,message
            "\u{1B}]0;pwned\u{07}Eve","\u{1B}[2J\u{1B}[31mRed\u{1B}[0m",eve@example.com,123456789,"\u{9B}31mmal\u{202E}lory",\
            "Evil\u{1B}P+q\u{1B}\\ Corp\u{7F}","line\u{1B}[1A\nup"

            """
        let file = try closer.write("hostile.csv", hostile)
        let imported = try closer.run(["import", file])
        XCTAssertEqual(imported.status, 0, imported.stderr)

        let table = try closer.run(["leads"])
        XCTAssertEqual(table.status, 0)
        for scalar in table.stdout.unicodeScalars {
            let v = scalar.value
            XCTAssertFalse((v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v),
                           "raw control U+\(String(v, radix: 16)) in table output")
        }
        XCTAssertTrue(table.stdout.contains("Eve Red"), table.stdout)
        XCTAssertTrue(table.stdout.contains("Evil Corp"), table.stdout)
        XCTAssertEqual(table.stdout.split(separator: "\n").count, 2, table.stdout)

        let json = try closer.run(["leads", "--format", "json"])
        XCTAssertFalse(json.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x202E })
        let leads = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(leads.first?["first_name"] as? String, "\u{1B}]0;pwned\u{07}Eve", "the data itself is kept intact")
    }
}
