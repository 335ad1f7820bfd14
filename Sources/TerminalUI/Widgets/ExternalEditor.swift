import Foundation

/// Edits text in the user's `$VISUAL` / `$EDITOR` (default `vi`) through a temporary file,
/// running the editor with `TerminalControl.runExternal` so the screen is given up and restored.
public struct ExternalEditor {
    /// Why editing produced no text.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The editor exited with a non-zero status.
        case editorFailed(command: String, status: Int32)
        /// The temporary file could not be written or read.
        case fileProblem(String)

        /// The message for the status bar.
        public var description: String {
            switch self {
            case .editorFailed(let command, let status): return "\(command) exited with status \(status); nothing saved"
            case .fileProblem(let what): return "editor file: \(what)"
            }
        }
    }

    /// The command, split on spaces (`$VISUAL`, else `$EDITOR`, else `vi`).
    public let command: [String]

    /// The editor named by the environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let chosen = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        command = (chosen ?? "vi").split(separator: " ").map(String.init)
    }

    /// Lets the user edit `initial`; returns the saved text without its trailing newline.
    public func edit(_ initial: String, suffix: String = ".txt", runner: ([String]) throws -> Int32) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("closer-\(UUID().uuidString)\(suffix)")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            try initial.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw Failure.fileProblem("cannot write \(url.path)")
        }
        let status = try runner(command + [url.path])
        guard status == 0 else { throw Failure.editorFailed(command: command.joined(separator: " "), status: status) }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw Failure.fileProblem("cannot read \(url.path)")
        }
        var result = text
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
