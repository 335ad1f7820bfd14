import XCTest
@testable import Sync

/// The list-page scanner behind the cheap unchanged re-scan: rows, slugs and byte ranges out of
/// real-looking envelopes, and nil (so the normal decoder runs) for anything else.
final class LeadRowScannerTests: XCTestCase {
    func scan(_ text: String) -> LeadRowScanner.Page? { LeadRowScanner.scan(Array(text.utf8)) }

    func testRowsSlugsAndRangesOfAPageWithNestedValuesAndEscapes() throws {
        let body = """
            {"status_code": 200, "errors": {}, "data": {"count": 7, "next": "http://h/leads/list/?offset=2",
             "previous": null, "results": [
              {"id": 1, "slug": "ana-1", "first_name": "A \\"quoted\\" }", "tags": [1, {"x": "]"}]},
              {"slug":"ben-2","message":"line\\nbreak","score":-1.5e3,"ok":true}
            ]}}
            """
        let page = try XCTUnwrap(scan(body))
        XCTAssertEqual(page.rows.map(\.slug), ["ana-1", "ben-2"])
        XCTAssertEqual(page.count, 7)
        XCTAssertTrue(page.hasNext)
        XCTAssertEqual(page.statusCode, 200)
        let bytes = Array(body.utf8)
        let first = String(decoding: bytes[page.rows[0].range], as: UTF8.self)
        XCTAssertTrue(first.hasPrefix("{\"id\": 1") && first.hasSuffix("]}"), first)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(bytes[page.rows[1].range])) as? [String: Any])
    }

    func testTheLastPageHasNoNext() throws {
        let page = try XCTUnwrap(scan(#"{"data":{"results":[],"count":0,"next":null}}"#))
        XCTAssertEqual(page.rows.count, 0)
        XCTAssertFalse(page.hasNext)
        XCTAssertFalse(try XCTUnwrap(scan(#"{"data":{"results":[],"next":""}}"#)).hasNext)
    }

    func testAnythingUnexpectedFallsBackToTheDecoder() {
        XCTAssertNil(scan(#"{"data":{"results":[{"id":1}]}}"#), "a row without a slug")
        XCTAssertNil(scan(#"{"data":{"results":[{"slug":"a"}]}"#), "truncated")
        XCTAssertNil(scan(#"{"data":{"results":[{"slug":"a"}]}} trailing"#))
        XCTAssertNil(scan(#"[1, 2]"#))
        XCTAssertNil(scan(#"{"data":{"results":[{"slug":"a\u00e9"}]}}"#), "an escaped slug is left to the decoder")
        XCTAssertNil(scan("{\"data\":{\"results\":[{\"slug\":\"a\"}]}}<!-- closer-sim: malformed -->"))
    }

    func testTheHashDependsOnEveryByteAndNeverLooksLikeAFieldHash() {
        let a = Array(#"{"slug":"a","x":"1"}"#.utf8), b = Array(#"{"slug":"a","x":"2"}"#.utf8)
        XCTAssertNotEqual(LeadRowScanner.hash(a, 0..<a.count), LeadRowScanner.hash(b, 0..<b.count))
        XCTAssertEqual(LeadRowScanner.hash(a, 0..<a.count), LeadRowScanner.hash(a, 0..<a.count))
        XCTAssertTrue(LeadRowScanner.hash(a, 0..<a.count).hasPrefix("r"))
    }
}
