import Foundation
import TerminalUI

/// Collects key → frame durations and prints them as a compact table and as Markdown.
enum UITimings {
    /// One measured operation: its name and durations in milliseconds.
    struct Row {
        let name: String
        let samples: [Double]

        func percentile(_ p: Double) -> Double {
            let sorted = samples.sorted()
            guard !sorted.isEmpty else { return 0 }
            let index = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
            return sorted[index]
        }
        var maximum: Double { samples.max() ?? 0 }
    }

    /// `--cpu-time`: time the main thread's CPU instead of the wall clock, so figures taken on a
    /// machine shared with other work are not inflated by waiting for a core. Set once at start.
    nonisolated(unsafe) static var usesThreadCPUTime = false

    /// Now, in nanoseconds: the monotonic clock, or this thread's CPU time with `--cpu-time`.
    static func now() -> UInt64 {
        usesThreadCPUTime ? threadCPUNanoseconds() : DispatchTime.now().uptimeNanoseconds
    }

    /// This thread's CPU time, in nanoseconds.
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Milliseconds since `start` (taken with `now()`).
    static func milliseconds(since start: UInt64) -> Double {
        Double(now() - start) / 1_000_000
    }

    /// `--samples`: after the table, every row's samples in the order they were taken (which key
    /// of a run was the slow one: a first visit, the first frame at a size…).
    nonisolated(unsafe) static var printsSamples = false

    static func ms(_ value: Double) -> String { String(format: "%.2f", value) }

    /// Each row's samples in order, one line per row and size.
    static func printSamples(sizes: [Size], tables: [[Row]]) {
        for (size, table) in zip(sizes, tables) {
            for row in table {
                print("samples \(size.columns)×\(size.rows) \(row.name): " + row.samples.map(ms).joined(separator: " "))
            }
        }
    }

    static func printReport(leads: Int, sizes: [Size], tables: [[Row]], bytes: UIByteCounter.Result) {
        let names = tables.first?.map(\.name) ?? []
        let headers = sizes.map { "\($0.columns)×\($0.rows)" }
        print("")
        print("ui benchmark: \(leads) leads, key → finished frame (handle + draw), ms" + (usesThreadCPUTime ? " of main-thread CPU time" : ""))
        var header = "operation".padding(toLength: 34, withPad: " ", startingAt: 0) + " n    "
        for h in headers { header += "| " + "\(h) p50/p99/max".padding(toLength: 27, withPad: " ", startingAt: 0) }
        print(header)
        for (index, name) in names.enumerated() {
            var line = name.padding(toLength: 34, withPad: " ", startingAt: 0)
            line += " " + String(tables[0][index].samples.count).padding(toLength: 5, withPad: " ", startingAt: 0)
            for table in tables {
                let row = table[index]
                line += "| " + "\(ms(row.percentile(50))) / \(ms(row.percentile(99))) / \(ms(row.maximum))"
                    .padding(toLength: 27, withPad: " ", startingAt: 0)
            }
            print(line)
        }
        print(String(format: "bytes per next-line keystroke at 80×24: average %.1f, p99 %d, max %d (%d presses; first full frame %d bytes)",
                     bytes.average, bytes.p99, bytes.maximum, bytes.samples.count, bytes.firstFrame))
        if printsSamples { printSamples(sizes: sizes, tables: tables) }
        print("")
        print("Markdown:")
        print("")
        print("Key → finished frame (`CloserApp.handle` + `draw` into a canvas), \(leads.formatted()) leads, release build, ms" + (usesThreadCPUTime ? " of main-thread CPU time" : "") + ":")
        print("")
        var md = "| Operation | n |"
        for h in headers { md += " \(h) p50 | \(h) p99 | \(h) max |" }
        print(md)
        print("|---|---:|" + String(repeating: "---:|---:|---:|", count: headers.count))
        for (index, name) in names.enumerated() {
            var line = "| \(name) | \(tables[0][index].samples.count) |"
            for table in tables {
                let row = table[index]
                line += " \(ms(row.percentile(50))) | \(ms(row.percentile(99))) | \(ms(row.maximum)) |"
            }
            print(line)
        }
        print("")
        print(String(format: "Bytes sent to the terminal per next-line keystroke at 80×24 (ncurses, xterm-256color): average %.1f, p99 %d, max %d over %d presses.",
                     bytes.average, bytes.p99, bytes.maximum, bytes.samples.count))
    }
}
