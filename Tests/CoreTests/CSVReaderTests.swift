import Foundation
import XCTest
@testable import Core

final class CSVReaderTests: XCTestCase {
    func testQuotedFieldsKeepCommasAndDoubledQuotes() throws {
        let records = try CSVReader.records(in: "a,\"b, c\",\"say \"\"hi\"\"\"\n")
        XCTAssertEqual(records, [CSVRecord(fields: ["a", "b, c", "say \"hi\""], line: 1)])
    }

    func testEmbeddedNewlinesStayInTheFieldAndLinesCountPhysically() throws {
        let text = "h1,h2\n\"one\ntwo\r\nthree\",x\nlast,y\n"
        let records = try CSVReader.records(in: text)
        XCTAssertEqual(records.map(\.fields), [["h1", "h2"], ["one\ntwo\r\nthree", "x"], ["last", "y"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 5])
    }

    func testCRLFAndLFAndLoneCREndRecords() throws {
        let records = try CSVReader.records(in: "a,b\r\nc,d\ne,f\rg,h")
        XCTAssertEqual(records.map(\.fields), [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 3, 4])
    }

    func testByteOrderMarkIsSkipped() throws {
        var reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("first_name,x\r\nZoë,1\r\n".utf8))
        XCTAssertEqual(try reader.next()?.fields, ["first_name", "x"])
        XCTAssertEqual(try reader.next()?.fields, ["Zoë", "1"])
        XCTAssertNil(try reader.next())
    }

    func testEmptyLinesAreSkippedButAQuotedEmptyFieldIsARecord() throws {
        let records = try CSVReader.records(in: "a\n\n\"\"\n\nb\n")
        XCTAssertEqual(records, [CSVRecord(fields: ["a"], line: 1), CSVRecord(fields: [""], line: 3),
                                 CSVRecord(fields: ["b"], line: 5)])
    }

    func testEmptyFieldsAndTrailingCommaAreKept() throws {
        XCTAssertEqual(try CSVReader.records(in: ",a,,\n").first?.fields, ["", "a", "", ""])
    }

    func testUnterminatedQuoteReportsTheLineWhereItOpened() {
        XCTAssertThrowsError(try CSVReader.records(in: "h\nok\n\"never\nclosed\n,,\n")) { error in
            XCTAssertEqual(error as? CSVError, CSVError(.unterminatedQuote, line: 3))
            XCTAssertTrue("\(error)".hasPrefix("line 3: quoted field is never closed"), "\(error)")
        }
    }

    func testTextAfterClosingQuoteIsAnErrorWithItsLine() {
        XCTAssertThrowsError(try CSVReader.records(in: "a\n\"b\"c\n")) { error in
            XCTAssertEqual(error as? CSVError, CSVError(.textAfterClosingQuote, line: 2))
        }
    }

    func testInvalidUTF8IsReportedWithItsLine() {
        var reader = CSVReader(bytes: Array("a,b\n".utf8) + [0x63, 0xFF, 0x2C, 0x64, 0x0A])
        XCTAssertEqual(try reader.next()?.fields, ["a", "b"])
        XCTAssertThrowsError(try reader.next()) { error in
            XCTAssertEqual(error as? CSVError, CSVError(.invalidUTF8, line: 2))
        }
    }

    func testQuoteInsideUnquotedFieldIsLiteral() throws {
        XCTAssertEqual(try CSVReader.records(in: "O\"Brien,x\n").first?.fields, ["O\"Brien", "x"])
    }
}
