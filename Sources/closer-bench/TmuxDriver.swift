import Foundation

/// A tmux server of its own (`-L` socket) for the terminal benchmark: one session, keys, captures
/// and `pipe-pane -O` (the exact bytes the program writes to its terminal).
final class TmuxDriver {
    let socket = "closer-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let session = "bench"
    let tmux: String

    init() throws {
        guard let path = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw UIBenchmarkError(message: "tmux is not installed")
        }
        tmux = path
    }

    deinit { _ = try? run(["kill-server"]) }

    /// Starts `command` (a shell command line) in a new session of the given size.
    func start(_ command: String, width: Int, height: Int) throws {
        try run(["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), command])
    }

    /// Ends the session (and the server).
    func stop() { _ = try? run(["kill-server"]) }

    /// Sends tmux key names.
    func send(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    /// The visible screen as text.
    func capture() throws -> String { try run(["capture-pane", "-p", "-t", session], output: true) }

    /// Copies everything the program writes from now on to `path` (nil stops).
    func pipe(to path: String?) throws {
        try run(["pipe-pane", "-O", "-t", session] + (path.map { ["cat >> '\($0)'"] } ?? []))
    }

    /// Runs tmux on this server through `/bin/sh` (Foundation's `Process` can hang on tmux's
    /// daemonising client); its standard output when `output`.
    @discardableResult
    func run(_ arguments: [String], output: Bool = false) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).capture").path
        let words = ([tmux, "-L", socket] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let status = system(words.joined(separator: " ") + (output ? " > '\(file)'" : " > /dev/null") + " 2>/dev/null < /dev/null")
        guard output else { return status == 0 ? "" : "" }
        defer { try? FileManager.default.removeItem(atPath: file) }
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }

    /// Polls `condition` on the screen until it holds; the seconds it took, or nil after `timeout`.
    func waitFor(timeout: TimeInterval = 30, _ condition: (String) -> Bool) throws -> TimeInterval? {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if condition(try capture()) { return Date().timeIntervalSince(start) }
        }
        return nil
    }
}
