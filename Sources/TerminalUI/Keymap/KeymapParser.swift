/// Reads keymap files into a `Keymap`:
///
///     bind <contexts,comma-separated> <key> [<key>...] <action>
///     unbind <contexts> <key> [<key>...]
///     include FILE
///     # comment
///
/// Every bad line becomes a `FILE:LINE: message` diagnostic; the other lines still apply.
public struct KeymapParser {
    /// The keymap built so far.
    public var keymap: Keymap
    /// Problems found so far.
    public private(set) var diagnostics: [ConfigDiagnostic] = []
    /// The actions a binding may name.
    public let actions: ActionTable

    /// A parser that adds to `keymap` (empty by default).
    public init(keymap: Keymap = Keymap(), actions: ActionTable = .standard) {
        self.keymap = keymap
        self.actions = actions
    }

    /// Reads a keymap file (and its includes); returns whether the file itself was found.
    @discardableResult
    public mutating func read(path: String) -> Bool {
        var reader = ConfigFileReader()
        var map = keymap
        let found = reader.read(path: path) { line in KeymapParser.apply(line, to: &map, actions: actions) }
        keymap = map
        diagnostics += reader.diagnostics
        return found
    }

    /// Reads keymap text named `name` (includes resolve against `directory`).
    public mutating func read(text: String, name: String, directory: String? = nil) {
        var reader = ConfigFileReader()
        var map = keymap
        reader.read(text: text, name: name, directory: directory) { line in KeymapParser.apply(line, to: &map, actions: actions) }
        keymap = map
        diagnostics += reader.diagnostics
    }

    /// Applies one line; returns an error message or `nil`.
    static func apply(_ line: ConfigLine, to keymap: inout Keymap, actions: ActionTable) -> String? {
        let tokens = line.tokens
        switch tokens[0] {
        case "bind":
            guard tokens.count >= 4 else { return "bind needs CONTEXTS KEY... ACTION, e.g. 'bind leads j cursor-down'" }
            let contexts: [KeyContext]
            switch parseContexts(tokens[1]) {
            case .success(let list): contexts = list
            case .failure(let error): return error.message
            }
            let keys: [Key]
            switch parseKeys(tokens[2..<(tokens.count - 1)]) {
            case .success(let list): keys = list
            case .failure(let error): return error.message
            }
            let action = Action(rawValue: tokens[tokens.count - 1])
            guard let info = actions.info(action) else {
                return "unknown action '\(action)'" + suggestion(for: action.rawValue, in: actions.names)
            }
            for context in contexts where !(context == .global || info.contexts.contains(context) || info.contexts.contains(.global)) {
                let valid = info.contexts.sorted().map(\.rawValue).joined(separator: ", ")
                return "action '\(action)' does not apply in context '\(context.rawValue)' (it applies in: \(valid))"
            }
            for context in contexts { keymap.bind(keys, to: action, in: context) }
            return nil
        case "unbind":
            guard tokens.count >= 3 else { return "unbind needs CONTEXTS KEY..., e.g. 'unbind leads d'" }
            let contexts: [KeyContext]
            switch parseContexts(tokens[1]) {
            case .success(let list): contexts = list
            case .failure(let error): return error.message
            }
            let keys: [Key]
            switch parseKeys(tokens[2...]) {
            case .success(let list): keys = list
            case .failure(let error): return error.message
            }
            var missing: [String] = []
            for context in contexts where !keymap.unbind(keys, in: context) { missing.append(context.rawValue) }
            if !missing.isEmpty {
                return "'\(KeyNotation.format(keys))' is not bound in \(missing.joined(separator: ","))"
            }
            return nil
        default:
            return "unknown command '\(tokens[0])' (expected bind, unbind or include)"
        }
    }

    static func parseContexts(_ token: String) -> Result<[KeyContext], KeyNotationError> {
        var result: [KeyContext] = []
        for name in token.split(separator: ",", omittingEmptySubsequences: false) {
            guard let context = KeyContext(rawValue: String(name)) else {
                let valid = KeyContext.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(KeyNotationError(message: "unknown context '\(name)' (expected \(valid))"))
            }
            if !result.contains(context) { result.append(context) }
        }
        return .success(result)
    }

    static func parseKeys(_ tokens: ArraySlice<String>) -> Result<[Key], KeyNotationError> {
        var keys: [Key] = []
        for token in tokens {
            switch KeyNotation.parseSequence(token) {
            case .success(let list): keys += list
            case .failure(let error): return .failure(error)
            }
        }
        return .success(keys)
    }

    /// " (did you mean 'x'?)" for a near miss, else "".
    static func suggestion(for name: String, in names: [String]) -> String {
        let close = names.filter { $0.hasPrefix(name) || name.hasPrefix($0) || editDistance($0, name) <= 2 }
        guard let best = close.min(by: { editDistance($0, name) < editDistance($1, name) }) else { return "" }
        return " (did you mean '\(best)'?)"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
