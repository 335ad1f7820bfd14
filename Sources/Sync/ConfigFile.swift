/// A git-config-like file: `[section]` or `[section "name"]` headers, `key = value` lines,
/// `#` / `;` comments (whole-line, or after a value outside quotes), double-quoted values with
/// `\"`, `\\`, `\n`, `\t` escapes. Errors say `FILE:LINE: message`.
public struct ConfigFile: Sendable, Equatable {
    /// One `key = value` line.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: String
        public var line: Int
    }

    /// One section and its entries in file order.
    public struct Section: Sendable, Equatable {
        /// The section name, lower-cased (`remote`).
        public var name: String
        /// The quoted subsection (`crm`), case kept; nil when absent.
        public var subsection: String?
        public var line: Int
        public var entries: [Entry]
    }

    /// The file's path (for messages).
    public var path: String
    public var sections: [Section]

    /// Parses `text`; `path` only names the file in errors.
    public init(text: String, path: String) throws {
        self.path = path
        sections = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.first == "#" || trimmed.first == ";" { continue }
            if trimmed.first == "[" {
                sections.append(try ConfigFile.header(String(trimmed), path: path, line: lineNumber))
                continue
            }
            guard !sections.isEmpty else {
                throw SyncError.configuration("\(path):\(lineNumber): a key outside any [section]")
            }
            let entry = try ConfigFile.entry(String(trimmed), path: path, line: lineNumber)
            sections[sections.count - 1].entries.append(entry)
        }
    }

    /// `[name]` or `[name "sub"]`.
    static func header(_ text: String, path: String, line: Int) throws -> Section {
        let body = stripComment(text)
        guard body.hasSuffix("]") else { throw SyncError.configuration("\(path):\(line): unterminated section header") }
        let inner = body.dropFirst().dropLast().trimmingSpaces()
        if let quote = inner.firstIndex(of: "\"") {
            let name = inner[..<quote].trimmingSpaces()
            let rest = inner[inner.index(after: quote)...]
            guard rest.hasSuffix("\""), rest.count >= 1, !name.isEmpty, isName(name) else {
                throw SyncError.configuration("\(path):\(line): bad section header (expected [name \"subsection\"])")
            }
            let sub = String(rest.dropLast()).replacingEscapes()
            return Section(name: name.lowercased(), subsection: sub, line: line, entries: [])
        }
        guard !inner.isEmpty, isName(inner) else { throw SyncError.configuration("\(path):\(line): bad section name") }
        return Section(name: inner.lowercased(), subsection: nil, line: line, entries: [])
    }

    /// `key = value` (a bare `key` means "true").
    static func entry(_ text: String, path: String, line: Int) throws -> Entry {
        guard let equals = text.firstIndex(of: "=") else {
            let key = stripComment(text).trimmingSpaces()
            guard isName(key) else { throw SyncError.configuration("\(path):\(line): expected key = value") }
            return Entry(key: key.lowercased(), value: "true", line: line)
        }
        let key = text[..<equals].trimmingSpaces()
        guard !key.isEmpty, isName(key) else { throw SyncError.configuration("\(path):\(line): bad key name") }
        let value = try parseValue(String(text[text.index(after: equals)...]), path: path, line: line)
        return Entry(key: key.lowercased(), value: value, line: line)
    }

    /// A value: quoted parts unescaped, an unquoted `#`/`;` starts a comment, outer spaces trimmed.
    static func parseValue(_ text: String, path: String, line: Int) throws -> String {
        var out = ""
        var inQuotes = false
        var pendingSpaces = ""
        var chars = text.trimmingSpaces().makeIterator()
        while let c = chars.next() {
            if inQuotes {
                switch c {
                case "\"": inQuotes = false
                case "\\":
                    guard let next = chars.next() else { throw SyncError.configuration("\(path):\(line): dangling backslash") }
                    out.append(unescape(next))
                default: out.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                out += pendingSpaces; pendingSpaces = ""
                inQuotes = true
            case "#", ";":
                return out
            case " ", "\t":
                if !out.isEmpty { pendingSpaces.append(c) }
            case "\\":
                guard let next = chars.next() else { throw SyncError.configuration("\(path):\(line): dangling backslash") }
                out += pendingSpaces; pendingSpaces = ""
                out.append(unescape(next))
            default:
                out += pendingSpaces; pendingSpaces = ""
                out.append(c)
            }
        }
        if inQuotes { throw SyncError.configuration("\(path):\(line): unterminated quoted value") }
        return out
    }

    static func unescape(_ c: Character) -> Character {
        switch c {
        case "n": return "\n"
        case "t": return "\t"
        default: return c
        }
    }

    static func stripComment(_ text: String) -> String {
        var inQuotes = false
        for (offset, c) in text.enumerated() {
            if c == "\"" { inQuotes.toggle() }
            if !inQuotes, c == "#" || c == ";" {
                return String(text.prefix(offset)).trimmingSpaces()
            }
        }
        return text.trimmingSpaces()
    }

    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }

    func replacingEscapes() -> String {
        var out = ""
        var escaped = false
        for c in self {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }
}
