/// What a line of cells was drawn from, for `Canvas.holds`: widgets that draw whole lines key
/// them with `ValueLine` over what they draw from (a class, so a canvas compares two with one
/// call and no boxing).
public class CanvasLine {
    /// A line key.
    public init() {}

    /// Whether `other` was drawn from the same values (and so drew the same cells).
    public func isSame(as other: CanvasLine) -> Bool { other === self }
}

/// What a canvas still holds of the lines widgets drew whole (a table row, a detail line): the
/// key each was drawn from, forgotten the moment any other write touches its cells. A widget
/// asks before drawing such a line; when the canvas holds exactly what the same key drew, the
/// drawing is skipped — the cells, and what the terminal is sent, are the same either way.
///
/// A line is a span of one row (`column`, `width`) that the widget draws in full. Canvases call
/// `touch` on every write and `reset` when their cells change in any other way (resize).
public final class CanvasRetention {
    private struct Span {
        var column: Int
        var width: Int
        var key: CanvasLine
    }

    private var rows: [[Span]] = []
    private var size = Size(rows: 0, columns: 0)

    /// Holds nothing.
    public init() {}

    /// Forgets everything, for a canvas of `size`.
    public func reset(size: Size) {
        self.size = size
        rows = Array(repeating: [], count: max(0, size.rows))
    }

    /// Whether the span `row`, `column`, `width` holds what `key` drew (on a canvas of `size`).
    public func holds(_ key: CanvasLine, row: Int, column: Int, width: Int, size: Size) -> Bool {
        guard size == self.size, rows.indices.contains(row) else { return false }
        return rows[row].contains { $0.column == column && $0.width == width && $0.key.isSame(as: key) }
    }

    /// Records that `key` was just drawn over the whole span (replacing what overlapped it).
    public func remember(_ key: CanvasLine, row: Int, column: Int, width: Int, size: Size) {
        if size != self.size { reset(size: size) }
        guard rows.indices.contains(row), width > 0 else { return }
        touch(row: row, column: column, width: width)
        rows[row].append(Span(column: column, width: width, key: key))
    }

    /// Forgets the spans a write to `width` cells of `row` from `column` overlaps.
    @inline(__always)
    public func touch(row: Int, column: Int, width: Int) {
        guard rows.indices.contains(row), !rows[row].isEmpty else { return }
        let end = column + width
        rows[row].removeAll { $0.column < end && column < $0.column + $0.width }
    }

    /// Forgets the spans a write to `rect` overlaps.
    public func touch(_ rect: Rect) {
        let first = max(0, rect.row), end = min(rows.count, rect.bottom)
        guard first < end else { return }
        for row in first..<end { touch(row: row, column: rect.column, width: rect.width) }
    }

    /// Whether every row of `rect` (each a move by `offset` reads or writes) holds one span of
    /// exactly `rect`'s columns: only then are the cells known to be whole lines that can move as
    /// they are, and no wide character drawn across the rect's edge is cut by the move.
    public func canMove(_ rect: Rect, by offset: Int, size: Size) -> Bool {
        guard size == self.size, offset != 0, abs(offset) < rect.height, rect.row >= 0, rect.bottom <= rows.count else { return false }
        for row in rect.row..<rect.bottom {
            guard rows[row].contains(where: { $0.column == rect.column && $0.width == rect.width }) else { return false }
        }
        return true
    }

    /// After the canvas moved the cells of `rect`'s rows by `offset` (row `r + offset` to row
    /// `r`): their spans move with them; the rows left behind hold nothing known.
    public func move(_ rect: Rect, by offset: Int) {
        let moved = sourceRows(rect, by: offset).map { row in rows[row].filter { $0.column == rect.column && $0.width == rect.width } }
        touch(rect)
        for (index, row) in sourceRows(rect, by: offset).enumerated() { rows[row - offset].append(contentsOf: moved[index]) }
    }

    /// The rows a move of `rect`'s rows by `offset` writes (row `r + offset` to row `r`), in the
    /// order that reads every row before it is overwritten: what a canvas copies, row by row.
    public static func moveTargets(_ rect: Rect, by offset: Int) -> StrideTo<Int> {
        offset > 0 ? stride(from: rect.row, to: rect.bottom - offset, by: 1) : stride(from: rect.bottom - 1, to: rect.row - offset - 1, by: -1)
    }

    private func sourceRows(_ rect: Rect, by offset: Int) -> Range<Int> {
        offset > 0 ? (rect.row + offset)..<rect.bottom : rect.row..<(rect.bottom + offset)
    }
}

/// A line key holding the value the line was drawn from (a table line's cells and styles, a
/// bar's segments…): two keys are the same when their values are equal.
public final class ValueLine<Key: Equatable>: CanvasLine {
    /// What the line was drawn from.
    public let key: Key

    /// The key of a line drawn from `key`.
    public init(_ key: Key) { self.key = key }

    /// A key of the same type with an equal value.
    override public func isSame(as other: CanvasLine) -> Bool {
        guard let other = other as? ValueLine<Key> else { return false }
        return other === self || other.key == key
    }
}

/// One text padded to its span in one style: what `Canvas.putPaddedRetained` draws a line from.
private struct PaddedText: Equatable {
    let text: String
    let style: Style
    let alignRight: Bool
}

extension Canvas {
    /// Runs `draw`, which writes every cell of `rect`, unless the canvas still holds what `key`
    /// drew there; then remembers `key` over it. Only a one-row `rect` is a line a canvas holds:
    /// a taller one is always drawn.
    public func drawUnlessHeld(_ key: CanvasLine, in rect: Rect, _ draw: () -> Void) {
        guard rect.height == 1 else { return draw() }
        guard !holds(key, row: rect.row, column: rect.column, width: rect.width) else { return }
        draw()
        remember(key, row: rect.row, column: rect.column, width: rect.width)
    }

    /// `putPadded`, skipped when the canvas still holds the same text there (borders, gutters and
    /// other cells every frame draws the same).
    public func putPaddedRetained(_ text: String, at position: Position, width: Int, style: Style, alignRight: Bool = false) {
        guard width > 0 else { return }
        let line = ValueLine(PaddedText(text: text, style: style, alignRight: alignRight))
        drawUnlessHeld(line, in: Rect(row: position.row, column: position.column, height: 1, width: width)) {
            putPadded(text, at: position, width: width, style: style, alignRight: alignRight)
        }
    }
}
