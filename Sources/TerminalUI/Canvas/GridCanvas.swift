import Core

/// An in-memory canvas for tests and benchmarks: renders to a text snapshot and reports the
/// style of every cell.
///
/// Cells are held packed (`GridCell`: a scalar or the number of a cluster, a width, the number
/// of a style), so writing a run or blanking a row stores plain values: no string or style is
/// copied, retained or released per cell (at 250×60 that per-cell work was most of a calendar
/// frame). `cells` builds the `Cell` grid on demand for tests.
public final class GridCanvas: Canvas {
    /// The canvas size.
    public private(set) var size: Size
    /// The cursor position after drawing (`nil` = hidden).
    public var cursor: Position?
    /// How many cells were written since creation (benchmarks use it as a cost measure).
    public private(set) var cellsWritten = 0
    private let textCache = CanvasTextCache()
    private let retention = CanvasRetention()
    /// `size.rows` × `size.columns` cells, row after row.
    private var grid: [GridCell]
    private var palette = GridPalette()

    /// A blank canvas of `size`.
    public init(size: Size) {
        self.size = size
        grid = Array(repeating: .blank(0), count: max(0, size.rows) * max(0, size.columns))
        retention.reset(size: size)
    }

    /// A blank canvas of `rows` × `columns`.
    public convenience init(rows: Int, columns: Int) {
        self.init(size: Size(rows: rows, columns: columns))
    }

    /// Rows of cells, `size.rows` × `size.columns` (built from the packed grid).
    public var cells: [[Cell]] {
        (0..<size.rows).map { r in (0..<size.columns).map { c in cell(grid[r * size.columns + c]) } }
    }

    /// Changes the size, keeping what still fits and blanking the rest.
    public func resize(to newSize: Size) {
        var resized = Array(repeating: GridCell.blank(0), count: max(0, newSize.rows) * max(0, newSize.columns))
        let columns = min(size.columns, newSize.columns)
        for r in 0..<min(size.rows, newSize.rows) {
            for c in 0..<columns { resized[r * newSize.columns + c] = grid[r * size.columns + c] }
            let last = r * newSize.columns + newSize.columns - 1
            if newSize.columns > 0, resized[last].width == 2 { resized[last] = .blank(resized[last].style) }
        }
        size = newSize
        grid = resized
        retention.reset(size: newSize)
    }

    /// Whether the span holds what `key` drew (`CanvasRetention`).
    public func holds(_ key: CanvasLine, row: Int, column: Int, width: Int) -> Bool {
        retention.holds(key, row: row, column: column, width: width, size: size)
    }

    /// Records `key` as drawn over the span.
    public func remember(_ key: CanvasLine, row: Int, column: Int, width: Int) {
        retention.remember(key, row: row, column: column, width: width, size: size)
    }

    /// Moves whole remembered lines of `rect` by `offset` rows (see `Canvas.moveLines`).
    public func moveLines(_ rect: Rect, by offset: Int) -> Bool {
        guard retention.canMove(rect, by: offset, size: size), rect.column >= 0, rect.right <= size.columns else { return false }
        for row in CanvasRetention.moveTargets(rect, by: offset) {
            let source = (row + offset) * size.columns, target = row * size.columns
            for c in rect.column..<rect.right { grid[target + c] = grid[source + c] }
        }
        retention.move(rect, by: offset)
        return true
    }

    /// Writes the text into the grid (see `Canvas.put`).
    @discardableResult
    public func put(_ text: String, at position: Position, style: Style, maxColumns: Int) -> Int {
        guard position.row >= 0, position.row < size.rows, position.column >= 0, position.column < size.columns else { return 0 }
        let limit = min(maxColumns, size.columns - position.column)
        retention.touch(row: position.row, column: position.column, width: limit)
        guard limit > 0, !text.isEmpty else { return 0 }
        let styleNumber = palette.number(of: style)
        if let written = putPlain(text, row: position.row, column: position.column, limit: limit, style: styleNumber) {
            return written
        }
        let graphemes = CanvasText.cells(of: text, maxColumns: limit, cache: textCache)
        var run: [GridCell] = []
        run.reserveCapacity(limit)
        for (grapheme, width) in graphemes {
            guard run.count + width <= limit else { break }  // cannot happen: cells(of:) clips to the limit
            run.append(GridCell(glyph: palette.glyph(of: grapheme), width: UInt8(width), style: styleNumber))
            if width == 2 { run.append(.continuation(styleNumber)) }
        }
        cellsWritten += graphemes.count
        run.withUnsafeBufferPointer { write($0, row: position.row, column: position.column) }
        return run.count
    }

    /// Printable ASCII or accented Latin (`DisplayWidth.isSimpleLatin`): one scalar, one cell,
    /// written straight into the row (the cells `CanvasText.cells` gives: "…" when cut). Nil
    /// for other text.
    private func putPlain(_ text: String, row: Int, column: Int, limit: Int, style: UInt16) -> Int? {
        var count = 0
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            count = text.utf8.count
        } else if DisplayWidth.isSimpleLatin(text) {
            count = text.unicodeScalars.count
        } else {
            return nil
        }
        let shown = min(count, limit)
        let kept = count <= limit ? count : limit - 1
        return withUnsafeTemporaryAllocation(of: GridCell.self, capacity: shown) { run in
            var index = 0
            for scalar in text.unicodeScalars {
                guard index < kept else { break }
                run[index] = GridCell(glyph: scalar.value, width: 1, style: style)
                index += 1
            }
            if kept < shown { run[kept] = GridCell(glyph: 0x2026, width: 1, style: style) }  // "…"
            cellsWritten += shown
            write(UnsafeBufferPointer(run), row: row, column: column)
            return shown
        }
    }

    /// Blanks `rect` in `style`, fixing wide characters cut at its edges. A row at a time, as the
    /// curses canvas does (`mvwhline_set`): the same cells as blanking them one by one.
    public func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(Rect(size: size))
        guard !area.isEmpty else { return }
        retention.touch(area)
        let blank = GridCell.blank(palette.number(of: style))
        let end = area.column + area.width
        for r in area.row..<area.bottom {
            cellsWritten += area.width
            fixCutWideCharacters(row: r, from: area.column, to: end)
            let base = r * size.columns
            grid.withUnsafeMutableBufferPointer { cells in
                for c in area.column..<end { cells[base + c] = blank }
            }
        }
    }

    /// Before cells `column..<end` of `row` are overwritten: a wide character whose other half
    /// lies outside them is blanked.
    private func fixCutWideCharacters(row: Int, from column: Int, to end: Int) {
        let base = row * size.columns
        if column > 0, grid[base + column].isContinuation { grid[base + column - 1] = .blank(grid[base + column - 1].style) }
        if end < size.columns, grid[base + end - 1].width == 2 { grid[base + end] = .blank(grid[base + end - 1].style) }
    }

    /// Writes a run of cells (wide characters already followed by their continuation) in one
    /// row: a wide character cut at either edge of the run is blanked.
    private func write(_ run: UnsafeBufferPointer<GridCell>, row: Int, column: Int) {
        let end = column + run.count
        guard !run.isEmpty, end <= size.columns else { return }
        fixCutWideCharacters(row: row, from: column, to: end)
        let base = row * size.columns + column
        grid.withUnsafeMutableBufferPointer { cells in
            for offset in 0..<run.count { cells[base + offset] = run[offset] }
        }
    }

    /// The `Cell` a packed cell stands for.
    private func cell(_ packed: GridCell) -> Cell {
        Cell(grapheme: palette.grapheme(of: packed.glyph), width: Int(packed.width), style: palette.style(packed.style))
    }

    /// The text of row `row` (continuation cells skipped), optionally without trailing spaces.
    public func line(_ row: Int, trimmingTrailingSpaces: Bool = true) -> String {
        guard row >= 0, row < size.rows else { return "" }
        var out = ""
        let base = row * size.columns
        for c in 0..<size.columns where !grid[base + c].isContinuation {
            palette.append(grid[base + c].glyph, to: &out)
        }
        if trimmingTrailingSpaces {
            while out.last == " " { out.removeLast() }
        }
        return out
    }

    /// All rows joined with newlines, trailing spaces trimmed: the text snapshot tests compare.
    public func snapshot() -> String {
        (0..<size.rows).map { line($0) }.joined(separator: "\n")
    }

    /// The style at `row`, `column`.
    public func style(row: Int, column: Int) -> Style {
        palette.style(grid[row * size.columns + column].style)
    }

    /// One character per cell naming its style through `legend` ("." for styles not in it):
    /// a way to snapshot colours and attributes next to the text.
    public func styleMap(_ legend: [Style: Character]) -> String {
        (0..<size.rows).map { r in
            String((0..<size.columns).map { c in legend[palette.style(grid[r * size.columns + c].style)] ?? "." })
        }.joined(separator: "\n")
    }
}
