import Store
import ViewModels
import Core
import XCTest
@testable import TerminalUI

/// Draws a list (+ detail when wide) screen the way the real screens will, from widgets only.
enum DemoScreen {
    static let columns = [
        TableColumn("Name", width: .flexible(min: 8, weight: 3), priority: 10),
        TableColumn("Company", width: .flexible(min: 8, weight: 3), priority: 5),
        TableColumn("Status", width: .fixed(9), priority: 8),
        TableColumn("Source", width: .fixed(9), priority: 2),
        TableColumn("Owner", width: .fixed(8), priority: 1),
        TableColumn("Sync", width: .fixed(4), priority: 3),
    ]

    static let people: [(String, String, LeadStatus, String)] = [
        ("Zoë Ångström", "Acme GmbH", .prospect, ""),
        ("田中太郎", "株式会社サンプル商事", .contact, "⏳"),
        ("Ava 👩‍💻 Lee", "Rocket 🚀 Labs", .customer, ""),
        ("Evil\u{1B}[2J\u{1B}]0;pwned\u{07}Name", "Bad\u{9B}31mCorp\u{202E}gnp.exe", .closed, "!"),
        ("Nguyễn Văn A", "Công ty TNHH", .potential, "≠"),
        ("Renée O'Hara", "Café Crème", .tentative, ""),
    ]

    static func rows(count: Int) -> [TableRow] {
        (0..<count).map { i in
            let p = people[i % people.count]
            return TableRow([
                TableCell(p.0), TableCell(p.1), TableCell(p.2.rawValue, element: ThemeElement.status(p.2)),
                TableCell(LeadSource.allCases[i % LeadSource.allCases.count].rawValue), TableCell(i % 2 == 0 ? "alice" : "bob"),
                TableCell(p.3, element: p.3 == "!" ? "sync.rejected" : "sync.pending"),
            ], isMarked: i == 2)
        }
    }

    static func draw(_ canvas: GridCanvas, theme: Theme, detailText: String = "Notes: Called 2024-05-01, wants a demo.") {
        let layout = ScreenLayout(size: canvas.size)
        guard layout.panes != .tooSmall else {
            ScreenLayout.drawTooSmall(size: canvas.size, canvas: canvas, theme: theme)
            return
        }
        canvas.putPadded("Closer — Leads (6)", at: Position(row: 0, column: 0), width: layout.title.width, style: theme.style("title"))
        let table = TableView(columns: columns)
        let listRect: Rect
        switch layout.panes {
        case .single(let rect): listRect = rect
        case .split(let list, let separator, let detail):
            listRect = list
            Box.verticalLine(separator, canvas: canvas, style: theme.style("border"))
            TextView(text: detailText, width: detail.width).draw(in: detail, canvas: canvas, style: theme.style("detail.value"))
        case .tooSmall: return
        }
        let data = rows(count: min(table.visibleRowCount(height: listRect.height), 40))
        table.draw(rows: data, selected: 1, in: listRect, canvas: canvas, theme: theme)
        StatusBar.draw(left: [StatusSegment("3 marked")], right: [StatusSegment("g", element: "statusbar.pending"), StatusSegment("online")],
                       in: layout.statusBar, canvas: canvas, theme: theme)
    }
}

final class WidgetSnapshotTests: XCTestCase {
    let theme = ThemeLoader.builtinDefault()

    func testListScreenAt80x24() {
        let canvas = GridCanvas(rows: 24, columns: 80)
        DemoScreen.draw(canvas, theme: theme)
        TestSupport.assertNoControlCharacters(canvas)
        TestSupport.assertSnapshot(canvas, named: "list-80x24")
        XCTAssertEqual(canvas.style(row: 3, column: 3), theme.style("list.selected"), "row 1 of the data is selected")
        XCTAssertEqual(canvas.style(row: 2, column: 3), theme.style("list"))
        XCTAssertEqual(canvas.style(row: 1, column: 0), theme.style("list.header"))
    }

    func testSplitScreenAt250x60() {
        let canvas = GridCanvas(rows: 60, columns: 250)
        DemoScreen.draw(canvas, theme: theme)
        TestSupport.assertNoControlCharacters(canvas)
        TestSupport.assertSnapshot(canvas, named: "split-250x60")
        XCTAssertEqual(canvas.line(58).count <= 250, true)
        XCTAssertTrue(canvas.line(1).contains("│"), "separator between list and detail")
    }

    func testSmallestScreenAt20x6ShowsWhatFits() {
        let canvas = GridCanvas(rows: 6, columns: 20)
        DemoScreen.draw(canvas, theme: theme)
        TestSupport.assertSnapshot(canvas, named: "list-20x6")
        XCTAssertEqual(canvas.line(0), "Closer — Leads (6)")
    }

    func testBelowMinimumShowsTooSmallLine() {
        let canvas = GridCanvas(rows: 5, columns: 19)
        DemoScreen.draw(canvas, theme: theme)
        XCTAssertEqual(canvas.snapshot(), "terminal too small…\n\n\n\n")
        let tiny = GridCanvas(rows: 1, columns: 3)
        DemoScreen.draw(tiny, theme: theme)
        XCTAssertEqual(tiny.snapshot(), "te…")
        let empty = GridCanvas(rows: 0, columns: 0)
        DemoScreen.draw(empty, theme: theme)
        XCTAssertEqual(empty.snapshot(), "")
    }

    func testLayoutSplitsOnlyFrom120Columns() {
        XCTAssertFalse(ScreenLayout(size: Size(rows: 24, columns: 119)).isSplit)
        XCTAssertTrue(ScreenLayout(size: Size(rows: 24, columns: 120)).isSplit)
        XCTAssertEqual(ScreenLayout(size: Size(rows: 5, columns: 80)).panes, .tooSmall)
        XCTAssertEqual(ScreenLayout(size: Size(rows: 24, columns: 80)).panes, .single(Rect(row: 1, column: 0, height: 22, width: 80)))
    }

    func testTableColumnsHideLowestPriorityFirstWhenNarrow() {
        let table = TableView(columns: DemoScreen.columns)
        let wide = table.columnWidths(total: 80)
        XCTAssertEqual(wide.reduce(0, +) + 5, 78, "all six columns plus separators fill the width less the gutter")
        let narrow = table.columnWidths(total: 30)
        XCTAssertEqual(narrow[4], 0, "owner hidden first")
        XCTAssertEqual(narrow[3], 0, "then source")
        XCTAssertGreaterThan(narrow[0], 0, "name always shown")
    }

    func testTextViewWrapsWideCharactersAndScrolls() {
        let lines = TextWrapper.wrap("日本語のテキストを折り返す test of wrapping\nsecond", width: 10)
        XCTAssertEqual(lines, ["日本語のテ", "キストを折", "り返す", "test of", "wrapping", "second"])
        for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 10) }
        var view = TextView(lines: lines)
        view.scroll(by: 10, height: 3)
        XCTAssertEqual(view.scrollOffset, 3)
        let canvas = GridCanvas(rows: 3, columns: 10)
        view.draw(in: Rect(size: canvas.size), canvas: canvas, style: .plain)
        XCTAssertEqual(canvas.snapshot(), "test of\nwrapping\nsecond")
    }

    func testTextViewStripsHostileSequencesFromMultilineText() {
        let lines = TextWrapper.wrap("ok\u{1B}[31m red\u{1B}]52;c;AAAA\u{07}\nline2\u{202E}x", width: 20)
        XCTAssertEqual(lines, ["ok red", "line2x"])
    }

    func testStatusBarKeepsRightSegmentsAndClipsLeft() {
        let canvas = GridCanvas(rows: 1, columns: 30)
        StatusBar.draw(left: [StatusSegment("A very long message that will not fit")],
                       right: [StatusSegment("g g", element: "statusbar.pending"), StatusSegment("syncing 3/9")],
                       in: Rect(size: canvas.size), canvas: canvas, theme: theme)
        XCTAssertEqual(canvas.line(0), " A very long… g g syncing 3/9")
        XCTAssertEqual(canvas.style(row: 0, column: 14), theme.style("statusbar.pending"))
    }

    func testPromptChoiceAndInputDraw() {
        let canvas = GridCanvas(rows: 12, columns: 40)
        var prompt = PromptDialog(title: "Set status", mode: .choice(options: LeadStatus.allCases.map(\.rawValue), selected: 0))
        prompt.move(by: -1)
        XCTAssertEqual(prompt.answer, "customer")
        XCTAssertTrue(prompt.handle(.up))
        XCTAssertEqual(prompt.answer, "contact")
        prompt.draw(in: Rect(size: canvas.size), canvas: canvas, theme: theme)
        TestSupport.assertSnapshot(canvas, named: "prompt-choice")

        let input = GridCanvas(rows: 5, columns: 40)
        var ask = PromptDialog(title: "Save view as", mode: .input(TextFieldState()), error: "Name is required")
        XCTAssertTrue(ask.handle(.char("x")))
        let cursor = ask.draw(in: Rect(size: input.size), canvas: input, theme: theme)
        XCTAssertEqual(ask.answer, "x")
        TestSupport.assertSnapshot(input, named: "prompt-input")
        XCTAssertEqual(cursor, Position(row: 1, column: 7))
    }

    func testConfirmDialogAnswers() {
        XCTAssertEqual(ConfirmDialog.answer(for: .char("y")), true)
        XCTAssertEqual(ConfirmDialog.answer(for: .enter), true)
        XCTAssertEqual(ConfirmDialog.answer(for: .escape), false)
        XCTAssertEqual(ConfirmDialog.answer(for: .char("n")), false)
        XCTAssertNil(ConfirmDialog.answer(for: .char("x")))
        let canvas = GridCanvas(rows: 8, columns: 40)
        ConfirmDialog(question: "Delete 3 leads?").draw(in: Rect(size: canvas.size), canvas: canvas, theme: theme)
        TestSupport.assertSnapshot(canvas, named: "confirm")
    }

    func testHelpOverlayIsGeneratedFromKeymapAndSearchable() {
        var help = HelpOverlay(keymap: KeymapLoader.builtinDefault())
        let down = help.lines.first { $0.action == .cursorDown && $0.context == .leads }
        XCTAssertEqual(down?.keys, "<Down>, j")
        let back = help.lines.first { $0.action == .back && $0.context == .leads }
        XCTAssertEqual(back?.keys, "<Esc>", "global keys that work in the pane are listed there too")
        let helpBack = help.lines.first { $0.action == .back && $0.context == .help }
        XCTAssertEqual(helpBack?.keys, "", "help binds Esc to cancel, shadowing global back")
        help.query = "status"
        XCTAssertTrue(help.lines.contains { $0.action == .setStatus })
        XCTAssertTrue(help.lines.contains { $0.action == .filterStatus })
        XCTAssertFalse(help.lines.contains { $0.action == .quit })
        XCTAssertTrue(help.lines.first?.isHeading == true)
        let canvas = GridCanvas(rows: 12, columns: 80)
        help.draw(in: Rect(size: canvas.size), canvas: canvas, theme: theme)
        TestSupport.assertSnapshot(canvas, named: "help-search-status")
        help.query = "zzzz"
        help.draw(in: Rect(size: canvas.size), canvas: canvas, theme: theme)
        XCTAssertTrue(canvas.line(1).contains("No action matches 'zzzz'"))
    }

    func testCommandLineDrawsCandidatesAboveTheLine() throws {
        let provider = CommandLineViewModel(store: try LeadStore.inMemory(), actionNames: ActionTable.standard.names)
        var line = CommandLineInput()
        for c in "filter-s" { _ = line.handle(.char(c)) }
        line.complete(using: provider)
        let canvas = GridCanvas(rows: 2, columns: 40)
        let cursor = line.draw(in: Rect(size: canvas.size), canvas: canvas, theme: theme)
        XCTAssertEqual(canvas.snapshot(), "filter-source  filter-status\n:filter-s")
        XCTAssertEqual(cursor, Position(row: 1, column: 9))
    }
}
