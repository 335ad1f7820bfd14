import Core
import XCTest
@testable import TerminalUI

/// `CanvasText.cells` measures and cuts text in one pass that stops once the text is known not to
/// fit; it must give exactly the cells of the plain way (clip with `DisplayWidth.clip`, then one
/// grapheme after another through `TerminalGrapheme`), for every kind of text and every width.
final class CanvasTextCutTests: XCTestCase {
    /// The plain way, as `CanvasText.cells` did it before the one-pass cut.
    func reference(_ text: String, _ maxColumns: Int) -> [String] {
        guard maxColumns > 0, !text.isEmpty else { return [] }
        let clipped = DisplayWidth.clip(CanvasText.safe(text), to: maxColumns)
        var result: [(grapheme: String, width: Int)] = []
        for character in clipped {
            let width = DisplayWidth.of(character)
            if width == 0 {
                if !result.isEmpty, character.unicodeScalars.allSatisfy(TerminalGrapheme.isCombiningMark) {
                    result[result.count - 1].grapheme.append(character)
                }
                continue
            }
            result.append(contentsOf: TerminalGrapheme.cells(character, width: width))
        }
        return result.map { "\($0.grapheme)/\($0.width)" }
    }

    func testEveryKindOfTextIsCutAsTheTwoPassWay() {
        let texts = [
            "09:15 Zoë Петрова · Pricing discussion", "田中 太郎 · 見積もり", "Łukasz العلي", "e\u{301}e\u{301}e\u{301}e\u{301}",
            "👩‍👩‍👧‍👦 family 👍🏽 ❤️ 1️⃣ 🇩🇪🇫🇷", "\u{200D}\u{301}lead", "a\u{200B}b\u{200B}c\u{200B}d", "Ñuño Ива\u{1B}[31mnov",
            "x田y田z田", "ΠαπαδόπουλοςΠαπα", "\u{0301}", "田", "ab", "a\u{0301}\u{0302}田\u{0303}b", "tab\there\nnew",
            // Scalars that are graphemes on their own (the standalone path), and the same scripts
            // with something that joins them (jamo, voicing mark, halfwidth sound mark, harakat).
            "Nguyễn Văn Thảo", "민준 김서연", "ひらがな カタカナ・ー", "Дмитрий Иванов", "محمد العلي", "「見積もり」、価格",
            "ＡＢＣ全角１２３", "09:15 翔太 Ölander", "김\u{11A8}치", "か\u{3099}き", "ﾊﾟﾊﾟ", "مُحَمَّد", "Й\u{0483}", "‼⁉ “quoted” – ok",
        ]
        for text in texts {
            for columns in 0...24 {
                let got = CanvasText.cells(of: text, maxColumns: columns).map { "\($0.grapheme)/\($0.width)" }
                XCTAssertEqual(got, reference(text, columns), "\(text.debugDescription) in \(columns) columns")
            }
        }
    }

    /// Accented Latin (every scalar of `DisplayWidth.isSimpleLatin`, mixed with ASCII) takes the
    /// standalone path: the cells of the plain way at every width, "…" included.
    func testAccentedLatinIsCutAsThePlainWay() {
        let scalars = (0xA0..<0x300).filter { $0 != 0xAD }.compactMap(Unicode.Scalar.init).map(Character.init)
        for start in stride(from: 0, to: scalars.count, by: 16) {
            let text = "a " + String(scalars[start..<min(start + 16, scalars.count)]) + " z"
            XCTAssertTrue(DisplayWidth.isSimpleLatin(text))
            for columns in 0...22 {
                let got = CanvasText.cells(of: text, maxColumns: columns).map { "\($0.grapheme)/\($0.width)" }
                XCTAssertEqual(got, reference(text, columns), "\(text.debugDescription) in \(columns) columns")
            }
        }
    }

    func testTextOfStandaloneScalarsIsNotKeptInTheCache() {
        let cache = CanvasTextCache()
        _ = CanvasText.cells(of: "09:15 翔太 Дмитрий", maxColumns: 12, cache: cache)
        XCTAssertEqual(cache.count, 0, "one cell per scalar: nothing to remember")
        _ = CanvasText.cells(of: "09:15 👍🏽 Дмитрий", maxColumns: 12, cache: cache)
        XCTAssertEqual(cache.count, 1, "an emoji sequence takes the general path, kept")
    }

    func testALongLabelIsCutAfterTheColumnsItNeeds() {
        let long = String(repeating: "Петрова ", count: 400)
        let cells = CanvasText.cells(of: long, maxColumns: 10)
        XCTAssertEqual(cells.map(\.grapheme).joined(), "Петрова П…")
    }
}
