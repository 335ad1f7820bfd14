import Core

/// A grid of character cells that widgets draw into: the curses screen in the app, a `GridCanvas`
/// in tests. A wide character takes two cells; text never spills past `maxColumns` or the edge.
public protocol Canvas: AnyObject {
    /// The drawable size in cells.
    var size: Size { get }

    /// Draws one line of `text` at `position`, clipped to `maxColumns` columns and the canvas edge
    /// (with "…" when cut, never splitting a wide character). Control characters and escape
    /// sequences are removed first. Returns the number of columns written.
    @discardableResult
    func put(_ text: String, at position: Position, style: Style, maxColumns: Int) -> Int

    /// Paints every cell of `rect` as a space in `style`.
    func fill(_ rect: Rect, style: Style)

    /// Where the terminal cursor shows after the frame; `nil` hides it.
    var cursor: Position? { get set }

    /// Whether the one-row span still holds what `key` drew there, untouched since
    /// (`CanvasRetention`): the widget may skip drawing it. A canvas that keeps no record says no.
    func holds(_ key: CanvasLine, row: Int, column: Int, width: Int) -> Bool

    /// Records that `key` was just drawn over every cell of the span.
    func remember(_ key: CanvasLine, row: Int, column: Int, width: Int)

    /// Moves the cells of `rect`'s rows by `offset` rows (row `r + offset` to row `r`; negative:
    /// down), with what they are remembered to hold, when every row of `rect` holds one remembered
    /// line of exactly `rect`'s columns; the rows left behind must be drawn again. False, and
    /// nothing moved, otherwise (or when the canvas cannot move cells).
    func moveLines(_ rect: Rect, by offset: Int) -> Bool
}

extension Canvas {
    /// No record kept: every span is drawn.
    public func holds(_ key: CanvasLine, row: Int, column: Int, width: Int) -> Bool { false }
    /// No record kept.
    public func remember(_ key: CanvasLine, row: Int, column: Int, width: Int) {}
    /// Cannot move cells.
    public func moveLines(_ rect: Rect, by offset: Int) -> Bool { false }
}

extension Canvas {
    /// Draws `text` from `position` to the right edge of the canvas.
    @discardableResult
    public func put(_ text: String, at position: Position, style: Style = .plain) -> Int {
        put(text, at: position, style: style, maxColumns: size.columns - position.column)
    }

    /// Draws `text` padded with spaces (or clipped) to exactly `width` columns.
    public func putPadded(_ text: String, at position: Position, width: Int, style: Style, alignRight: Bool = false) {
        guard width > 0 else { return }
        if alignRight {
            let used = DisplayWidth.of(CanvasText.safe(text))
            let gap = max(0, width - used)
            if gap > 0 { fill(Rect(row: position.row, column: position.column, height: 1, width: gap), style: style) }
            put(text, at: Position(row: position.row, column: position.column + gap), style: style, maxColumns: width - gap)
        } else {
            let used = put(text, at: position, style: style, maxColumns: width)
            if used < width {
                fill(Rect(row: position.row, column: position.column + used, height: 1, width: width - used), style: style)
            }
        }
    }

    /// Clears the whole canvas to `style`.
    public func clear(style: Style = .plain) {
        fill(Rect(size: size), style: style)
    }
}

/// Turns text into the grapheme clusters and widths a canvas stores; shared by every canvas so
/// they agree cell for cell.
public enum CanvasText {
    /// `text` with controls and escape sequences removed (the canvas's last line of defence).
    public static func safe(_ text: String) -> String {
        TextSanitizer.isClean(text) ? text : TextSanitizer.line(text)
    }

    /// The graphemes of `text` with their widths (1 or 2), clipped to `maxColumns` with "…".
    /// Zero-width clusters join the previous grapheme, or are dropped at the start. Emoji
    /// sequences are reduced to what every terminal draws alike (`TerminalGrapheme`).
    public static func cells(of text: String, maxColumns: Int) -> [(grapheme: String, width: Int)] {
        cells(of: text, maxColumns: maxColumns, cache: nil)
    }

    /// The same, remembering in `cache` the texts that need the grapheme-by-grapheme path (box
    /// drawing, CJK, emoji, Cyrillic…): every frame draws the same title, hints and names again.
    public static func cells(of text: String, maxColumns: Int, cache: CanvasTextCache?) -> [(grapheme: String, width: Int)] {
        guard maxColumns > 0, !text.isEmpty else { return [] }
        if let ascii = printableASCII(text, maxColumns: maxColumns) { return ascii }
        if let plain = standaloneScalars(text, maxColumns: maxColumns) { return plain }
        guard let cache else { return general(safe(text), maxColumns: maxColumns) }
        return cache.cells(of: text, maxColumns: maxColumns) { general(safe(text), maxColumns: maxColumns) }
    }

    /// Any clean text, measured and cut in one pass that stops once it is known not to fit: the
    /// same cells as clipping it with `DisplayWidth.clip` (the longest prefix within
    /// `maxColumns - 1` columns, then "…", when the whole is wider than `maxColumns`) and then
    /// turning each grapheme into cells.
    private static func general(_ clean: String, maxColumns: Int) -> [(grapheme: String, width: Int)] {
        var result: [(grapheme: String, width: Int)] = []
        result.reserveCapacity(min(clean.utf8.count, maxColumns + 1))
        var fit = ColumnFit(maxColumns: maxColumns)
        for character in clean {
            let width = DisplayWidth.of(character)
            guard fit.take(width, cellsSoFar: result.count) else { break }
            if width == 0 {
                // A combining mark stacks on the previous cell; a lone joiner or format character is dropped.
                if !result.isEmpty, character.unicodeScalars.allSatisfy(TerminalGrapheme.isCombiningMark) {
                    result[result.count - 1].grapheme.append(character)
                }
                continue
            }
            TerminalGrapheme.appendCells(character, width: width, to: &result)
        }
        fit.finish(&result)
        return result
    }

    /// Fast path for text whose every scalar is a grapheme of its own in any text and needs no
    /// sanitising (`isStandalone`: Latin, Greek, Cyrillic, Arabic letters, CJK, kana, Hangul
    /// syllables, common punctuation): each scalar one cell of its `DisplayWidth`, cut as
    /// `general` cuts — the same cells without breaking the text into graphemes or keeping it
    /// in the cache (names of a new week or month were most of a cold 250×60 frame's drawing).
    private static func standaloneScalars(_ text: String, maxColumns: Int) -> [(grapheme: String, width: Int)]? {
        guard text.unicodeScalars.allSatisfy(isStandalone) else { return nil }
        var result: [(grapheme: String, width: Int)] = []
        result.reserveCapacity(min(text.utf8.count, maxColumns + 1))
        var fit = ColumnFit(maxColumns: maxColumns)
        for scalar in text.unicodeScalars {
            let width = DisplayWidth.width(of: scalar)
            guard width > 0 else { return nil }  // cannot happen for standalone scalars
            guard fit.take(width, cellsSoFar: result.count) else { break }
            result.append((String(Character(scalar)), width))
        }
        fit.finish(&result)
        return result
    }

    /// Whether `scalar` is always a grapheme cluster on its own (nothing before or after it can
    /// join it: no combining mark, joiner, selector, jamo, prepend or emoji part), is drawn at
    /// a width of 1 or 2 and is nothing `TextSanitizer` removes.
    static func isStandalone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF: return true  // ASCII, Latin-1, Latin Extended-A/B, IPA, modifiers
        case 0x370...0x3FF: return true  // Greek and Coptic
        case 0x400...0x482, 0x48A...0x52F: return true  // Cyrillic (not its combining marks)
        case 0x620...0x64A, 0x660...0x66F, 0x671...0x6D3: return true  // Arabic letters and digits (not its marks)
        case 0x1E00...0x1FFF: return true  // Latin Extended Additional (Vietnamese), Greek Extended
        case 0x2010...0x2027, 0x2030...0x205E: return true  // general punctuation (not spaces, joiners, bidi)
        case 0x3000...0x3029, 0x3030...0x303F: return true  // CJK symbols (not the tone marks 302A–302F)
        case 0x3041...0x3096, 0x309B...0x30FF: return true  // kana (not the combining voicing marks)
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: return true  // CJK ideographs
        case 0xAC00...0xD7A3: return true  // Hangul syllables (only jamo join them, and jamo are not here)
        case 0xFF01...0xFF60, 0xFFE0...0xFFE6: return true  // fullwidth forms
        default: return false
        }
    }

    /// Fast path for printable ASCII (most lead data): one cell per byte, no sanitising needed.
    private static func printableASCII(_ text: String, maxColumns: Int) -> [(grapheme: String, width: Int)]? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        var result: [(grapheme: String, width: Int)] = []
        result.reserveCapacity(min(utf8.count, maxColumns))
        let fits = utf8.count <= maxColumns
        for byte in utf8 {
            if result.count == (fits ? maxColumns : maxColumns - 1) { break }
            result.append((String(UnicodeScalar(byte)), 1))
        }
        if !fits { result.append(("…", 1)) }
        return result
    }
}

/// Cells of texts that took `CanvasText`'s general path, by text and width. Once `capacity` texts
/// are held, each new one replaces the oldest: one at a time, so no frame pays for forgetting
/// them all (a 250×60 week drawing a new week's names filled 2,048 entries and then emptied them
/// in one frame: 2–3 ms of destroying arrays).
public final class CanvasTextCache {
    private struct Key: Hashable {
        let text: String
        let maxColumns: Int
    }

    private var entries: [Key: [(grapheme: String, width: Int)]] = [:]
    /// Keys in the order they came, oldest at `oldest` once full (a ring).
    private var order: [Key] = []
    private var oldest = 0
    /// How many texts are kept; past it the oldest is forgotten.
    public let capacity: Int

    /// An empty cache.
    public init(capacity: Int = 2048) {
        self.capacity = max(1, capacity)
    }

    /// How many texts are held (tests).
    var count: Int { entries.count }

    /// The cells of `text` in `maxColumns`, from `make` the first time.
    func cells(of text: String, maxColumns: Int, make: () -> [(grapheme: String, width: Int)]) -> [(grapheme: String, width: Int)] {
        let key = Key(text: text, maxColumns: maxColumns)
        if let known = entries[key] { return known }
        let made = make()
        if order.count < capacity {
            order.append(key)
        } else {
            entries[order[oldest]] = nil
            order[oldest] = key
            oldest = (oldest + 1) % capacity
        }
        entries[key] = made
        return made
    }
}
