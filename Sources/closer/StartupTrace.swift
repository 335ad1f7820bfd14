import Foundation

/// `CLOSER_TRACE_STARTUP=FILE`: the terminal UI appends how long each start-up step took to FILE
/// (never to the screen), one `step  ms-since-main  ms-of-step` line each, then a blank line.
/// Without the variable every call is a no-op.
final class StartupTrace: @unchecked Sendable {
    /// The trace of this process (nil when `CLOSER_TRACE_STARTUP` is unset or empty).
    static let shared: StartupTrace? = {
        Platform.environmentValue("CLOSER_TRACE_STARTUP").map(StartupTrace.init(path:))
    }()

    private let path: String
    private let started: UInt64
    private var last: UInt64
    private var lines: [String] = []
    private let lock = NSLock()

    private init(path: String) {
        self.path = path
        started = DispatchTime.now().uptimeNanoseconds
        last = started
        lines.append("start  pid \(getpid())  process age at main \(Self.processAgeText())")
    }

    /// Starts the clock (call first thing in `main`).
    static func begin() { _ = shared }

    /// Records that `step` just finished.
    static func mark(_ step: String) { shared?.record(step) }

    /// Writes what was recorded so far to the file and starts a new block.
    static func flush() { shared?.write() }

    private func record(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.lock()
        defer { lock.unlock() }
        lines.append(String(format: "%@  %8.2f  %8.2f", step.padding(toLength: 28, withPad: " ", startingAt: 0),
                            Double(now - started) / 1e6, Double(now - last) / 1e6))
        last = now
    }

    private func write() {
        lock.lock()
        let text = lines.joined(separator: "\n") + "\n\n"
        lines.removeAll()
        lock.unlock()
        guard let handle = FileHandle(forWritingAtPath: path) ?? (FileManager.default.createFile(atPath: path, contents: nil)
                                                                    ? FileHandle(forWritingAtPath: path) : nil) else { return }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }

    /// How long ago the kernel started this process (`/proc/self/stat`, clock-tick resolution).
    private static func processAgeText() -> String {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return "?" }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return "?" }
        var uptime = timespec()
        clock_gettime(CLOCK_BOOTTIME, &uptime)
        let hertz = Double(sysconf(Int32(_SC_CLK_TCK)))
        let age = Double(uptime.tv_sec) + Double(uptime.tv_nsec) / 1e9 - ticks / hertz
        return String(format: "%.0f ms (±%.0f)", age * 1000, 1000 / hertz)
    }
}
