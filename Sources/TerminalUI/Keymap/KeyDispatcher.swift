/// Turns keys into actions through a keymap, vim-style without a timeout: a key that starts a
/// longer binding waits (`pending`, shown in the status bar) for the next key.
public struct KeyDispatcher: Sendable {
    /// What one key press resolved to.
    public enum Outcome: Hashable, Sendable {
        /// A binding fired.
        case action(Action)
        /// The keys so far start a longer binding; wait for more.
        case pending([Key])
        /// Nothing is bound to these keys (a single printable key may be typed text in a form).
        case unbound([Key])
    }

    /// The bindings in use.
    public var keymap: Keymap
    /// Keys typed so far of an unfinished sequence.
    public private(set) var pending: [Key] = []
    private var pendingContext: KeyContext?

    /// A dispatcher over `keymap`.
    public init(keymap: Keymap) {
        self.keymap = keymap
    }

    /// Resolves `key` with `context` focused: the pane's bindings first, then global. With
    /// `textInput` (a form field or prompt has focus), a printable key that the pane itself does
    /// not bind is left unbound so it can be typed, even if global binds it (`q`, `?`, `:`), and
    /// global multi-key prefixes (vim's `<C-w> w`, emacs's `<C-x> <C-c>`) do not start there, so
    /// editing keys like Ctrl-W reach the field.
    public mutating func dispatch(_ key: Key, in context: KeyContext, textInput: Bool = false) -> Outcome {
        if pendingContext != context { pending = [] }  // focus moved: an unfinished sequence is void
        let sequence = pending + [key]
        let chain = textInput && pending.isEmpty && key.printable != nil ? [context] : context.lookupChain
        for ctx in chain {
            if let action = keymap.action(for: sequence, in: ctx) {
                pending = []
                return .action(action)
            }
            if keymap.isPrefix(sequence, in: ctx) && !(textInput && ctx != context) {
                pending = sequence
                pendingContext = context
                return .pending(sequence)
            }
        }
        pending = []
        return .unbound(sequence)
    }

    /// Forgets an unfinished sequence (e.g. on focus change).
    public mutating func cancel() {
        pending = []
    }

    /// The unfinished sequence in key notation for the status bar ("" when none).
    public var pendingDescription: String {
        KeyNotation.format(pending)
    }
}
