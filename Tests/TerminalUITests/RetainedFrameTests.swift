import Core
import Store
import XCTest
@testable import TerminalUI

/// Frames drawn over the previous frame (lines the canvas still holds are skipped, scrolled lines
/// moved) are cell for cell the frames drawn onto a blank canvas, through moves, scrolls, search,
/// an overlay, the detail following the selection and a resize.
final class RetainedFrameTests: XCTestCase {
    @MainActor
    func testEveryFrameDrawnOverTheLastEqualsAFreshFrame() async throws {
        let clock = TestClock(AppFixture.start)
        let store = try AppFixture.store()
        let app = AppFixture.app(store, size: Size(rows: 14, columns: 160), clock: clock)
        let canvas = GridCanvas(size: app.size)
        app.draw(on: canvas)
        var steps: [String] = []
        for _ in 0..<14 { steps.append("j") }
        steps += ["k", "k", "G", "g g", "<C-f>", "<C-b>", "?", "<Esc>", "/", "z", "o", "<Esc>", ":", "<Esc>", "<Tab>", "j", "<Tab>", "j"]
        for step in steps {
            app.press(step)
            clock.advance(0.05)
            _ = app.idle()  // the split view's detail follows once the cursor rests
            app.draw(on: canvas)
            XCTAssertEqual(canvas.cells, app.frame().cells, "after \(step)")
        }
        _ = app.handle(.resize(Size(rows: 20, columns: 130)))
        canvas.resize(to: Size(rows: 20, columns: 130))
        app.draw(on: canvas)
        XCTAssertEqual(canvas.cells, app.frame().cells, "after a resize")
    }

    /// The same through a switch to the calendar and back, a confirm dialog (delete), prompts
    /// (status, owner) and a search for a CJK name, at widths that cut the CJK names (田中,
    /// 株式会社テスト) at a column's edge in turn: every frame equals a fresh frame.
    @MainActor
    func testPaneSwitchesDialogsAndCJKAtColumnEdgesEqualFreshFrames() async throws {
        let store = try AppFixture.store()
        for columns in [61, 62, 63, 88, 89] {
            let clock = TestClock(AppFixture.start)
            let app = AppFixture.app(store, size: Size(rows: 16, columns: columns), clock: clock)
            let canvas = GridCanvas(size: app.size)
            app.draw(on: canvas)
            let steps = ["j", "j", "2", "j", "v", "l", "v", "1", "j", "d", "<Esc>", "k", "s", "<Down>", "<Esc>", "a", "<Esc>",
                         "3", "1", "/", "田", "<Enter>", "j", "k", "<Esc>", "G", "k", "k", "j", "g g", "<Tab>", "j", "2", "1", "<Tab>", "j", "k"]
            let shown = ["d": "Delete '", "s": "Set status of", "a": "Assign to", "2": " · UTC · ", "田": "太郎 田中"]  // the step did what it is for
            for step in steps {
                app.press(step)
                clock.advance(0.05)
                _ = app.idle()
                app.draw(on: canvas)
                XCTAssertEqual(canvas.snapshot(), app.frame().snapshot(), "\(columns) columns, after \(step)")
                XCTAssertTrue(canvas.cells == app.frame().cells, "\(columns) columns, after \(step): cells and styles")
                if let text = shown[step] {
                    XCTAssertTrue(canvas.snapshot().contains(text), "\(columns) columns, after \(step): \(text)")
                }
            }
        }
    }
}
