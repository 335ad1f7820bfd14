import XCTest
@testable import Core

final class WireDateTests: XCTestCase {
    func testAppointmentFormatRoundTrips() throws {
        let seconds = try XCTUnwrap(WireDate.parseAppointment("2026-11-23 14:45"))
        XCTAssertEqual(seconds, 1_795_445_100)
        XCTAssertEqual(WireDate.formatAppointment(seconds), "2026-11-23 14:45")
    }

    func testAppointmentFormatRejectsBadDates() {
        for bad in ["2026-02-30 10:00", "2026-13-01 10:00", "2026-11-23 24:00", "2026-11-23T10:00", "23/11/2026 10:00", ""] {
            XCTAssertNil(WireDate.parseAppointment(bad), bad)
        }
    }

    func testOnDateIsMonthDayYear() {
        XCTAssertEqual(WireDate.parseOnDate("11/23/2026"), WireDate.parseAppointment("2026-11-23 00:00"))
        XCTAssertNil(WireDate.parseOnDate("23/11/2026"))
        XCTAssertEqual(WireDate.formatOnDate(1_795_445_100), "11/23/2026")
    }

    func testTimestampsMatchFoundation() throws {
        let formatter = ISO8601DateFormatter()
        for seconds: Int64 in [0, 951_782_400, 1_795_445_100, 4_102_444_799, -86_400] {
            let text = WireDate.formatTimestamp(seconds)
            XCTAssertEqual(text, formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
            XCTAssertEqual(WireDate.parseTimestamp(text), seconds)
        }
        XCTAssertEqual(WireDate.parseTimestamp("2026-11-23T14:45:00.123+01:00"), 1_795_445_100 - 3600)
        XCTAssertNil(WireDate.parseTimestamp("yesterday"))
    }
}
