import Foundation
@testable import Simulator
import XCTest

final class JSONWriterTests: XCTestCase {
    func testEscapedStringsAndNestingDecodeBackExactly() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t bell \u{07} esc \u{1B}[31m Zoë 翔太 🚀"
        var out = JSONWriter()
        out.beginObject()
        out.field("text", tricky)
        out.field("n", Int64(-42))
        out.field("flag", true)
        out.key("none")
        out.null()
        out.key("list")
        out.beginArray()
        out.int(1)
        out.beginObject()
        out.endObject()
        out.string("")
        out.endArray()
        out.endObject()
        let decoded = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.bytes)) as? [String: Any])
        XCTAssertEqual(decoded["text"] as? String, tricky)
        XCTAssertEqual(decoded["n"] as? Int, -42)
        XCTAssertEqual(decoded["flag"] as? Bool, true)
        XCTAssertTrue(decoded["none"] is NSNull)
        XCTAssertEqual((decoded["list"] as? [Any])?.count, 3)
    }
}
