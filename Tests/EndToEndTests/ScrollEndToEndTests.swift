import Foundation
import XCTest

/// Scrolling the lead list by single lines (`j` at the bottom of the page, `k` at the top) sends
/// the terminal a scroll plus the new row instead of repainting the page. This checks, in tmux
/// under xterm-256color, screen and vt100, that the screen built that way is exactly the screen
/// a full repaint (`C-l`) draws — text, wide characters and colours, cell for cell.
final class ScrollEndToEndTests: XCTestCase {
    private var workspace: CloserProcess!

    override func setUpWithError() throws {
        workspace = try CloserProcess()
        _ = try CloserProcess.executable()
        // International demo names: CJK (wide), Arabic, Cyrillic, Greek, accents.
        let seeded = try workspace.run(["seed", "--leads", "400"])
        XCTAssertEqual(seeded.status, 0, seeded.stderr)
        var csv = "first_name,last_name,email,phone,owner,company\n"
        for index in 0..<30 {  // "Aaa" sorts first: the pages scrolled through hold wide names
            csv += "Aaa,田中太郎\(index) 🎉,wide\(index)@example.com,+1555000\(1000 + index),ana,東京商事\n"
        }
        let imported = try workspace.run(["import", try workspace.write("wide.csv", csv)])
        XCTAssertEqual(imported.status, 0, imported.stderr)
    }

    override func tearDown() { workspace?.cleanUp() }

    private func startUI(term: String, width: Int = 80, height: Int = 24) throws -> TmuxSession {
        let directory = workspace.directory
        return try TmuxSession(
            command: [try CloserProcess.executable().path, "--db", workspace.database], width: width, height: height,
            environment: ["TERM": term, "HOME": directory.path, "USER": "ana", "NO_COLOR": "",
                          "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
                          "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path],
            directory: directory)
    }

    /// Presses `key` and waits until the title shows the selection at `position`.
    private func press(_ key: String, expecting position: Int, in ui: TmuxSession) throws {
        try ui.send(key)
        _ = try ui.waitFor(text: " \(position) of 430")
    }

    /// The screen as visible cells (text, colours, attributes), after the frame settled (two
    /// equal captures in a row).
    private func settledScreen(_ ui: TmuxSession) throws -> [String] {
        var last = try ui.screenWithAttributes()
        for _ in 0..<20 {
            Thread.sleep(forTimeInterval: 0.1)
            let now = try ui.screenWithAttributes()
            if now == last { break }
            last = now
        }
        return VisibleCells.rows(of: last)
    }

    /// Repaints the whole screen (`C-l`) and checks that every row is what was there before.
    private func assertSameAsRepaint(_ ui: TmuxSession, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let drawn = try settledScreen(ui)
        try ui.send("C-l")
        let repainted = try settledScreen(ui)
        XCTAssertEqual(drawn.count, repainted.count, "\(what): row count", file: file, line: line)
        XCTAssertEqual(drawn, repainted, "\(what): the screen differs from a full repaint; \(difference(drawn, repainted))", file: file, line: line)
    }

    /// The first differing row of two screens, for the failure message.
    private func difference(_ a: [String], _ b: [String]) -> String {
        guard let row = (0..<max(a.count, b.count)).first(where: { (a.indices.contains($0) ? a[$0] : "") != (b.indices.contains($0) ? b[$0] : "") })
        else { return "" }
        return "row \(row):\n  scrolled:  \(a.indices.contains(row) ? a[row] : "")\n  repainted: \(b.indices.contains(row) ? b[row] : "")"
    }

    func testLineScrollsDrawExactlyWhatAFullRepaintDraws() throws {
        for term in ["xterm-256color", "screen", "vt100"] {
            let ui = try startUI(term: term)
            defer { ui.kill() }
            _ = try ui.waitFor(text: "1 of 430")
            let first = try ui.screen()
            XCTAssertTrue(first.contains("田中太郎0 🎉"), "\(term): the wide names are not on the first page:\n\(first)")

            var position = 1
            for _ in 0..<30 {  // 20 rows show: the last ten presses scroll by one line each
                position += 1
                try press("j", expecting: position, in: ui)
            }
            let scrolledDown = try settledScreen(ui)
            try ui.send("C-l")
            let repainted = try settledScreen(ui)
            XCTAssertEqual(scrolledDown, repainted, "\(term): after scrolling down the screen differs from a full repaint; \(difference(scrolledDown, repainted))")
            let text = try ui.screen()
            XCTAssertTrue(text.contains("田中太郎9 🎉"), "\(term): the scrolled-in wide name (last of the 30 in name order) is missing:\n\(text)")
            XCTAssertFalse(text.contains("田中太郎0 🎉"), "\(term): the first lead did not scroll away:\n\(text)")

            for _ in 0..<25 {  // back up: the last presses scroll the other way
                position -= 1
                try press("k", expecting: position, in: ui)
            }
            let scrolledUp = try settledScreen(ui)
            try ui.send("C-l")
            let repaintedAgain = try settledScreen(ui)
            XCTAssertEqual(scrolledUp, repaintedAgain, "\(term): after scrolling up the screen differs from a full repaint; \(difference(scrolledUp, repaintedAgain))")
            try ui.send("q")
        }
    }

    /// Each single scroll on its own (a repaint in between), then pages, under the three TERMs:
    /// one wrong line scroll would show here even if a later one happened to hide it.
    func testEverySingleScrollAndPageDrawsWhatAFullRepaintDraws() throws {
        for term in ["xterm-256color", "screen", "vt100"] {
            let ui = try startUI(term: term)
            defer { ui.kill() }
            _ = try ui.waitFor(text: "1 of 430")
            var position = 1
            for _ in 0..<19 {  // to the bottom row of the page
                position += 1
                try press("j", expecting: position, in: ui)
            }
            for _ in 0..<3 {
                position += 1
                try press("j", expecting: position, in: ui)
                try assertSameAsRepaint(ui, "\(term), j scrolling to \(position)")
            }
            try ui.send("C-f")  // page-down (vt100 has no PageDown key)
            _ = try ui.waitFor("PageDown to move") { !$0.contains(" \(position) of 430") }
            try assertSameAsRepaint(ui, "\(term), PageDown")
            let paged = try ui.screen()
            guard let shown = paged.range(of: #" (\d+) of 430"#, options: .regularExpression),
                  var at = Int(paged[shown].dropFirst().split(separator: " ")[0]) else {
                return XCTFail("\(term): no position after PageDown:\n\(paged)")
            }
            try ui.send("C-b")  // page-up
            _ = try ui.waitFor("PageUp to move") { !$0.contains(" \(at) of 430") }
            try assertSameAsRepaint(ui, "\(term), PageUp")
            let back = try ui.screen()
            if let range = back.range(of: #" (\d+) of 430"#, options: .regularExpression) {
                at = Int(back[range].dropFirst().split(separator: " ")[0]) ?? at
            }
            let top = try XCTUnwrap(back.split(separator: "\n").firstIndex { $0.hasPrefix(">") }, "\(term): no selection after PageUp:\n\(back)")
            for _ in 0..<(top - 3) {  // up to the first list row (title, tabs and header above it)
                at -= 1
                try press("k", expecting: at, in: ui)
            }
            for _ in 0..<2 where at > 1 {
                at -= 1
                try press("k", expecting: at, in: ui)
                try assertSameAsRepaint(ui, "\(term), k scrolling to \(at)")
            }
            try ui.send("q")
        }
    }

    /// 250×60, list and detail side by side: line scrolls of the list beside the detail pane (which
    /// follows the selection once the cursor rests) draw what a full repaint draws.
    func testScrollsBesideTheDetailDrawWhatAFullRepaintDraws() throws {
        for term in ["xterm-256color", "screen", "vt100"] {
            let ui = try startUI(term: term, width: 250, height: 60)
            defer { ui.kill() }
            _ = try ui.waitFor(text: "1 of 430")
            let first = try ui.screen()
            let rows = first.split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertGreaterThan(rows.filter { $0.count > 130 }.count, 5, "\(term): no detail beside the list:\n\(first)")
            try ui.type(String(repeating: "j", count: 45))  // ~55 rows show: the presses after these scroll
            var position = 46
            _ = try ui.waitFor(text: " \(position) of 430")
            for _ in 0..<25 {
                position += 1
                try press("j", expecting: position, in: ui)
            }
            try assertSameAsRepaint(ui, "\(term) 250×60, after j scrolls")
            position += 1
            try press("j", expecting: position, in: ui)
            try assertSameAsRepaint(ui, "\(term) 250×60, one more j scroll")
            try ui.type(String(repeating: "k", count: 45))
            position -= 45
            _ = try ui.waitFor(text: " \(position) of 430")
            for _ in 0..<(position - 1) {
                position -= 1
                try press("k", expecting: position, in: ui)
            }
            try assertSameAsRepaint(ui, "\(term) 250×60, after k scrolls")
            try ui.send("q")
        }
    }
}

/// Reads `tmux capture-pane -e` output into what a person sees: each row as its cells, a printed
/// character with its colours and attributes, a blank with only what shows on a blank (its
/// background, reverse video). Bold or underline on a blank is invisible, and terminals differ on
/// whether an erased cell keeps them, so blanks do not compare them.
enum VisibleCells {
    static func rows(of capture: String) -> [String] {
        capture.split(separator: "\n", omittingEmptySubsequences: false).map { row(String($0)) }
    }

    private static func row(_ line: String) -> String {
        var state: [String: String] = [:]
        var cells: [String] = []
        var scalars = Array(line.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\u{1B}", scalars.first == "[" {
                scalars.removeFirst()
                var parameters = ""
                while let next = scalars.popFirst(), next != "m" { parameters.unicodeScalars.append(next) }
                apply(parameters, to: &state)
                continue
            }
            let character = Character(scalar)
            let visible = character == " "
                ? ["bg": state["bg"] ?? "", "reverse": state["reverse"] ?? ""]
                : state
            cells.append(String(character) + visible.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))
        }
        while let last = cells.last, last.hasPrefix(" "), last == " bg=,reverse=" { cells.removeLast() }
        return cells.joined(separator: "|")
    }

    /// Applies one SGR parameter list (`1;30;46`, `38;5;208`, `0`) to the current state.
    private static func apply(_ parameters: String, to state: inout [String: String]) {
        var codes = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }[...]
        if codes.isEmpty { codes = [0] }
        while let code = codes.popFirst() {
            switch code {
            case 0: state = [:]
            case 1: state["bold"] = "1"
            case 2: state["dim"] = "1"
            case 3: state["italic"] = "1"
            case 4: state["underline"] = "1"
            case 5: state["blink"] = "1"
            case 7: state["reverse"] = "1"
            case 22: state["bold"] = nil; state["dim"] = nil
            case 23: state["italic"] = nil
            case 24: state["underline"] = nil
            case 27: state["reverse"] = nil
            case 30...37, 90...97: state["fg"] = String(code)
            case 39: state["fg"] = nil
            case 40...47, 100...107: state["bg"] = String(code)
            case 49: state["bg"] = nil
            case 38, 48:
                let key = code == 38 ? "fg" : "bg"
                if codes.first == 5, codes.count >= 2 { codes.removeFirst(); state[key] = "5:\(codes.removeFirst())" }
                else if codes.first == 2, codes.count >= 4 {
                    codes.removeFirst()
                    state[key] = "2:\(codes.removeFirst()):\(codes.removeFirst()):\(codes.removeFirst())"
                }
            default: state["sgr\(code)"] = "1"
            }
        }
    }
}
