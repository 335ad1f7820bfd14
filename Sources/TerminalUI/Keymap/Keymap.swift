/// Key bindings per context: key sequences (e.g. `g g`) mapped to actions.
///
/// Within one context no binding is a prefix of another: binding `g g` removes a binding of `g`
/// in the same context and vice versa, so later lines (the user's file) override earlier ones
/// (the preset) and resolution never needs a timeout.
public struct Keymap: Sendable {
    private var bindings: [KeyContext: [[Key]: Action]] = [:]
    private var prefixes: [KeyContext: [[Key]: Int]] = [:]

    /// An empty keymap.
    public init() {}

    /// Binds `keys` to `action` in `context`; returns the bindings it replaced.
    @discardableResult
    public mutating func bind(_ keys: [Key], to action: Action, in context: KeyContext) -> [[Key]] {
        guard !keys.isEmpty else { return [] }
        var replaced: [[Key]] = []
        // A shorter binding that starts `keys` is one of its prefixes; a longer one that `keys`
        // starts exists only when `keys` is a counted prefix (so no scan of every binding:
        // reading the default keymap was quadratic).
        for length in 1..<keys.count where bindings[context]?[Array(keys.prefix(length))] != nil {
            let shorter = Array(keys.prefix(length))
            unbind(shorter, in: context)
            replaced.append(shorter)
        }
        if prefixes[context]?[keys] != nil {
            for existing in (bindings[context] ?? [:]).keys where existing.count > keys.count && existing.starts(with: keys) {
                unbind(existing, in: context)
                replaced.append(existing)
            }
        }
        if bindings[context]?[keys] == nil {
            for length in 1..<keys.count { prefixes[context, default: [:]][Array(keys.prefix(length)), default: 0] += 1 }
        }
        bindings[context, default: [:]][keys] = action
        return replaced
    }

    /// Removes the binding of exactly `keys` in `context`; returns whether there was one.
    @discardableResult
    public mutating func unbind(_ keys: [Key], in context: KeyContext) -> Bool {
        guard bindings[context]?.removeValue(forKey: keys) != nil else { return false }
        for length in 1..<max(1, keys.count) {
            let prefix = Array(keys.prefix(length))
            let count = (prefixes[context]?[prefix] ?? 1) - 1
            prefixes[context]?[prefix] = count > 0 ? count : nil
        }
        return true
    }

    /// The action bound to exactly `keys` in `context` (no fallback to global).
    public func action(for keys: [Key], in context: KeyContext) -> Action? {
        bindings[context]?[keys]
    }

    /// Whether `keys` is the start of a longer binding in `context`.
    public func isPrefix(_ keys: [Key], in context: KeyContext) -> Bool {
        prefixes[context]?[keys] != nil
    }

    /// All bindings of `context`, sorted by key notation.
    public func bindings(in context: KeyContext) -> [(keys: [Key], action: Action)] {
        Keymap.sortedByNotation(bindings[context] ?? [:]).map { ($0, $1) }
    }

    /// The key sequences that trigger `action` when `context` has focus (pane bindings first,
    /// then, with `includingGlobal`, the global ones the pane does not shadow); each context's
    /// keys sorted by key notation.
    public func keys(for action: Action, in context: KeyContext, includingGlobal: Bool = true) -> [[Key]] {
        var result: [[Key]] = []
        for ctx in includingGlobal ? context.lookupChain : [context] {
            // Only this action's bindings are sorted (sorting every binding of the context for
            // each status-bar hint cost a fifth of a calendar frame).
            for (keys, _) in Keymap.sortedByNotation((bindings[ctx] ?? [:]).filter { $0.value == action }) {
                if ctx != context && shadows(keys, in: context) { continue }
                result.append(keys)
            }
        }
        return result
    }

    /// The one order bindings are listed in: by key notation.
    private static func sortedByNotation(_ bound: [[Key]: Action]) -> [([Key], Action)] {
        bound.map { (KeyNotation.format($0.key), $0.key, $0.value) }
            .sorted { $0.0 < $1.0 }
            .map { ($0.1, $0.2) }
    }

    /// Whether the pane `context` takes `keys` before global gets to see them.
    private func shadows(_ keys: [Key], in context: KeyContext) -> Bool {
        for length in 1...keys.count {
            let prefix = Array(keys.prefix(length))
            if action(for: prefix, in: context) != nil { return true }
        }
        return isPrefix(keys, in: context)
    }

    /// Number of bindings over all contexts.
    public var count: Int { bindings.values.reduce(0) { $0 + $1.count } }
}
