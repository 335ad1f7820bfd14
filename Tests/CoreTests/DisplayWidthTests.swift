import XCTest
@testable import Core

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneColumnEach() {
        XCTAssertEqual(DisplayWidth.of("hello"), 5)
    }

    func testCJKAndFullwidthAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("田中"), 4)
        XCTAssertEqual(DisplayWidth.of("株式会社"), 8)
        XCTAssertEqual(DisplayWidth.of("한빛"), 4)
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4)
    }

    func testEmojiAreTwoColumnsIncludingSequences() {
        XCTAssertEqual(DisplayWidth.of("🚀"), 2)
        XCTAssertEqual(DisplayWidth.of("👩‍💻"), 2)
        XCTAssertEqual(DisplayWidth.of("❤️"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2)
    }

    func testCombiningMarksAreZeroColumns() {
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.width(of: "\u{301}"), 0)
        XCTAssertEqual(DisplayWidth.of("Zoë"), 3)
    }

    func testArabicAndCyrillicAreOneColumnEach() {
        XCTAssertEqual(DisplayWidth.of("محمد"), 4)
        XCTAssertEqual(DisplayWidth.of("Анна"), 4)
    }

    func testClipNeverSplitsAWideCharacter() {
        XCTAssertEqual(DisplayWidth.clip("田中太郎", to: 5), "田中…")
        XCTAssertEqual(DisplayWidth.clip("田中太郎", to: 4, ellipsis: false), "田中")
        XCTAssertEqual(DisplayWidth.clip("田中太郎", to: 3, ellipsis: false), "田")
        XCTAssertEqual(DisplayWidth.clip("short", to: 10), "short")
        XCTAssertEqual(DisplayWidth.clip("anything", to: 0), "")
    }

    func testFitPadsToExactWidth() {
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.fit("田中", to: 7)), 7)
        XCTAssertEqual(DisplayWidth.fit("ab", to: 4, alignRight: true), "  ab")
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.fit("Rocket 🚀 Labs and more", to: 10)), 10)
    }
}
