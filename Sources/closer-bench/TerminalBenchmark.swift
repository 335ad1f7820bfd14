import Foundation
import Store

/// `closer-bench terminal [--db PATH] [--leads N] [--presses N] [--runs N]`: the real `closer`
/// binary in a real terminal (tmux). Counts the bytes each `j` sends (`tmux pipe-pane -O`) at 80×24
/// under xterm-256color, screen and vt100 — moves inside the page and moves that scroll apart, `j`
/// and `k`, and PageDown/PageUp —
/// and times the first frame (start until a lead row shows) against the sqlite3 shell printing
/// 22 leads of the same file, warm, as medians of `--runs`; and counts the shared libraries the
/// running `closer` has mapped at its first frame.
enum TerminalBenchmark {
    struct Options {
        var leads = 1_000_000
        var path: String?
        var presses = 40
        var runs = 7
    }

    static func run(_ args: [String]) throws {
        let options = try parse(args)
        let path = try database(options)
        let closer = try closerBinary()
        say("terminal benchmark: \(closer) on \(path)")
        say("")
        say("bytes per key at 80×24, through tmux pipe-pane -O (\(options.presses) j from the top, as many k back, then 5 C-f and 5 C-b):")
        say("| TERM | j inside the page (median / max) | j that scrolls (median / max) | all j (mean) | k that scrolls (median / max) | all j and k (mean / max) | page down / up (median) |")
        say("|---|---:|---:|---:|---:|---:|---:|")
        for term in ["xterm-256color", "screen", "vt100"] {
            let run = try bytesPerMove(closer: closer, database: path, term: term, presses: options.presses)
            let samples = run.down
            let inPage = Array(samples.prefix(18)), scrolling = Array(samples.dropFirst(24))
            let upScrolling = Array(run.up.dropFirst(24))
            let moves = run.down + run.up
            func mean(_ values: [Int]) -> String { String(format: "%.1f", Double(values.reduce(0, +)) / Double(max(1, values.count))) }
            say("| \(term) | \(median(inPage)) / \(inPage.max() ?? 0) | \(median(scrolling)) / \(scrolling.max() ?? 0) | \(mean(samples)) | "
                  + "\(median(upScrolling)) / \(upScrolling.max() ?? 0) | \(mean(moves)) / \(moves.max() ?? 0) | \(median(run.pageDown)) / \(median(run.pageUp)) |")
        }
        say("")
        say("first frame at 80×24 (warm, median of \(options.runs); tmux polling included):")
        let ui = try (0..<options.runs).compactMap { _ in try firstFrame(closer: closer, database: path) }
        let shell = try (0..<options.runs).compactMap { _ in try sqliteFirstRows(database: path) }
        say(String(format: "closer --db FILE until a lead row shows: %.1f ms (min %.1f)", median(ui) * 1000, (ui.min() ?? 0) * 1000))
        say(String(format: "sqlite3 FILE 'SELECT … LIMIT 22' until row 22 shows: %.1f ms (min %.1f)", median(shell) * 1000, (shell.min() ?? 0) * 1000))
        if let libraries = try sharedLibrariesAtFirstFrame(closer: closer, database: path) {
            say("shared libraries mapped at the first frame: \(libraries.count)"
                  + (libraries.contains { $0.contains("libcurl") } ? " (libcurl among them)" : " (libcurl not loaded)"))
        }
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
            say(String(format: "database size: %.0f MB", Double(size) / 1_000_000))
        }
    }

    /// Bytes written to the terminal by each key: `presses` `j` from the top of the list, as many
    /// `k` back to it, then five page-downs and five page-ups (C-f, C-b).
    struct MoveBytes {
        var down: [Int] = [], up: [Int] = [], pageDown: [Int] = [], pageUp: [Int] = []
    }

    /// The bytes of every key of one run (`MoveBytes`) under `term` at 80×24.
    static func bytesPerMove(closer: String, database: String, term: String, presses: Int) throws -> MoveBytes {
        let tmux = try TmuxDriver()
        defer { tmux.stop() }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("closer-bench-pipe-\(getpid()).out").path
        try? FileManager.default.removeItem(atPath: output)
        FileManager.default.createFile(atPath: output, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: output) }
        try tmux.start("env TERM=\(term) LANG=C.UTF-8 USER=ana '\(closer)' --db '\(database)'", width: 80, height: 24)
        guard try tmux.waitFor({ $0.contains("1 of ") }) != nil else { throw UIBenchmarkError(message: "\(term): the list never showed") }
        Thread.sleep(forTimeInterval: 1.5)  // let the idle position/total lookups finish
        try tmux.pipe(to: output)
        Thread.sleep(forTimeInterval: 0.3)
        var run = MoveBytes()
        var written = size(of: output)
        for _ in 0..<presses {
            try tmux.send("j")
            written = settle(output, from: written, into: &run.down)
        }
        for _ in 0..<presses {
            try tmux.send("k")
            written = settle(output, from: written, into: &run.up)
        }
        for _ in 0..<5 {
            try tmux.send("C-f")  // page-down (vt100 has no PageDown key)
            written = settle(output, from: written, into: &run.pageDown)
        }
        for _ in 0..<5 {
            try tmux.send("C-b")  // page-up
            written = settle(output, from: written, into: &run.pageUp)
        }
        try tmux.pipe(to: nil)
        return run
    }

    /// Waits until the file stops growing (a finished frame) and records how much it grew.
    private static func settle(_ path: String, from start: Int, into samples: inout [Int]) -> Int {
        var last = start, stable = 0
        let deadline = Date().addingTimeInterval(2)
        while stable < 6 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.025)
            let now = size(of: path)
            if now == last && now > start { stable += 1 } else { stable = 0 }
            last = now
        }
        samples.append(last - start)
        return last
    }

    /// Seconds from starting `closer --db FILE` in tmux until a lead row (the `>` selection) shows;
    /// `atFirstFrame` runs then, while `closer` still runs.
    static func firstFrame(closer: String, database: String, atFirstFrame: () -> Void = {}) throws -> TimeInterval? {
        let tmux = try TmuxDriver()
        defer { tmux.stop() }
        _ = try tmux.run(["-f", "/dev/null", "new-session", "-d", "-s", "idle", "-x", "80", "-y", "24", "sleep 60"])
        let start = Date()
        try tmux.run(["new-window", "-t", "idle", "-n", "ui", "env TERM=xterm-256color LANG=C.UTF-8 USER=ana '\(closer)' --db '\(database)'"])
        while Date().timeIntervalSince(start) < 10 {
            let screen = try tmux.run(["capture-pane", "-p", "-t", "idle:ui"], output: true)
            if screen.split(separator: "\n").contains(where: { $0.hasPrefix(">") }) {
                let seconds = Date().timeIntervalSince(start)
                atFirstFrame()
                return seconds
            }
        }
        return nil
    }

    /// The shared libraries (`/proc/PID/maps`) of `closer --db FILE` once its first frame shows:
    /// release builds open libcurl and its ~30 libraries only for an https request.
    static func sharedLibrariesAtFirstFrame(closer: String, database: String) throws -> Set<String>? {
        let tmux = try TmuxDriver()
        defer { tmux.stop() }
        try tmux.start("exec env TERM=xterm-256color LANG=C.UTF-8 USER=ana '\(closer)' --db '\(database)'", width: 80, height: 24)
        guard try tmux.waitFor(timeout: 10, { $0.split(separator: "\n").contains { $0.hasPrefix(">") } }) != nil else { return nil }
        let pid = try tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_pid}"], output: true)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        // Read to the end: /proc files report size 0, and a single read returns only the first page.
        guard !pid.isEmpty, let handle = FileHandle(forReadingAtPath: "/proc/\(pid)/maps") else { return nil }
        defer { handle.closeFile() }
        let maps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        return Set(maps.split(separator: "\n").compactMap { line in
            line.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init).flatMap { $0.contains(".so") ? $0 : nil }
        })
    }

    /// The same for the sqlite3 shell printing the first 22 leads by name (its 22nd line).
    static func sqliteFirstRows(database: String) throws -> TimeInterval? {
        let tmux = try TmuxDriver()
        defer { tmux.stop() }
        _ = try tmux.run(["-f", "/dev/null", "new-session", "-d", "-s", "idle", "-x", "80", "-y", "24", "sleep 60"])
        let query = "SELECT first_name, last_name, status, owner FROM leads WHERE deleted = 0 ORDER BY sort_name LIMIT 22"
        let start = Date()
        try tmux.run(["new-window", "-t", "idle", "-n", "sql", "sqlite3 '\(database)' '\(query)'; sleep 60"])
        while Date().timeIntervalSince(start) < 10 {
            let screen = try tmux.run(["capture-pane", "-p", "-t", "idle:sql"], output: true)
            if screen.split(separator: "\n").filter({ $0.contains("|") }).count >= 22 { return Date().timeIntervalSince(start) }
        }
        return nil
    }

    /// `--db PATH` as it is when it exists; else the ui benchmark's database (seeded if needed).
    static func database(_ options: Options) throws -> String {
        if let path = options.path, FileManager.default.fileExists(atPath: path) { return path }
        let path = options.path ?? FileManager.default.temporaryDirectory.appendingPathComponent("closer-bench-ui-\(options.leads).db").path
        var ui = UIBenchmark.Options()
        ui.leads = options.leads
        ui.path = path
        _ = try UISeeding.open(ui)
        return path
    }

    /// The `closer` binary built next to this one.
    static func closerBinary() throws -> String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let path = here.appendingPathComponent("closer").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw UIBenchmarkError(message: "no closer binary next to closer-bench (swift build -c release --product closer)")
        }
        return path
    }

    /// Prints a line at once (progress shows while the benchmark runs, even into a pipe).
    static func say(_ line: String) {
        print(line)
        fflush(nil)
    }

    static func size(of path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

    static func median(_ values: [Int]) -> Int { values.isEmpty ? 0 : values.sorted()[values.count / 2] }
    static func median(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.sorted()[values.count / 2] }

    static func parse(_ args: [String]) throws -> Options {
        var options = Options()
        var rest = args[...]
        func number(_ name: String, atLeast minimum: Int) throws -> Int {
            guard let text = rest.popFirst(), let n = Int(text), n >= minimum else {
                throw UIBenchmarkError(message: "\(name) needs a number ≥ \(minimum)\nusage: closer-bench terminal [--db PATH] [--leads N] [--presses N] [--runs N]")
            }
            return n
        }
        while let arg = rest.popFirst() {
            switch arg {
            case "--leads": options.leads = try number(arg, atLeast: 1)
            case "--presses": options.presses = try number(arg, atLeast: 26)
            case "--runs": options.runs = try number(arg, atLeast: 1)
            case "--db":
                guard let text = rest.popFirst(), !text.isEmpty else { throw UIBenchmarkError(message: "--db needs a path") }
                options.path = text
            default: throw UIBenchmarkError(message: "unknown option \(arg)\nusage: closer-bench terminal [--db PATH] [--leads N] [--presses N] [--runs N]")
            }
        }
        return options
    }
}
