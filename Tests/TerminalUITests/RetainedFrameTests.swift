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
}
