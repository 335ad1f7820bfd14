import Foundation
import XCTest
@testable import Core

final class CSVWriterTests: XCTestCase {
    func testQuotesOnlyWhenNeeded() {
        let writer = CSVWriter(lineEnding: .lf)
        XCTAssertEqual(writer.record(["plain", "Zoë 田中 🚀", "a,b", "say \"hi\"", "two\nlines", "cr\rx", ""]),
                       "plain,Zoë 田中 🚀,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rx\",\n")
    }

    func testCRLFIsTheDefaultLineEnding() {
        XCTAssertEqual(CSVWriter().record(["a", "b"]), "a,b\r\n")
    }

    func testALoneEmptyFieldIsQuotedSoItIsNotAnEmptyLine() throws {
        let text = CSVWriter().record(["h"]) + CSVWriter().record([""])
        XCTAssertEqual(try CSVReader.records(in: text).map(\.fields), [["h"], [""]])
    }

    func testWriterThenReaderRoundTripsUnicodeQuotesAndNewlines() throws {
        let rows: [[String]] = [
            ["first_name", "message", "company"],
            ["Zoë", "Line one\nLine \"two\", with comma\r\nthree", "株式会社さくら"],
            ["Олег 👩‍💻", "  leading and trailing spaces  ", "Rocket 🚀 Labs"],
            ["\u{1B}[31mred", "", "O'Brien, \"Ltd\""],
            ["e\u{301}", "tab\there", "ﷺ العربية"],
        ]
        for ending in [CSVWriter.LineEnding.crlf, .lf] {
            let writer = CSVWriter(lineEnding: ending)
            let text = rows.map { writer.record($0) }.joined()
            XCTAssertEqual(try CSVReader.records(in: text).map(\.fields), rows)
            var bytes = [UInt8](Data(text.utf8))
            bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
            var reader = CSVReader(bytes: bytes)
            var read: [[String]] = []
            while let record = try reader.next() { read.append(record.fields) }
            XCTAssertEqual(read, rows)
        }
    }
}
