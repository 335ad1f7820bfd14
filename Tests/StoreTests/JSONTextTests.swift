import XCTest
@testable import Store

final class JSONTextTests: XCTestCase {
    func testStringMapEncodingRoundTripsAwkwardText() {
        let value = ["quote\"key": "back\\slash", "ctl": "a\u{1}b\nc\td\r", "emoji": "🙂 Zoë 田中", "": ""]
        let text = JSONText.encode(value)
        XCTAssertEqual(JSONText.decodeStrings(text), value)
        XCTAssertEqual(JSONText.encode(["b": "2", "a": "1"]), #"{"a":"1","b":"2"}"#, "sorted keys, compact")
        XCTAssertEqual(JSONText.encode([String: String]()), "{}")
    }

    func testFlatParserReadsEscapesAndRejectsOtherShapes() {
        var parser = FlatJSONParser(#" { "a" : "x\u00e9\ud83d\ude42\/\"" , "b":"" } "#)
        XCTAssertEqual(parser.parse(), ["a": "xé🙂/\"", "b": ""])
        for text in [#"{"a":1}"#, #"{"a":["x"]}"#, #"{"a":"x""#, #"{"a":"x"} tail"#, "[]"] {
            var other = FlatJSONParser(text)
            XCTAssertNil(other.parse(), text)
        }
        XCTAssertEqual(JSONText.decodeStrings("not json"), [:])
    }
}
