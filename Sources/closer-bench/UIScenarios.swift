import CursesBackend
import Foundation
import Store
import TerminalUI
import ViewModels

/// The timed key sequences, run against one fresh `CloserApp` at one size.
///
/// Frames go to the in-memory `GridCanvas`, or with `--curses` (`UIScenarios.usesCurses`) through
/// the real terminal path: the curses canvas, then `present()` (curses' diff and the escape
/// sequences, written to a file as a terminal of type xterm-256color would receive them).
@MainActor
struct UIScenarios {
    /// `--curses`: draw through `CursesCanvas` and `present()` instead of the in-memory grid.
    nonisolated(unsafe) static var usesCurses = false

    let store: LeadStore
    let size: Size
    let iterations: Int
    let app: CloserApp
    let grid: GridCanvas
    let terminal: CursesTerminal?
    let outputPath: String
    var canvas: Canvas { terminal?.canvas ?? grid }

    init(store: LeadStore, size: Size, iterations: Int) throws {
        self.store = store
        self.size = size
        self.iterations = iterations
        let configuration = UIConfiguration.load(environment: [:])
        let setup = CloserApp.Setup(currentUser: "ana", keymap: configuration.keymap, theme: configuration.theme,
                                    themeLoader: configuration.themeLoader, diagnostics: configuration.diagnostics, environment: [:])
        app = CloserApp(session: AppSession(store: store, currentUser: "ana"), setup: setup, size: size, sync: nil)
        grid = GridCanvas(size: size)
        outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("closer-bench-frames-\(getpid()).out").path
        if Self.usesCurses {
            let terminal = try CursesTerminal.recording(to: outputPath)
            terminal.resize(rows: size.rows, columns: size.columns)
            self.terminal = terminal
        } else {
            terminal = nil
        }
        draw()
    }

    /// Ends the recording terminal (before another one starts).
    func finish() {
        terminal?.shutdown()
        try? FileManager.default.removeItem(atPath: outputPath)
    }

    /// One frame onto the canvas (and to the terminal's output with `--curses`).
    func draw() {
        app.draw(on: canvas)
        terminal?.present()
    }

    /// Time from the first key of `keys` to the finished frame.
    func timed(_ keys: [Key]) -> Double {
        let start = UITimings.now()
        for key in keys { _ = app.handle(.key(key)) }
        draw()
        return UITimings.milliseconds(since: start)
    }

    func untimed(_ keys: [Key]) {
        for key in keys { _ = app.handle(.key(key)) }
        draw()
    }

    static func keys(_ notation: String) -> [Key] {
        (try? KeyNotation.parseSequence(notation).get()) ?? []
    }

    /// Selects the lead at `position` in name order (a jump, not timed).
    func jump(to position: Int) throws {
        guard let cursor = try store.cursor(atPosition: max(0, position), sort: .nameAscending),
              let lead = try store.leads(sort: .nameAscending, after: cursor, limit: 1).first else { return }
        app.selectLead(id: lead.id)
        draw()
    }

    func runAll() throws -> [UITimings.Row] {
        defer { finish() }
        let total = try store.countLeads()
        let top = Self.keys("g g"), down = Self.keys("j"), page = Self.keys("<C-f>"), end = Self.keys("G")
        let starts = [0, total / 2, max(0, total - iterations / 3 - 30)]
        let perStart = max(1, iterations / starts.count)

        // Warm up the statement cache and pages once (as a running app would be).
        untimed(top); for _ in 0..<5 { untimed(down) }; untimed(top)

        var line: [Double] = []
        for start in starts {
            if start == 0 { untimed(top) } else { try jump(to: start) }
            for _ in 0..<perStart { line.append(timed(down)) }
        }

        var pages: [Double] = []
        for start in starts {
            if start == 0 { untimed(top) } else { try jump(to: start) }
            for _ in 0..<max(1, perStart / 5) { pages.append(timed(page)) }
        }

        var ends: [Double] = [], tops: [Double] = []
        for index in 0..<max(10, iterations / 10) {
            try jump(to: (index * 7919) % max(1, total))
            ends.append(timed(end))
            tops.append(timed(top))
        }

        var letters: [Double] = [], word: [Double] = []
        for _ in 0..<max(5, iterations / 20) {
            untimed(top)
            untimed(Self.keys("/"))
            for c in "zoe" { letters.append(timed([Key.char(c)])) }
            untimed(Self.keys("<Esc>"))
            untimed(Self.keys("/"))
            for c in "müller" { word.append(timed([Key.char(c)])) }
            untimed(Self.keys("<Esc>"))
        }

        // The split view (120 columns and wider) loads the detail of the lead the cursor rests on
        // from `idle` (40 ms after the last move): the longest a key typed then waits behind it.
        // One pane (80×24) has no such step: no samples. Run after the other keys: the sleeps
        // would leave the next samples a cold processor.
        var rests: [Double] = []
        for index in 0..<(size.columns >= 120 ? max(10, iterations / 20) : 0) {
            try jump(to: (index * 104_729) % max(1, total))
            untimed(down)
            Thread.sleep(forTimeInterval: 0.05)  // past `LeadsPane.detailRestDelay` (40 ms)
            let start = UITimings.now()
            if app.idle() != .none { draw() }
            rests.append(UITimings.milliseconds(since: start))
        }

        var resizes: [Double] = []
        let cycle = [Size(rows: 24, columns: 80), Size(rows: 40, columns: 120), Size(rows: 60, columns: 250)]
        try jump(to: total / 3)
        for index in 0..<max(30, iterations / 5) {
            let next = cycle[index % cycle.count]
            let start = UITimings.now()
            _ = app.handle(.resize(next))
            if let terminal { terminal.resize(rows: next.rows, columns: next.columns) } else { grid.resize(to: next) }
            draw()
            resizes.append(UITimings.milliseconds(since: start))
        }
        return [
            UITimings.Row(name: "next line (j)", samples: line),
            UITimings.Row(name: "split: detail once the cursor rests", samples: rests),
            UITimings.Row(name: "next page (<C-f>)", samples: pages),
            UITimings.Row(name: "jump to end (G)", samples: ends),
            UITimings.Row(name: "jump to top (g g)", samples: tops),
            UITimings.Row(name: "search keystroke (/ z, o, e)", samples: letters),
            UITimings.Row(name: "search keystroke (/ m,ü,l,l,e,r)", samples: word),
            UITimings.Row(name: "resize 80×24↔120×40↔250×60", samples: resizes),
        ]
    }
}
