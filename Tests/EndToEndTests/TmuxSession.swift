import Foundation
import XCTest

/// A real terminal for end-to-end tests: a detached tmux session on a private server socket
/// (so it never touches the user's tmux), driven with `send-keys` and read with `capture-pane`.
final class TmuxSession {
    let socket: String
    let name = "closer"
    private(set) var isRunning = false
    private var configFile: URL?
    /// Where the command's shell writes its exit status (tmux 3.3 does not always record it).
    private let statusFile: URL

    /// Starts `command` (argv, run through `env` so `environment` applies) in a new session of the given size.
    init(command: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:],
         directory: URL? = nil) throws {
        guard let tmux = Self.tmuxPath() else {
            throw TmuxError("tmux is not installed (apt-get install -y tmux)")
        }
        socket = "closer-e2e-\(UUID().uuidString.prefix(8))"
        var env = ["TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8"]
        env += environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // remain-on-exit keeps the pane after the program exits, so its last screen and exit
        // status can be read; set in the config so even a program that exits at once is kept.
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).conf")
        try Data("set-option -g remain-on-exit on\n".utf8).write(to: config)
        configFile = config
        var arguments = ["-L", socket, "-f", config.path, "new-session", "-d", "-s", name,
                         "-x", String(width), "-y", String(height)]
        if let directory { arguments += ["-c", directory.path] }
        statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).status")
        let reporting = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo $? > '\(statusFile.path)'"] + command
        arguments += ["--", "/usr/bin/env"] + env + reporting
        try Self.run(tmux, arguments)
        isRunning = true
    }

    deinit { kill() }

    /// Sends tmux key names (`j`, `Enter`, `Escape`, `C-r`, `PageDown`, ...), one argument each.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Sends Escape alone: waits past the terminal's escape delay so the next key is not read as Alt+key.
    func sendEscape() throws {
        try send("Escape")
        Thread.sleep(forTimeInterval: 0.3)
    }

    /// Types text literally, character by character as a user would.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    /// The visible screen as text (trailing spaces trimmed by tmux).
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// The visible screen with tmux's own escape sequences for colours (`capture-pane -e`).
    func screenWithAttributes() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", name])
    }

    /// The pane's title, which an OSC 0/2 sequence reaching the terminal would change.
    func paneTitle() throws -> String {
        try tmux(["display-message", "-p", "-t", name, "#{pane_title}"])
    }

    /// Resizes the window, as a user dragging the terminal would.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Whether the program in the pane has exited, and its status when it has: as its shell wrote
    /// it, else (the shell itself was killed) as tmux recorded it.
    func exitStatus() throws -> Int32? {
        if let status = writtenStatus() { return status }
        let text = try tmux(["display-message", "-p", "-t", name, "#{pane_dead} #{pane_dead_status}"])
        let parts = text.split(whereSeparator: { $0 == " " || $0.isNewline })
        // tmux marks the pane dead when its terminal closes, a moment before it has reaped the
        // process; until the status is known, the program is not reported as exited.
        guard parts.first == "1", parts.count > 1 else { return nil }
        return writtenStatus() ?? Int32(parts[1])  // the shell may have written it since the first look
    }

    private func writtenStatus() -> Int32? {
        guard let text = try? String(contentsOf: statusFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last screen.
    /// The timeout bounds a wait for the program; it is not a speed assertion.
    @discardableResult
    func waitFor(_ description: String, timeout: TimeInterval = 20, file: StaticString = #filePath,
                 line: UInt = #line, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("timed out waiting for \(description); screen was:\n\(last)", file: file, line: line)
        throw TmuxError("timed out waiting for \(description)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitFor("'\(text)'", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// Waits for the program to exit and returns its status.
    func waitForExit(timeout: TimeInterval = 10) throws -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = try exitStatus() { return status }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    /// Ends the session and its tmux server.
    func kill() {
        if let configFile { try? FileManager.default.removeItem(at: configFile) }
        try? FileManager.default.removeItem(at: statusFile)
        guard isRunning, let tmux = Self.tmuxPath() else { return }
        isRunning = false
        _ = try? Self.run(tmux, ["-L", socket, "kill-server"])
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        guard let tmux = Self.tmuxPath() else { throw TmuxError("tmux is not installed") }
        return try Self.run(tmux, ["-L", socket] + arguments)
    }

    static func tmuxPath() -> String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs tmux and returns its standard output. It goes through `system()` (fork, exec, waitpid)
    /// with output in temporary files: the tmux client exits after forking its server, and
    /// Foundation's `Process` was seen never reaping it; the forked server would also hold a pipe open.
    @discardableResult
    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory
        let outURL = directory.appendingPathComponent("tmux-out-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent("tmux-err-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let line = ([executable] + arguments).map(shellQuoted).joined(separator: " ")
            + " </dev/null >\(shellQuoted(outURL.path)) 2>\(shellQuoted(errURL.path))"
        let status = system(line)
        let output = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let errors = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
            throw TmuxError("tmux \(arguments.joined(separator: " ")): \(errors)")
        }
        return output
    }

    /// Single-quotes a word for /bin/sh.
    private static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A failure to drive tmux.
struct TmuxError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
