import Core
import XCTest

/// The accented-Latin fast path (`DisplayWidth.isSimpleLatin`, used by the canvas for conversation
/// text) agrees with the general rules: every such scalar is its own grapheme, one column, clean.
final class DisplayWidthLatinFastPathTests: XCTestCase {
    func testEveryScalarOfTheFastPathIsOneCleanGraphemeOfWidthOne() throws {
        for value in Array(0x20..<0x7F) + Array(0xA0..<0x300) where value != 0xAD {
            let scalar = try XCTUnwrap(Unicode.Scalar(value))
            let text = "a" + String(scalar) + String(scalar) + "b"
            XCTAssertTrue(DisplayWidth.isSimpleLatin(text))
            XCTAssertEqual(text.count, 4, "U+\(String(value, radix: 16)) joins a neighbour")
            XCTAssertEqual(DisplayWidth.width(of: scalar), 1, "U+\(String(value, radix: 16))")
            XCTAssertTrue(TextSanitizer.isClean(text))
            XCTAssertEqual(DisplayWidth.of(text), text.reduce(0) { $0 + DisplayWidth.of($1) })
        }
        XCTAssertFalse(DisplayWidth.isSimpleLatin("soft\u{AD}hyphen"))
        XCTAssertFalse(DisplayWidth.isSimpleLatin("e\u{301}"), "a combining accent takes the general path")
        XCTAssertFalse(DisplayWidth.isSimpleLatin("見積もり"))
        XCTAssertEqual(DisplayWidth.of("línea por línea"), 15)
    }
}
