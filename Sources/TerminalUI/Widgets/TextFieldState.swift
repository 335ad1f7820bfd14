import Core

/// The editable text of a single-line field: cursor, insert/delete, movement and horizontal
/// scrolling by display width. Pure value; the form and prompt widgets draw it.
public struct TextFieldState: Sendable, Hashable {
    /// The grapheme clusters typed so far.
    public private(set) var characters: [Character]
    /// Cursor position, 0...characters.count (before the character at that index).
    public private(set) var cursor: Int
    /// First character shown when the text is wider than the field.
    public private(set) var scroll: Int = 0
    /// Maximum number of characters, if limited.
    public var maxLength: Int?

    /// A field holding `text` with the cursor at its end.
    public init(text: String = "", maxLength: Int? = nil) {
        let clean = TextSanitizer.line(text)
        self.characters = Array(clean)
        self.cursor = characters.count
        self.maxLength = maxLength
    }

    /// The field's text.
    public var text: String { String(characters) }

    /// Replaces the whole text, cursor at the end.
    public mutating func setText(_ text: String) {
        characters = Array(TextSanitizer.line(text))
        cursor = characters.count
        scroll = 0
    }

    /// Inserts `text` (sanitised to one line) at the cursor.
    public mutating func insert(_ text: String) {
        var new = Array(TextSanitizer.line(text))
        if let maxLength { new = Array(new.prefix(max(0, maxLength - characters.count))) }
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    /// Deletes the character before the cursor (Backspace).
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the character under the cursor (Delete).
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Moves one character left.
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    /// Moves one character right.
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    /// Moves to the start.
    public mutating func moveHome() { cursor = 0 }
    /// Moves to the end.
    public mutating func moveEnd() { cursor = characters.count }

    /// Moves to the start of the previous word.
    public mutating func moveWordLeft() {
        while cursor > 0 && characters[cursor - 1] == " " { cursor -= 1 }
        while cursor > 0 && characters[cursor - 1] != " " { cursor -= 1 }
    }

    /// Moves past the end of the next word.
    public mutating func moveWordRight() {
        while cursor < characters.count && characters[cursor] == " " { cursor += 1 }
        while cursor < characters.count && characters[cursor] != " " { cursor += 1 }
    }

    /// Deletes the word before the cursor (Ctrl-W).
    public mutating func deleteWordBackward() {
        let end = cursor
        moveWordLeft()
        characters.removeSubrange(cursor..<end)
    }

    /// Deletes from the cursor to the end (Ctrl-K).
    public mutating func deleteToEnd() { characters.removeSubrange(cursor...) }

    /// Deletes from the start to the cursor (Ctrl-U).
    public mutating func deleteToStart() {
        characters.removeSubrange(..<cursor)
        cursor = 0
    }

    /// Applies an editing key (printable text, Backspace, Delete, arrows, Home/End and the
    /// readline keys C-a C-e C-b C-f C-d C-h C-k C-u C-w M-b M-f); returns whether it was one.
    public mutating func handle(_ key: Key) -> Bool {
        if let character = key.printable {
            insert(String(character))
            return true
        }
        switch (key.code, key.modifiers) {
        case (.backspace, _), (.character("h"), .control): deleteBackward()
        case (.delete, _), (.character("d"), .control): deleteForward()
        case (.left, []), (.character("b"), .control): moveLeft()
        case (.right, []), (.character("f"), .control): moveRight()
        case (.left, .control), (.character("b"), .alt): moveWordLeft()
        case (.right, .control), (.character("f"), .alt): moveWordRight()
        case (.home, _), (.character("a"), .control): moveHome()
        case (.end, _), (.character("e"), .control): moveEnd()
        case (.character("k"), .control): deleteToEnd()
        case (.character("u"), .control): deleteToStart()
        case (.character("w"), .control), (.backspace, .alt): deleteWordBackward()
        default: return false
        }
        return true
    }

    /// What a field `width` columns wide shows, and the cursor's column in it; scrolls so the
    /// cursor stays visible (a wide character is never cut).
    public mutating func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        scroll = min(scroll, cursor)
        let widths = characters.map(DisplayWidth.of)
        func span(_ from: Int, _ to: Int) -> Int { widths[from..<to].reduce(0, +) }
        let cursorCell = cursor < characters.count ? max(1, widths[cursor]) : 1
        while scroll < cursor && span(scroll, cursor) + cursorCell > width { scroll += 1 }
        while scroll > 0 && span(scroll - 1, characters.count) + (cursor == characters.count ? 1 : 0) <= width { scroll -= 1 }
        var shown = ""
        var used = 0
        var index = scroll
        while index < characters.count && used + widths[index] <= width {
            shown.append(characters[index])
            used += widths[index]
            index += 1
        }
        return (shown, span(scroll, cursor))
    }
}
