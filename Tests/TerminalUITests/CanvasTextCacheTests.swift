import XCTest
@testable import TerminalUI

/// `CanvasTextCache` keeps at most `capacity` texts and, once full, forgets the oldest one for
/// each new one (never all at once: emptying 2,048 entries in one frame cost a 250×60 week 2–3 ms).
final class CanvasTextCacheTests: XCTestCase {
    /// Asks for `text`, counting how often the cells had to be made.
    func ask(_ cache: CanvasTextCache, _ text: String, made: inout Int) {
        let cells = cache.cells(of: text, maxColumns: 10) {
            made += 1
            return CanvasText.cells(of: text, maxColumns: 10)
        }
        XCTAssertEqual(cells.map(\.grapheme).joined(), text)
    }

    func testFullCacheForgetsOnlyTheOldestText() {
        let cache = CanvasTextCache(capacity: 3)
        var made = 0
        for text in ["日本", "中文", "한국"] { ask(cache, text, made: &made) }
        XCTAssertEqual(made, 3)
        ask(cache, "日本", made: &made)
        XCTAssertEqual(made, 3, "a held text is not made again")

        ask(cache, "Ελλάδα", made: &made)  // a fourth: "日本" (the oldest in) goes
        XCTAssertEqual(made, 4)
        XCTAssertEqual(cache.count, 3, "never more than capacity")
        ask(cache, "中文", made: &made)
        ask(cache, "한국", made: &made)
        ask(cache, "Ελλάδα", made: &made)
        XCTAssertEqual(made, 4, "the other texts stayed")
        ask(cache, "日本", made: &made)
        XCTAssertEqual(made, 5, "the oldest was forgotten")
        XCTAssertEqual(cache.count, 3)
    }
}
