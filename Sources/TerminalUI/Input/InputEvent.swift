/// A mouse action at a cell.
public struct MouseEvent: Hashable, Sendable {
    /// What the mouse did.
    public enum Kind: Hashable, Sendable {
        /// A click of button 1 (left), 2 (middle) or 3 (right).
        case click(button: Int)
        /// A double click of button 1–3.
        case doubleClick(button: Int)
        case wheelUp
        case wheelDown
    }

    /// What happened.
    public var kind: Kind
    /// Where it happened.
    public var position: Position
    /// Modifiers held at the time.
    public var modifiers: KeyModifiers

    /// A mouse event.
    public init(kind: Kind, position: Position, modifiers: KeyModifiers = []) {
        self.kind = kind
        self.position = position
        self.modifiers = modifiers
    }
}

/// One thing the user did: a key, a mouse action, a terminal resize or pasted text.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal changed size; the new size is given.
    case resize(Size)
    /// Text pasted with bracketed paste (not yet sanitised: it came from outside).
    case paste(String)
}
