internal import CNcursesw
import Core
import TerminalUI

/// `Canvas` on a curses window: cells are written into the window and only reach the terminal,
/// as a diff, when `CursesTerminal.present()` runs (`wnoutrefresh` + `doupdate`).
public final class CursesCanvas: Canvas {
    let window: UnsafeMutablePointer<WINDOW>
    let colors: ColorPairCache
    /// Where the cursor goes after the frame; `nil` hides it.
    public var cursor: Position?
    private let textCache = CanvasTextCache()
    private let retention = CanvasRetention()

    init(window: UnsafeMutablePointer<WINDOW>, colors: ColorPairCache) {
        self.window = window
        self.colors = colors
    }

    /// The window size in cells.
    public var size: Size {
        Size(rows: Int(getmaxy(window)), columns: Int(getmaxx(window)))
    }

    /// Writes the text into the curses window, one grapheme per cell (wide ones take two).
    @discardableResult
    public func put(_ text: String, at position: Position, style: Style, maxColumns: Int) -> Int {
        let bounds = size
        guard position.row >= 0, position.row < bounds.rows, position.column >= 0, position.column < bounds.columns else { return 0 }
        let limit = min(maxColumns, bounds.columns - position.column)
        guard limit > 0 else { return 0 }
        retention.touch(row: position.row, column: position.column, width: limit)
        let (attributes, pair) = colors.resolve(style)
        if let written = putASCII(text, row: position.row, column: position.column, limit: limit, attributes: attributes, pair: pair) {
            return written
        }
        var column = position.column
        var cell = cchar_t()
        for (grapheme, width) in CanvasText.cells(of: text, maxColumns: limit, cache: textCache) {
            let cursesWidth = CursesCanvas.cursesWidth(of: grapheme)
            // curses thinks it is wide where we count one column: it would take the next cell too
            // (past the span, into a line the canvas holds), so a narrow stand-in takes its place.
            let shown = cursesWidth > width ? CursesCanvas.narrowStandIn : grapheme
            makeCell(&cell, grapheme: shown, width: width, attributes: attributes, pair: pair)
            mvwadd_wch(window, Int32(position.row), Int32(column), &cell)
            if width == 2 && cursesWidth < 2 {
                // curses thinks it is narrow (e.g. text heart + VS16): keep its grid in step with ours.
                makeCell(&cell, grapheme: " ", width: 1, attributes: attributes, pair: pair)
                mvwadd_wch(window, Int32(position.row), Int32(column + 1), &cell)
            }
            column += width
        }
        return column - position.column
    }

    /// Printable ASCII (most lead data) in one `mvwaddnstr` in the style's attributes: the same
    /// cells as one `mvwadd_wch` per grapheme (one byte, one cell; "…" when cut, as
    /// `CanvasText.cells` does), without building a Swift string and a C array per cell.
    /// Nil when `text` is not printable ASCII.
    private func putASCII(_ text: String, row: Int, column: Int, limit: Int, attributes: attr_t, pair: Int32) -> Int? {
        var utf8 = text
        return utf8.withUTF8 { bytes -> Int? in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
                return putSimpleLatin(text, row: row, column: column, limit: limit, attributes: attributes, pair: pair)
            }
            let fits = bytes.count <= limit
            let count = fits ? bytes.count : limit - 1
            if count > 0 {
                closer_wattr_set(window, attributes, pair)
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    _ = mvwaddnstr(window, Int32(row), Int32(column), chars.baseAddress, Int32(count))
                }
                closer_wattr_set(window, attr_t(closer_a_normal()), 0)  // cells written later carry their own style
            }
            if !fits {
                var cell = cchar_t()
                makeCell(&cell, grapheme: "…", width: 1, attributes: attributes, pair: pair)
                mvwadd_wch(window, Int32(row), Int32(column + count), &cell)
            }
            return fits ? count : limit
        }
    }

    /// Accented Latin text (`DisplayWidth.isSimpleLatin`: one scalar, one grapheme, one column
    /// each) in one `mvwaddnwstr`: the same cells as the general path.
    private func putSimpleLatin(_ text: String, row: Int, column: Int, limit: Int, attributes: attr_t, pair: Int32) -> Int? {
        guard DisplayWidth.isSimpleLatin(text) else { return nil }
        var characters: [wchar_t] = []
        characters.reserveCapacity(min(limit, text.utf8.count) + 1)
        for scalar in text.unicodeScalars {
            if characters.count == limit { break }
            characters.append(wchar_t(bitPattern: scalar.value))
        }
        let fits = text.unicodeScalars.count <= limit
        if !fits { characters[characters.count - 1] = wchar_t(bitPattern: 0x2026) }  // "…"
        characters.append(0)
        closer_wattr_set(window, attributes, pair)
        _ = mvwaddnwstr(window, Int32(row), Int32(column), characters, Int32(characters.count - 1))
        closer_wattr_set(window, attr_t(closer_a_normal()), 0)
        return characters.count - 1
    }

    /// Paints `rect` with spaces in `style` (a horizontal line per row).
    public func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(Rect(size: size))
        guard !area.isEmpty else { return }
        retention.touch(area)
        let (attributes, pair) = colors.resolve(style)
        var cell = cchar_t()
        makeCell(&cell, grapheme: " ", width: 1, attributes: attributes, pair: pair)
        for row in area.row..<area.bottom {
            mvwhline_set(window, Int32(row), Int32(area.column), &cell, Int32(area.width))
        }
    }

    /// Whether the span holds what `key` drew (`CanvasRetention`; a resize forgets everything).
    public func holds(_ key: CanvasLine, row: Int, column: Int, width: Int) -> Bool {
        retention.holds(key, row: row, column: column, width: width, size: size)
    }

    /// Records `key` as drawn over the span.
    public func remember(_ key: CanvasLine, row: Int, column: Int, width: Int) {
        retention.remember(key, row: row, column: column, width: width, size: size)
    }

    /// Moves whole remembered lines of `rect` by `offset` rows with `copywin`, cell for cell and
    /// one row per call, in the order that reads every row before it is overwritten: a list that
    /// scrolls by a line then rewrites one line, not all.
    public func moveLines(_ rect: Rect, by offset: Int) -> Bool {
        let bounds = size
        guard retention.canMove(rect, by: offset, size: bounds), rect.column >= 0, rect.right <= bounds.columns else { return false }
        let left = Int32(rect.column), right = Int32(rect.right - 1)
        for row in CanvasRetention.moveTargets(rect, by: offset) where copywin(window, window, Int32(row + offset), left, Int32(row), left, Int32(row), right, 0) == ERR {
            retention.touch(rect)
            return false
        }
        retention.move(rect, by: offset)
        return true
    }

    /// Fills `cell` with `grapheme`; a cluster curses cannot hold in one cell (more than one
    /// spacing character, e.g. a ZWJ family) keeps its first character.
    private func makeCell(_ cell: inout cchar_t, grapheme: String, width: Int, attributes: attr_t, pair: Int32) {
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: Int(CCHARW_MAX)) { scalars in  // on the stack
            var count = 0
            for scalar in grapheme.unicodeScalars where count < Int(CCHARW_MAX) - 1 {
                scalars[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            }
            scalars[count] = 0
            if closer_setcchar(&cell, scalars.baseAddress, attributes, pair) == ERR {
                scalars[0] = wchar_t(bitPattern: grapheme.unicodeScalars.first?.value ?? 0x20)
                scalars[1] = 0
                _ = closer_setcchar(&cell, scalars.baseAddress, attributes, pair)
            }
        }
    }

    /// What a grapheme we count as one column but curses as two is shown as (U+FFFD, one column
    /// for both): the terminal would draw the grapheme two columns wide as well.
    static let narrowStandIn = "\u{FFFD}"

    /// Width curses (the C library's wcwidth) gives the cluster's first character.
    static func cursesWidth(of grapheme: String) -> Int {
        guard let first = grapheme.unicodeScalars.first else { return 0 }
        return Int(closer_wcwidth(first.value))
    }

    /// The text of `row` as curses holds it (for tests), trailing spaces removed.
    func line(_ row: Int) -> String {
        let columns = size.columns
        var buffer = [wchar_t](repeating: 0, count: columns * Int(CCHARW_MAX) + 1)
        let count = mvwinnwstr(window, Int32(row), 0, &buffer, Int32(buffer.count - 1))
        guard count != ERR else { return "" }
        var text = String(String.UnicodeScalarView(buffer.prefix(while: { $0 != 0 }).compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The characters and pair number stored in one cell (for tests).
    func cell(row: Int, column: Int) -> (text: String, pair: Int32, attributes: attr_t) {
        var cell = cchar_t()
        guard mvwin_wch(window, Int32(row), Int32(column), &cell) != ERR else { return ("", 0, 0) }
        var text = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var shortPair: Int16 = 0
        var pair: Int32 = 0
        _ = getcchar(&cell, &text, &attributes, &shortPair, &pair)
        let string = String(String.UnicodeScalarView(text.prefix(while: { $0 != 0 }).compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        return (string, pair, attributes & ~attr_t(closer_a_normal()))
    }
}
