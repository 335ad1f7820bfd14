import Foundation

/// Tab completion of a file path typed in a prompt (`F`, send a file), the way a shell or
/// neomutt completes: a unique match is completed (a directory gets its `/`), several matches
/// extend the text to their longest common prefix and are listed as candidates, `~` stands for
/// the home directory (kept as typed in the text), hidden entries only when the typed name
/// starts with a dot. Reads one directory per Tab; never follows more than that.
public struct PathCompletion: Sendable {
    /// The directory `~` means.
    public var home: String
    /// The directory a relative path starts from.
    public var workingDirectory: String

    /// A completion for the current user's home and working directory (or the given ones).
    public init(home: String = NSHomeDirectory(), workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.home = home
        self.workingDirectory = workingDirectory
    }

    /// What one Tab gives.
    public struct Result: Sendable, Equatable {
        /// The text after completing.
        public var text: String
        /// The names that still match (directories end with `/`), when more than one; sorted.
        public var candidates: [String]
        /// Nothing matched.
        public var noMatch: Bool

        /// A result.
        public init(text: String, candidates: [String] = [], noMatch: Bool = false) {
            self.text = text
            self.candidates = candidates
            self.noMatch = noMatch
        }

        /// The prompt's hint line: "no match" or "4 matches: a/ b.pdf …" (nil after a unique completion).
        public func hint(maxNames: Int = 20) -> String? {
            if noMatch { return "no match" }
            guard candidates.count > 1 else { return nil }
            let shown = candidates.prefix(maxNames).joined(separator: "  ")
            let more = candidates.count > maxNames ? "  … \(candidates.count - maxNames) more" : ""
            return "\(candidates.count) matches: \(shown)\(more)"
        }
    }

    /// Completes `text` once.
    public func complete(_ text: String) -> Result {
        if text == "~" { return Result(text: "~/") }
        let slash = text.lastIndex(of: "/")
        let directoryPart = slash.map { String(text[...$0]) } ?? ""  // as typed, with its trailing "/"
        let prefix = slash.map { String(text[text.index(after: $0)...]) } ?? text
        let directory = resolve(directoryPart)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return Result(text: text, noMatch: true)
        }
        let showHidden = prefix.hasPrefix(".")
        var matching = names.filter { $0.hasPrefix(prefix) && (showHidden || !$0.hasPrefix(".")) }
        if matching.isEmpty {  // no exact-case match: try ignoring case (the typed part is replaced)
            let lower = prefix.lowercased()
            matching = names.filter { $0.lowercased().hasPrefix(lower) && (showHidden || !$0.hasPrefix(".")) }
        }
        guard !matching.isEmpty else { return Result(text: text, noMatch: true) }
        let entries = matching.sorted().map { name in isDirectory((directory as NSString).appendingPathComponent(name)) ? name + "/" : name }
        if entries.count == 1 { return Result(text: directoryPart + entries[0]) }
        let common = CommandLineViewModel.commonPrefix(matching)
        let extended = common.count >= prefix.count ? common : prefix
        return Result(text: directoryPart + extended, candidates: entries)
    }

    /// The directory a typed directory part names ("" is the working directory; `~` the home).
    func resolve(_ typed: String) -> String {
        var path = typed
        if path == "~/" || path.hasPrefix("~/") { path = home + String(path.dropFirst(1)) }
        if path.isEmpty { return workingDirectory }
        if !path.hasPrefix("/") { path = (workingDirectory as NSString).appendingPathComponent(path) }
        return path
    }

    func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue  // follows symlinks
    }
}
