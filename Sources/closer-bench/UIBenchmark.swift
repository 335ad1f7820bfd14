import Core
import CursesBackend
import Foundation
import Store
import TerminalUI
import ViewModels

/// `closer-bench ui [--leads N] [--db PATH] [--iterations N] [--list-only] [--now SECONDS] [--cpu-time] [--curses] [--no-calendar-cache] [--samples]`: drives the real `CloserApp` over a
/// seeded database and times key → finished frame (handle + draw) for movement, search and resize,
/// at 80×24 and 250×60 (`--curses`: through the curses canvas and its diff, as the terminal gets them); then counts the bytes curses sends per "next line" keystroke at 80×24.
enum UIBenchmark {
    struct Options {
        var leads = 1_000_000
        var path: String?
        var iterations = 500
        /// `--calendar-only`: only the calendar scenarios (and no byte count).
        var calendarOnly = false
        /// `--conversation-only`: only the conversation pane's scenarios.
        var conversationOnly = false
        /// `--list-only`: only the lead list scenarios and the byte count (no calendar, dashboard, conversation).
        var listOnly = false
        /// `--now SECONDS`: the clock the dashboard reads the file at (a file seeded by `closer seed`
        /// at real time); default `BenchClock`, the benchmarks' own seeding clock.
        var now = BenchClock.date
    }

    static func run(_ args: [String]) throws {
        let options = try parse(args)
        let store = try UISeeding.open(options)
        try MainActor.assumeIsolated {
            if options.conversationOnly {  // conversation pane
                try ConversationBenchmark.run(store: store, iterations: options.iterations)
                return
            }
            let sizes = [Size(rows: 24, columns: 80), Size(rows: 60, columns: 250)]
            var tables: [[UITimings.Row]] = []
            for size in sizes {
                print("timing at \(size.columns)×\(size.rows) …")
                let list = options.calendarOnly ? [] : try UIScenarios(store: store, size: size, iterations: options.iterations).runAll()
                let calendar = options.listOnly ? [] : try CalendarUIScenarios(store: store, size: size, iterations: options.iterations).runAll()
                tables.append(list + calendar)
            }
            if options.calendarOnly {
                UITimings.printReport(leads: try store.countLeads(), sizes: sizes, tables: tables, bytes: UIByteCounter.Result())
                return
            }
            print("")
            print("bytes per next-line keystroke at 80×24 …")
            let bytes = try UIByteCounter(store: store, presses: options.iterations).run()
            UITimings.printReport(leads: try store.countLeads(), sizes: sizes, tables: tables, bytes: bytes)
            if options.listOnly { return }
            try DashboardBenchmark.paneScenarios(store: store, now: options.now)  // dashboard
            try ConversationBenchmark.run(store: store, iterations: options.iterations)  // conversation pane
        }
    }

    static func parse(_ args: [String]) throws -> Options {
        var options = Options()
        var rest = args[...]
        while let arg = rest.popFirst() {
            switch arg {
            case "--leads":
                guard let text = rest.popFirst(), let n = Int(text), n > 0 else { throw usage("--leads needs a positive number") }
                options.leads = n
            case "--db":
                guard let text = rest.popFirst(), !text.isEmpty else { throw usage("--db needs a path") }
                options.path = text
            case "--iterations":
                guard let text = rest.popFirst(), let n = Int(text), n >= 3 else { throw usage("--iterations needs a number ≥ 3") }
                options.iterations = n
            case "--calendar-only": options.calendarOnly = true
            case "--conversation-only": options.conversationOnly = true
            case "--list-only": options.listOnly = true
            case "--now":
                guard let text = rest.popFirst(), let seconds = Int64(text) else { throw usage("--now needs Unix seconds") }
                options.now = Date(timeIntervalSince1970: TimeInterval(seconds))
            case "--cpu-time": UITimings.usesThreadCPUTime = true
            case "--curses": UIScenarios.usesCurses = true
            case "--no-calendar-cache": CalendarSlotCache.isEnabled = false  // what every calendar frame costs without it
            case "--samples": UITimings.printsSamples = true
            default: throw usage("unknown option \(arg)")
            }
        }
        return options
    }

    static func usage(_ message: String) -> Error {
        UIBenchmarkError(message: "\(message)\nusage: closer-bench ui [--leads N] [--db PATH] [--iterations N] [--calendar-only | --conversation-only | --list-only] [--now SECONDS] [--cpu-time] [--curses] [--no-calendar-cache] [--samples]")
    }
}

/// A benchmark failure with a one-line message.
struct UIBenchmarkError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
