import Foundation

/// One meaningful line of a config file, split into tokens.
public struct ConfigLine: Sendable {
    /// The file it came from.
    public var file: String
    /// 1-based line number.
    public var number: Int
    /// Whitespace-separated tokens, comment removed.
    public var tokens: [String]
}

/// Reads the line syntax keymap and theme files share: whitespace-separated tokens, `#` comments
/// (a token starting with `#` starts a comment, except a `#rrggbb` colour), and `include FILE`
/// relative to the including file, with missing files and include cycles reported.
public struct ConfigFileReader {
    /// Called for every non-include line; returns an error message for a bad line, or `nil`.
    public typealias Visitor = (ConfigLine) -> String?

    /// Problems found so far.
    public private(set) var diagnostics: [ConfigDiagnostic] = []
    private var stack: [String] = []
    private let maxDepth = 16

    /// A reader with no diagnostics yet.
    public init() {}

    /// Reads the file at `path`; a missing or unreadable file is one diagnostic. Returns whether it was read.
    @discardableResult
    public mutating func read(path: String, visit: Visitor) -> Bool {
        let expanded = ConfigFileReader.expandHome(path)
        let canonical = URL(fileURLWithPath: expanded).standardizedFileURL.resolvingSymlinksInPath().path
        guard let data = FileManager.default.contents(atPath: expanded) else {
            let exists = FileManager.default.fileExists(atPath: expanded)
            diagnostics.append(ConfigDiagnostic(file: path, line: nil, message: exists ? "cannot read the file" : "file not found"))
            return false
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(ConfigDiagnostic(file: path, line: nil, message: "not UTF-8 text"))
            return false
        }
        stack.append(canonical)
        defer { stack.removeLast() }
        read(text: text, name: path, directory: (expanded as NSString).deletingLastPathComponent, visit: visit)
        return true
    }

    /// Reads `text` as if it were the file `name` in `directory` (used for built-in defaults).
    /// Lines and tokens are split on their UTF-8 bytes (an ASCII byte is never part of another
    /// character's encoding), not on `Character`s: grapheme breaking was most of a keymap's parse
    /// at start-up. So a CRLF file reads as lines too (`\r\n` is one `Character`).
    public mutating func read(text: String, name: String, directory: String?, visit: Visitor) {
        var number = 0
        for rawLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let tokens = ConfigFileReader.tokens(in: rawLine)
            guard let first = tokens.first else { continue }
            let line = ConfigLine(file: name, number: number, tokens: tokens)
            if first == "include" {
                include(line, directory: directory, visit: visit)
            } else if let message = visit(line) {
                diagnostics.append(ConfigDiagnostic(file: name, line: number, message: message))
            }
        }
    }

    private mutating func include(_ line: ConfigLine, directory: String?, visit: Visitor) {
        guard line.tokens.count == 2 else {
            diagnostics.append(ConfigDiagnostic(file: line.file, line: line.number, message: "include needs exactly one file name"))
            return
        }
        var target = ConfigFileReader.expandHome(line.tokens[1])
        if !target.hasPrefix("/"), let directory { target = (directory as NSString).appendingPathComponent(target) }
        let canonical = URL(fileURLWithPath: target).standardizedFileURL.resolvingSymlinksInPath().path
        if stack.contains(canonical) {
            diagnostics.append(ConfigDiagnostic(file: line.file, line: line.number, message: "include cycle: '\(line.tokens[1])' is already being read"))
            return
        }
        if stack.count >= maxDepth {
            diagnostics.append(ConfigDiagnostic(file: line.file, line: line.number, message: "includes nested too deeply"))
            return
        }
        guard FileManager.default.fileExists(atPath: target) else {
            diagnostics.append(ConfigDiagnostic(file: line.file, line: line.number, message: "included file '\(line.tokens[1])' not found"))
            return
        }
        read(path: target, visit: visit)
    }

    /// Splits a line into tokens, dropping the comment.
    public static func tokenize<S: StringProtocol>(_ line: S) -> [String] {
        let text = String(line)
        return tokens(in: text[...].utf8)
    }

    /// The tokens of one line's UTF-8 bytes: split on space, tab and CR, up to a `#` comment.
    static func tokens(in line: Substring.UTF8View) -> [String] {
        var tokens: [String] = []
        for piece in line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            let token = String(Substring(piece))
            if piece.first == 0x23 /* # */ && !isHexColour(token) { break }
            tokens.append(token)
        }
        return tokens
    }

    static func isHexColour<S: StringProtocol>(_ token: S) -> Bool {
        token.count == 7 && token.dropFirst().allSatisfy(\.isHexDigit)
    }

    /// `~/x` → `$HOME/x`.
    static func expandHome(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return path }
        return home + path.dropFirst(1)
    }
}
