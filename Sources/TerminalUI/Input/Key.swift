/// Modifier keys a terminal can report with a key.
public struct KeyModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    /// Wraps raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let control = KeyModifiers(rawValue: 1)
    public static let alt = KeyModifiers(rawValue: 2)
    public static let shift = KeyModifiers(rawValue: 4)
}

/// Which key was pressed, without modifiers.
public enum KeyCode: Hashable, Sendable {
    /// A printable character (a grapheme cluster; space is `" "`).
    case character(Character)
    case enter, tab, backTab, backspace, escape
    case up, down, left, right, home, end, pageUp, pageDown, insert, delete
    /// Function key F1...F63.
    case function(Int)
}

/// A key with its modifiers, written in keymap notation as `j`, `G`, `<C-r>`, `<M-x>`, `<Esc>`,
/// `<Enter>`, `<Tab>`, `<Space>`, `<Up>`, `<PageDown>`, `<F1>`.
public struct Key: Hashable, Sendable, CustomStringConvertible {
    /// The key.
    public var code: KeyCode
    /// Control, Alt, Shift.
    public var modifiers: KeyModifiers

    /// A key; Ctrl+letter is stored lower-case (terminals cannot tell `<C-r>` from `<C-R>`).
    public init(_ code: KeyCode, modifiers: KeyModifiers = []) {
        if modifiers.contains(.control), case .character(let c) = code, c.isLetter, c.isASCII {
            self.code = .character(Character(c.lowercased()))
        } else {
            self.code = code
        }
        self.modifiers = modifiers
    }

    /// A plain character key.
    public static func char(_ c: Character) -> Key { Key(.character(c)) }
    /// Ctrl + `c`.
    public static func ctrl(_ c: Character) -> Key { Key(.character(c), modifiers: .control) }
    /// Alt (Meta) + `c`.
    public static func alt(_ c: Character) -> Key { Key(.character(c), modifiers: .alt) }

    public static let enter = Key(.enter)
    public static let escape = Key(.escape)
    public static let tab = Key(.tab)
    public static let backspace = Key(.backspace)
    public static let up = Key(.up)
    public static let down = Key(.down)
    public static let left = Key(.left)
    public static let right = Key(.right)
    public static let space = Key(.character(" "))

    /// The printable character this key types, if it types one (no Ctrl/Alt).
    public var printable: Character? {
        guard modifiers.subtracting(.shift).isEmpty, case .character(let c) = code else { return nil }
        return c
    }

    /// The key in keymap notation.
    public var description: String { KeyNotation.format(self) }
}
