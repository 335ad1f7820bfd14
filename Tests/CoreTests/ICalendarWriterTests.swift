import XCTest
@testable import Core

/// RFC 5545 text rules: escaping, folding at 75 octets on UTF-8 boundaries, CRLF, sanitising.
final class ICalendarWriterTests: XCTestCase {
    func testTextEscapesBackslashSemicolonCommaAndNewlinesAndDropsControls() {
        XCTAssertEqual(ICalendarWriter.escape("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne")
        XCTAssertEqual(ICalendarWriter.escape("Evil\u{1B}[2J\u{07}Name"), "EvilName")
    }

    func testLongLinesFoldAt75OctetsWithoutSplittingAUTF8Sequence() {
        let text = "SUMMARY:" + String(repeating: "田", count: 40)  // 8 + 120 octets
        let folded = ICalendarWriter.line(text)
        XCTAssertTrue(folded.hasSuffix("\r\n"))
        var lines = folded.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.removeLast(), "")
        XCTAssertGreaterThan(lines.count, 1)
        for line in lines { XCTAssertLessThanOrEqual(line.utf8.count, 75) }
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), text + "\r\n", "unfolding gives the line back")
        XCTAssertEqual(ICalendarWriter.line("VERSION:2.0"), "VERSION:2.0\r\n")
    }

    func testEventsCarryUTCTimesStampAndStatus() {
        let writer = ICalendarWriter(stamp: 1_800_000_000)
        let text = writer.event(.init(uid: "u1", start: 1_800_003_600, end: 1_800_005_400, summary: "Zoë, call",
                                      description: "E-mail: z@x.test", status: "TENTATIVE"))
        XCTAssertTrue(text.contains("DTSTAMP:20270115T080000Z\r\n"))
        XCTAssertTrue(text.contains("DTSTART:20270115T090000Z\r\nDTEND:20270115T093000Z\r\n"))
        XCTAssertTrue(text.contains("SUMMARY:Zoë\\, call\r\n"))
        XCTAssertTrue(text.hasPrefix("BEGIN:VEVENT\r\nUID:u1\r\n") && text.hasSuffix("END:VEVENT\r\n"))
    }
}
