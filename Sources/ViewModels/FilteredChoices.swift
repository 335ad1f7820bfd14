import Foundation
import Store

/// A picker's list that narrows as the user types (the `:transfer` picker): the options, the
/// filter text, which options match it (every word, ignoring case and accents, anywhere in the
/// option) and which match is highlighted. Plain value: the screen draws it, keys edit it.
///
/// Keys (see `ConversationPane` and `PromptDialog`): typing filters; `j`/`k` move while the filter
/// is empty (so a filter cannot start with j or k — `/` starts one explicitly); arrows and
/// `C-n`/`C-p` always move; Backspace edits the filter.
public struct FilteredChoices: Sendable, Hashable {
    /// Every option, in the order given.
    public let options: [String]
    /// The typed filter.
    public private(set) var filter = ""
    /// Indices into `options` of the options that match `filter`, in order.
    public private(set) var matches: [Int]
    /// Index into `matches` of the highlighted one.
    public private(set) var highlighted = 0
    /// `/` was typed: letters go to the filter even while it is empty (so `j`/`k` can start it).
    public private(set) var typingFilter = false

    /// A list of `options`, unfiltered, the first highlighted.
    public init(options: [String]) {
        self.options = options
        matches = Array(options.indices)
    }

    /// The highlighted option's index in `options`, or nil when nothing matches.
    public var selectedIndex: Int? { matches.indices.contains(highlighted) ? matches[highlighted] : nil }

    /// The highlighted option, or nil.
    public var selected: String? { selectedIndex.map { options[$0] } }

    /// Whether `j`/`k` move the highlight now (the filter is empty and `/` was not typed).
    public var lettersMove: Bool { filter.isEmpty && !typingFilter }

    /// Moves the highlight by `delta`, wrapping around.
    public mutating func move(by delta: Int) {
        guard !matches.isEmpty else { return }
        highlighted = ((highlighted + delta) % matches.count + matches.count) % matches.count
    }

    /// A typed character: `j`/`k` move while `lettersMove`, `/` starts an explicit filter, anything
    /// else extends the filter.
    public mutating func type(_ character: Character) {
        if lettersMove {
            switch character {
            case "j": return move(by: 1)
            case "k": return move(by: -1)
            case "/": typingFilter = true; return
            default: break
            }
        }
        setFilter(filter + String(character))
    }

    /// Backspace: drops the filter's last character (an empty `/` filter goes back to j/k moving).
    public mutating func deleteBackward() {
        if filter.isEmpty { typingFilter = false; return }
        setFilter(String(filter.dropLast()))
    }

    /// Replaces the filter and re-matches, keeping the highlighted option when it still matches.
    public mutating func setFilter(_ text: String) {
        let keep = selectedIndex
        filter = text
        let words = Self.words(text)
        matches = options.indices.filter { index in
            let option = SortKey.fold(options[index])
            return words.allSatisfy { option.contains($0) }
        }
        highlighted = keep.flatMap { matches.firstIndex(of: $0) } ?? 0
    }

    static func words(_ text: String) -> [String] {
        SortKey.fold(text).split(whereSeparator: { $0 == " " }).map(String.init)
    }
}
