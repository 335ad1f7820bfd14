import Core
import Foundation

/// The `:` command line: a text field with Tab completion. The first Tab extends the word to the
/// longest common prefix and lists the candidates (in a row above the line); further Tabs cycle
/// through them.
public struct CommandLineInput: Sendable {
    /// The text typed.
    public var field = TextFieldState()
    /// Candidates of the last completion (empty when none is active).
    public private(set) var candidates: [String] = []
    /// Which candidate is in the line while cycling.
    public private(set) var candidateIndex: Int?
    private var wordStart = 0
    /// Lines entered before, oldest first.
    public private(set) var history: [String] = []
    private var historyIndex: Int?

    /// An empty command line.
    public init() {}

    /// Completes the word before the cursor using `provider`; returns whether the line changed.
    @discardableResult
    public mutating func complete(using provider: CommandCompletionProvider) -> Bool {
        if !candidates.isEmpty {  // the list is showing: cycle through it
            let next = candidateIndex.map { ($0 + 1) % candidates.count } ?? 0
            replaceWord(with: candidates[next], finished: false)
            candidateIndex = next
            return true
        }
        let before = String(field.characters.prefix(field.cursor))
        let endsWithSpace = before.last == " "
        var words = before.split(separator: " ").map(String.init)
        let prefix = endsWithSpace || words.isEmpty ? "" : words.removeLast()
        wordStart = field.cursor - prefix.count
        let found = provider.completions(words: words, prefix: prefix)
        guard !found.isEmpty else { candidates = []; return false }
        if found.count == 1 {
            replaceWord(with: found[0], finished: true)
            candidates = []
            return true
        }
        let common = CommandLineInput.commonPrefix(found)
        candidates = found
        if common.count > prefix.count { replaceWord(with: common, finished: false) }
        return true
    }

    /// Applies an editing key (ends any completion cycle); returns whether it was one.
    public mutating func handle(_ key: Key) -> Bool {
        let used = field.handle(key)
        if used { resetCompletion() }
        return used
    }

    /// Inserts pasted text.
    public mutating func paste(_ text: String) {
        field.insert(text)
        resetCompletion()
    }

    /// Accepts the line: records it in history and clears the field. Returns the text.
    public mutating func submit() -> String {
        let text = field.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty && history.last != text { history.append(text) }
        field = TextFieldState()
        historyIndex = nil
        resetCompletion()
        return text
    }

    /// Shows the previous (`-1`) or next (`+1`) history entry.
    public mutating func recall(_ direction: Int) {
        guard !history.isEmpty else { return }
        let current = historyIndex ?? history.count
        let target = min(max(0, current + direction), history.count)
        historyIndex = target
        field.setText(target < history.count ? history[target] : "")
        resetCompletion()
    }

    private mutating func resetCompletion() {
        candidates = []
        candidateIndex = nil
    }

    private mutating func replaceWord(with word: String, finished: Bool) {
        let chars = field.characters
        let start = min(wordStart, chars.count)
        let head = String(chars[..<start]), tail = String(chars[field.cursor...])
        field.setText(head + word + (finished ? " " : "") + tail)
        var moved = field
        moved.moveHome()
        for _ in 0..<(head.count + word.count + (finished ? 1 : 0)) { moved.moveRight() }
        field = moved
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let chars = Array(word)
            var n = 0
            while n < prefix.count && n < chars.count && prefix[n] == chars[n] { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return String(prefix)
    }

    /// Draws ":" and the text on `rect`'s last row and, when completing, the candidates on the row
    /// above. Returns the cursor position.
    @discardableResult
    public mutating func draw(in rect: Rect, canvas: Canvas, theme: Theme) -> Position? {
        guard !rect.isEmpty else { return nil }
        let row = rect.bottom - 1
        canvas.putPadded(":", at: Position(row: row, column: rect.column), width: 1, style: theme.style("command"))
        let width = rect.width - 1
        var cursor: Position? = nil
        if width > 0 {
            let (text, cursorColumn) = field.visible(width: width)
            canvas.putPadded(text, at: Position(row: row, column: rect.column + 1), width: width, style: theme.style("command"))
            cursor = Position(row: row, column: rect.column + 1 + min(cursorColumn, width - 1))
        }
        if !candidates.isEmpty && rect.height > 1 {
            var column = rect.column
            canvas.fill(Rect(row: row - 1, column: rect.column, height: 1, width: rect.width), style: theme.style("command.completion"))
            for (index, candidate) in candidates.enumerated() where column < rect.right {
                let style = index == candidateIndex ? theme.style("command.selected") : theme.style("command.completion")
                column += canvas.put(candidate, at: Position(row: row - 1, column: column), style: style, maxColumns: rect.right - column) + 2
            }
        }
        return cursor
    }
}
