import XCTest
@testable import TerminalUI

final class ClipboardTests: XCTestCase {
    func testOsc52CarriesBase64SoDataCannotInjectSequences() {
        let sequence = ClipboardSequence.osc52("a@b.example\u{1B}]0;x\u{07}", environment: ["TERM": "xterm-256color"])
        XCTAssertEqual(sequence, "\u{1B}]52;c;YUBiLmV4YW1wbGUbXTA7eAc=\u{07}")
    }

    func testScreenWithoutTmuxWrapsInDcsPassthrough() {
        let sequence = ClipboardSequence.osc52("hi", environment: ["TERM": "screen-256color"])
        XCTAssertEqual(sequence, "\u{1B}P\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
        XCTAssertEqual(ClipboardSequence.osc52("hi", environment: ["TERM": "screen", "TMUX": "/tmp/x"]), "\u{1B}]52;c;aGk=\u{07}")
    }

    func testEditorChoiceFollowsVisualThenEditorThenVi() {
        XCTAssertEqual(ExternalEditor(environment: ["VISUAL": "nvim", "EDITOR": "nano"]).command, ["nvim"])
        XCTAssertEqual(ExternalEditor(environment: ["EDITOR": "emacs -nw"]).command, ["emacs", "-nw"])
        XCTAssertEqual(ExternalEditor(environment: ["VISUAL": " "]).command, ["vi"])
        XCTAssertEqual(ExternalEditor(environment: [:]).command, ["vi"])
    }
}
