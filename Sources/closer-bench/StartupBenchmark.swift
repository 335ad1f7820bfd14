import Foundation

/// `closer-bench startup [--db PATH] [--runs N] [--compare OTHER_CLOSER] [--warm]`: the first frame of the
/// real `closer --db FILE` in tmux (start until a lead row shows) with the `closer` binary and the
/// database dropped from the page cache before each run (`PageCache`: those two files only, so no
/// root is needed and the rest of the machine keeps its cache), against the sqlite3 shell printing
/// 22 leads of the same cold file; and how much of the binary each start had read by its first
/// frame (its pages in the cache then). `--compare` runs another `closer` build (e.g. main's) in alternation.
/// `--warm` keeps both files cached (the warm first frame, old and new build in pairs).
enum StartupBenchmark {
    struct Options {
        var path: String?
        var runs = 5
        var compare: String?
        var warm = false
    }

    static func run(_ args: [String]) throws {
        let options = try parse(args)
        var terminalOptions = TerminalBenchmark.Options()
        terminalOptions.path = options.path
        let database = try TerminalBenchmark.database(terminalOptions)
        let binaries = [try TerminalBenchmark.closerBinary()] + (options.compare.map { [$0] } ?? [])
        let state = options.warm ? "warm: binary and database in the page cache" : "binary and database out of the page cache"
        TerminalBenchmark.say("startup benchmark (\(state)) on \(database)")
        var frames = Array(repeating: [Double](), count: binaries.count)
        var readMB = Array(repeating: [Double](), count: binaries.count)
        var shell: [Double] = []
        for _ in 0..<options.runs {
            for (index, binary) in binaries.enumerated() {
                if !options.warm {
                    PageCache.drop(binary)
                    PageCache.drop(database)
                }
                var resident = 0
                if let seconds = try TerminalBenchmark.firstFrame(closer: binary, database: database,
                                                                  atFirstFrame: { resident = PageCache.residentBytes(binary) ?? 0 }) {
                    frames[index].append(seconds * 1000)
                    readMB[index].append(Double(resident) / 1_048_576)
                }
            }
            if !options.warm { PageCache.drop(database) }
            if let seconds = try TerminalBenchmark.sqliteFirstRows(database: database) { shell.append(seconds * 1000) }
        }
        for (index, binary) in binaries.enumerated() {
            TerminalBenchmark.say("\(binary): " + String(format: "first frame \(options.warm ? "warm" : "cold") %.1f ms (min %.1f), binary read %.1f MB of %.1f MB",
                                         TerminalBenchmark.median(frames[index]), frames[index].min() ?? 0,
                                         TerminalBenchmark.median(readMB[index]), Double(fileSize(binary)) / 1_048_576))
        }
        TerminalBenchmark.say(String(format: "sqlite3 FILE 'SELECT … LIMIT 22', database \(options.warm ? "warm" : "cold"): %.1f ms (min %.1f)",
                                     TerminalBenchmark.median(shell), shell.min() ?? 0))
        for (index, binary) in binaries.enumerated() where !shell.isEmpty {
            TerminalBenchmark.say(String(format: "\(binary) / sqlite3 (medians): %.2f×",
                                         TerminalBenchmark.median(frames[index]) / TerminalBenchmark.median(shell)))
        }
        TerminalBenchmark.say("load average: " + ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?")
            .split(separator: " ").prefix(3).joined(separator: " "))
    }

    static func fileSize(_ path: String) -> Int { TerminalBenchmark.size(of: path) }

    static func parse(_ args: [String]) throws -> Options {
        let usage = "usage: closer-bench startup [--db PATH] [--runs N] [--compare OTHER_CLOSER] [--warm]"
        var options = Options()
        var rest = args[...]
        while let arg = rest.popFirst() {
            switch arg {
            case "--warm": options.warm = true
            case "--runs":
                guard let text = rest.popFirst(), let n = Int(text), n >= 1 else { throw UIBenchmarkError(message: "--runs needs a number ≥ 1\n\(usage)") }
                options.runs = n
            case "--db", "--compare":
                guard let text = rest.popFirst(), !text.isEmpty else { throw UIBenchmarkError(message: "\(arg) needs a path\n\(usage)") }
                if arg == "--db" { options.path = text } else {
                    guard FileManager.default.isExecutableFile(atPath: text) else { throw UIBenchmarkError(message: "--compare: no executable at \(text)") }
                    options.compare = text
                }
            default: throw UIBenchmarkError(message: "unknown option \(arg)\n\(usage)")
            }
        }
        return options
    }
}
