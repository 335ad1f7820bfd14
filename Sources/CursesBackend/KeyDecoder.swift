internal import CNcursesw
import TerminalUI

/// One result of `wget_wch`: a character or a curses key code.
enum RawKey: Equatable {
    case character(UInt32)
    case code(Int32)
}

/// Turns what `wget_wch` returns into `InputEvent`s: control characters into Ctrl keys, ESC +
/// key into Alt, curses key codes (and extended ones like `kUP5`) into named keys with
/// modifiers, and bracketed paste into one `.paste` event. Resize and mouse are decoded by
/// the terminal, which owns the window.
struct KeyDecoder {
    /// Key codes given to the bracketed-paste sequences with `define_key`.
    static let pasteStart: Int32 = 0x6000
    static let pasteEnd: Int32 = 0x6001
    static let pasteLimit = 1 << 20

    /// Name of a key code (curses `keyname`), for extended codes.
    var keyName: (Int32) -> String?

    /// Decodes `first`, reading more with `next` (returns `nil` when nothing more is waiting).
    func decode(_ first: RawKey, next: () -> RawKey?) -> InputEvent? {
        switch first {
        case .character(0x1B):
            return decodeEscape(next: next)
        case .character(let value):
            return character(value).map(InputEvent.key)
        case .code(KeyDecoder.pasteStart):
            return .paste(readPaste(next: next))
        case .code(let code):
            return function(code).map(InputEvent.key)
        }
    }

    /// ESC alone is Escape; ESC + key is Alt + key; ESC [ / ESC O starts a sequence curses did not know.
    private func decodeEscape(next: () -> RawKey?) -> InputEvent? {
        guard let following = next() else { return .key(.escape) }
        switch following {
        case .character(0x1B):
            return .key(.escape)
        case .character(0x5B), .character(0x4F):  // '[' or 'O': an unknown CSI/SS3 sequence
            return decodeUnknownSequence(introducer: following, next: next)
        case .character(let value):
            guard var key = character(value) else { return nil }
            key.modifiers.insert(.alt)
            return .key(key)
        case .code(let code):
            guard var key = function(code) else { return .key(.escape) }
            key.modifiers.insert(.alt)
            return .key(key)
        }
    }

    /// Swallows an escape sequence curses did not decode (so its bytes are not typed as text);
    /// recognises bracketed paste if `define_key` was not honoured. A lone ESC [ is Alt-[.
    private func decodeUnknownSequence(introducer: RawKey, next: () -> RawKey?) -> InputEvent? {
        var body = ""
        while let raw = next() {
            guard case .character(let value) = raw, let scalar = Unicode.Scalar(value) else { return nil }
            body.unicodeScalars.append(scalar)
            if (0x40...0x7E).contains(value) && !(introducer == .character(0x5B) && body.count == 1 && value == 0x5B) {
                if body == "200~" { return .paste(readPaste(next: next)) }
                return nil
            }
            if body.count > 32 { return nil }
        }
        if body.isEmpty { return .key(Key(.character(introducer == .character(0x5B) ? "[" : "O"), modifiers: .alt)) }
        return nil
    }

    /// Collects pasted text until the paste-end sequence (or nothing more arrives).
    private func readPaste(next: () -> RawKey?) -> String {
        var text = String.UnicodeScalarView()
        var pendingEscape = ""
        while text.count < KeyDecoder.pasteLimit, let raw = next() {
            switch raw {
            case .code(KeyDecoder.pasteEnd): return String(text)
            case .code(KeyDecoder.pasteStart): continue
            case .code(let code):
                if code == KEY_ENTER { text.append("\n") }
            case .character(let value):
                guard let scalar = Unicode.Scalar(value) else { continue }
                // Fallback when the end marker arrives as raw bytes: ESC [ 2 0 1 ~
                if value == 0x1B || !pendingEscape.isEmpty {
                    pendingEscape.unicodeScalars.append(scalar)
                    if pendingEscape == "\u{1B}[201~" { return String(text) }
                    if !"\u{1B}[201~".hasPrefix(pendingEscape) {
                        text.append(contentsOf: pendingEscape.unicodeScalars)
                        pendingEscape = ""
                    }
                    continue
                }
                text.append(value == 0x0D ? "\n" : scalar)
            }
        }
        return String(text)
    }

    /// A plain character: Enter, Tab, Backspace, Ctrl keys, or printable text.
    func character(_ value: UInt32) -> Key? {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x00: return Key(.character(" "), modifiers: .control)
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(value + 0x60)!))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(value + 0x40)!))
        case 0x1B: return .escape
        case 0x80...0x9F: return nil  // C1 controls never become text
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// A curses key code.
    func function(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return Key(.home)
        case KEY_END, KEY_C1: return Key(.end)
        case KEY_NPAGE, KEY_C3: return Key(.pageDown)
        case KEY_PPAGE, KEY_A3: return Key(.pageUp)
        case KEY_IC: return Key(.insert)
        case KEY_DC: return Key(.delete)
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return Key(.backTab)
        case KEY_SR: return Key(.up, modifiers: .shift)
        case KEY_SF: return Key(.down, modifiers: .shift)
        case KEY_SLEFT: return Key(.left, modifiers: .shift)
        case KEY_SRIGHT: return Key(.right, modifiers: .shift)
        case KEY_SHOME: return Key(.home, modifiers: .shift)
        case KEY_SEND: return Key(.end, modifiers: .shift)
        case KEY_SDC: return Key(.delete, modifiers: .shift)
        case KEY_SNEXT: return Key(.pageDown, modifiers: .shift)
        case KEY_SPREVIOUS: return Key(.pageUp, modifiers: .shift)
        default: break
        }
        let f0 = closer_key_f(0)
        if code > f0 && code <= f0 + 63 { return Key(.function(Int(code - f0))) }
        guard let name = keyName(code) else { return nil }
        return KeyDecoder.extendedKey(named: name)
    }

    /// xterm's modified keys as terminfo names them: `kUP5` = Ctrl-Up, `kRIT3` = Alt-Right, ...
    static func extendedKey(named name: String) -> Key? {
        let bases: [(String, KeyCode)] = [
            ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right), ("kHOM", .home), ("kEND", .end),
            ("kNXT", .pageDown), ("kPRV", .pageUp), ("kDC", .delete), ("kIC", .insert),
        ]
        for (prefix, code) in bases where name.hasPrefix(prefix) {
            guard let digit = Int(name.dropFirst(prefix.count)), (2...8).contains(digit) else { return nil }
            let bits = digit - 1
            var modifiers: KeyModifiers = []
            if bits & 1 != 0 { modifiers.insert(.shift) }
            if bits & 2 != 0 { modifiers.insert(.alt) }
            if bits & 4 != 0 { modifiers.insert(.control) }
            return Key(code, modifiers: modifiers)
        }
        return nil
    }
}
