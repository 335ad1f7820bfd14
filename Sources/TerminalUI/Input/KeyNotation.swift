/// Parses and prints keymap key notation: `j`, `G`, `<C-r>`, `<M-x>`/`<A-x>`, `<S-Tab>`, `<Esc>`,
/// `<Enter>`, `<Space>`, `<PageDown>`, `<F1>`; a token like `gg` or `<C-x>k` is a key sequence.
public enum KeyNotation {
    /// Named keys (lower-cased) → key code; the first name for a code is the one printed.
    static let names: [(String, KeyCode)] = [
        ("Esc", .escape), ("Escape", .escape), ("Enter", .enter), ("CR", .enter), ("Return", .enter),
        ("Tab", .tab), ("BackTab", .backTab), ("BS", .backspace), ("Backspace", .backspace),
        ("Space", .character(" ")), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("Home", .home), ("End", .end), ("PageUp", .pageUp), ("PgUp", .pageUp),
        ("PageDown", .pageDown), ("PgDn", .pageDown), ("Insert", .insert), ("Ins", .insert),
        ("Del", .delete), ("Delete", .delete), ("lt", .character("<")), ("gt", .character(">")),
        ("Hash", .character("#")), ("Bar", .character("|")), ("Bslash", .character("\\")),
    ]
    static let lookup: [String: KeyCode] = {
        var table: [String: KeyCode] = [:]
        for (name, code) in names where table[name.lowercased()] == nil { table[name.lowercased()] = code }
        return table
    }()

    /// Parses one token into a key sequence, or explains what is wrong with it.
    public static func parseSequence(_ token: String) -> Result<[Key], KeyNotationError> {
        var keys: [Key] = []
        var rest = Substring(token)
        while let first = rest.first {
            if first == "<", var close = rest.firstIndex(of: ">"), rest.index(after: rest.startIndex) < close {
                let after = rest.index(after: close)
                if rest[rest.index(before: close)] == "-", after < rest.endIndex, rest[after] == ">" { close = after }  // <M->>
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                switch parseNamed(String(inner)) {
                case .success(let key): keys.append(key)
                case .failure(let error): return .failure(error)
                }
                rest = rest[rest.index(after: close)...]
            } else {
                if first.isWhitespace || first.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                    return .failure(KeyNotationError(message: "key '\(token)' contains a control or blank character"))
                }
                keys.append(Key(.character(first)))
                rest = rest.dropFirst()
            }
        }
        if keys.isEmpty { return .failure(KeyNotationError(message: "empty key")) }
        return .success(keys)
    }

    /// Parses a single key (a sequence of exactly one key).
    public static func parseKey(_ token: String) -> Key? {
        if case .success(let keys) = parseSequence(token), keys.count == 1 { return keys[0] }
        return nil
    }

    /// Parses the inside of `<...>`: modifiers `C-`, `M-`/`A-`, `S-` then a name or one character.
    static func parseNamed(_ inner: String) -> Result<Key, KeyNotationError> {
        var modifiers: KeyModifiers = []
        var body = Substring(inner)
        while body.count > 2, body.dropFirst().first == "-" {
            switch body.first?.uppercased() {
            case "C": modifiers.insert(.control)
            case "M", "A": modifiers.insert(.alt)
            case "S": modifiers.insert(.shift)
            default: return .failure(KeyNotationError(message: "unknown modifier in '<\(inner)>' (use C-, M-, A- or S-)"))
            }
            body = body.dropFirst(2)
        }
        let name = String(body)
        if name.count == 1, let c = name.first {
            if c.isWhitespace || c.asciiValue.map({ $0 < 0x20 || $0 == 0x7F }) == true {
                return .failure(KeyNotationError(message: "key '<\(inner)>' is not printable"))
            }
            if modifiers == .shift, c.isLetter { return .success(Key(.character(Character(c.uppercased())))) }
            return .success(Key(.character(c), modifiers: modifiers))
        }
        if let code = lookup[name.lowercased()] {
            if code == .tab && modifiers == .shift { return .success(Key(.backTab)) }
            return .success(Key(code, modifiers: modifiers))
        }
        let lower = name.lowercased()
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...63).contains(n) {
            return .success(Key(.function(n), modifiers: modifiers))
        }
        return .failure(KeyNotationError(message: "unknown key '<\(inner)>'"))
    }

    /// Prints a key in notation that `parseKey` reads back.
    public static func format(_ key: Key) -> String {
        var prefix = ""
        if key.modifiers.contains(.control) { prefix += "C-" }
        if key.modifiers.contains(.alt) { prefix += "M-" }
        if key.modifiers.contains(.shift) { prefix += "S-" }
        let body: String
        switch key.code {
        case .character(let c):
            switch c {
            case " ": body = "Space"
            case "<": body = "lt"
            default:
                if prefix.isEmpty { return String(c) }
                body = String(c)
            }
        case .function(let n): body = "F\(n)"
        default:
            body = names.first(where: { $0.1 == key.code }).map(\.0) ?? "?"
        }
        return "<\(prefix)\(body)>"
    }

    /// A sequence printed with spaces between keys, e.g. `g g`.
    public static func format(_ keys: [Key]) -> String {
        keys.map(format).joined(separator: " ")
    }
}

/// Why a key token could not be read.
public struct KeyNotationError: Error, Equatable, Sendable {
    /// What is wrong, for the `FILE:LINE: message` diagnostic.
    public var message: String
}
