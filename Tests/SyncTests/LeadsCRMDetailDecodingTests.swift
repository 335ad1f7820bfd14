import Foundation
import XCTest
@testable import Sync

/// The detail decoder on `JSONValue` reads exactly what the JSONSerialization decoder reads,
/// and its JSON parser accepts RFC 8259 and nothing else.
final class LeadsCRMDetailDecodingTests: XCTestCase {
    private func response(_ body: String, status: Int = 200) -> HTTPClientResponse {
        HTTPClientResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
    }

    private func both(_ body: String, status: Int = 200) -> (Result<LeadsCRMLeadDetail, Error>, Result<LeadsCRMLeadDetail, Error>) {
        let answer = response(body, status: status)
        let fast = Result { try LeadsCRMDetailDecoding.detail(of: answer) { _ in nil } }
        let slow = Result { try LeadsCRMDecoding.detail(LeadsCRMDecoding.data(of: answer) { _ in nil }) }
        return (fast, slow)
    }

    func testDetailsDecodeAsJSONSerializationDecodesThem() throws {
        let bodies = [
            #"{"status_code": 200, "data": {"id": 7, "slug": "ann-lee-7", "first_name": "Ann", "last_name": "Lee", "email": "ann@example.com", "phone": "+4915112345678", "status": "prospect", "source": "website", "owner": "ana", "added_on": "1700000000", "message": "Call me", "location": "Berlin", "recent_activities": [{"id": 1, "activity_type": "call", "created": "1700000100", "activity": "Called"}], "notes": [{"id": 9, "note": "first", "note_created": "1700000200", "user": "ana"}, {"id": "10", "note": "second", "note_created": null, "user": "ben"}], "conversion": 42.5}}"#,
            #"{"data": {"id": "8", "slug": "m\u00fcller-8", "first_name": "J\u00fcrgen \ud83d\ude00", "last_name": "M\"\\\/ller\n\t", "assignee": "ben", "phone": 4915112345678, "status": null, "notes": [], "recent_activities": [{"activity_type": "no id"}, 3, {"id": 2.0, "activity": "x"}], "conversion": 7}}"#,
            #"  {"status_code": "200", "data": {"slug": "x", "id": 12345678901234567, "first_name": 1.5, "last_name": -0, "email": 1e3, "notes": {"not": "a list"}}}  "#,
            #"{"data": {"slug": "dup", "first_name": "one", "first_name": "two"}}"#,
        ]
        for body in bodies {
            let (fast, slow) = both(body)
            XCTAssertEqual(try fast.get(), try slow.get(), body)
        }
    }

    func testListRowsDecodeAsJSONSerializationDecodesThem() throws {
        let rows = [
            #"{"id": 1, "slug": "ann-lee-1", "first_name": "Ann", "last_name": "Lee", "email": "ann@example.com", "phone": "+49151", "status": "prospect", "source": "website", "owner": "ana", "added_on": "1700000000"}"#,
            #"{"id": "2", "slug": "bö-2", "first_name": "Bö "Bo"", "assignee": "ben", "status": null}"#,
            #"{"slug": ""}"#,
            #"[1, 2]"#,
        ]
        for text in rows {
            let bytes = Array(("[" + text + "]").utf8)
            let row = LeadsCRMRowPage.Row(slug: "s", hash: "h", bytes: bytes[1..<(bytes.count - 1)])
            let slow = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
            XCTAssertEqual(row.lead(), slow.flatMap(LeadsCRMDecoding.lead), text)
        }
    }

    func testErrorsAreClassifiedAsBefore() {
        let cases: [(String, Int)] = [
            (#"{"status_code": 400, "errors": {"slug": ["Requested lead not found."]}}"#, 200),
            (#"{"status_code": 401, "errors": {"auth": "Invalid credentials"}}"#, 200),
            (#"{"errors": {"slug": ["Requested slug is invalid."]}}"#, 400),
            (#"{"status_code": 200}"#, 200),
            (#"{"status_code": 200, "data": null}"#, 200),
            (#"{"data": {"first_name": "no slug"}}"#, 200),
            (#"{"data": {"slug": "x"}} trailing"#, 200),
            ("<html>busy</html>", 200),
            ("", 503),
        ]
        for (body, status) in cases {
            let (fast, slow) = both(body, status: status)
            XCTAssertThrowsError(try fast.get(), body)
            XCTAssertEqual(String(describing: fast.error), String(describing: slow.error), body)
        }
    }

    func testParserAcceptsJSONAndNothingElse() {
        XCTAssertEqual(JSONValue.parse(Array(#" [1, -2.5e3, "a\u0041", true, false, null, {}] "#.utf8)),
                       .array([.number("1"), .number("-2.5e3"), .string("aA"), .bool(true), .bool(false), .null, .object([:])]))
        for bad in ["", "[", "01", "1.", "-", "[1,]", "{\"a\" 1}", "\"\\x\"", "\"\\ud800\"", "\"a\u{1}\"", "tru", "[1] 2",
                    String(repeating: "[", count: 300) + String(repeating: "]", count: 300)] {
            XCTAssertNil(JSONValue.parse(Array(bad.utf8)), bad)
        }
    }
}

private extension Result {
    var error: Failure? { if case .failure(let error) = self { return error } else { return nil } }
}
