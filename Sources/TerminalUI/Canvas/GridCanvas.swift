/// An in-memory canvas for tests and benchmarks: renders to a text snapshot and reports the
/// style of every cell.
public final class GridCanvas: Canvas {
    /// The canvas size.
    public private(set) var size: Size
    /// Rows of cells, `size.rows` × `size.columns`.
    public private(set) var cells: [[Cell]]
    /// The cursor position after drawing (`nil` = hidden).
    public var cursor: Position?
    /// How many cells were written since creation (benchmarks use it as a cost measure).
    public private(set) var cellsWritten = 0
    private let textCache = CanvasTextCache()
    private let retention = CanvasRetention()

    /// A blank canvas of `size`.
    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: Array(repeating: .blank(), count: size.columns), count: size.rows)
        retention.reset(size: size)
    }

    /// A blank canvas of `rows` × `columns`.
    public convenience init(rows: Int, columns: Int) {
        self.init(size: Size(rows: rows, columns: columns))
    }

    /// Changes the size, keeping what still fits and blanking the rest.
    public func resize(to newSize: Size) {
        var grid = Array(repeating: Array(repeating: Cell.blank(), count: newSize.columns), count: newSize.rows)
        for r in 0..<min(size.rows, newSize.rows) {
            for c in 0..<min(size.columns, newSize.columns) { grid[r][c] = cells[r][c] }
            if let last = grid[r].last, last.width == 2 { grid[r][newSize.columns - 1] = .blank(last.style) }
        }
        size = newSize
        cells = grid
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
        let targets = offset > 0 ? Array(rect.row..<(rect.bottom - offset)) : Array((rect.row - offset)..<rect.bottom).reversed()
        for row in targets {
            let source = cells[row + offset][rect.column..<rect.right]
            cells[row].replaceSubrange(rect.column..<rect.right, with: source)
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
        let graphemes = CanvasText.cells(of: text, maxColumns: limit, cache: textCache)
        var run: [Cell] = []
        run.reserveCapacity(limit)
        for (grapheme, width) in graphemes {
            run.append(Cell(grapheme: grapheme, width: width, style: style))
            if width == 2 { run.append(Cell(grapheme: "", width: 0, style: style)) }
        }
        guard run.count <= limit else {  // cannot happen (cells(of:) clips to the limit); per cell to be safe
            var column = position.column
            for (grapheme, width) in graphemes {
                set(row: position.row, column: column, cell: Cell(grapheme: grapheme, width: width, style: style))
                column += width
            }
            return column - position.column
        }
        cellsWritten += graphemes.count
        write(run, row: position.row, column: position.column)
        return run.count
    }

    /// Blanks `rect` in `style`, fixing wide characters cut at its edges. A row at a time, as the
    /// curses canvas does (`mvwhline_set`): the same cells as blanking them one by one, without
    /// the per-cell cost that made benchmarks of wide panes measure this canvas, not the pane.
    public func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(Rect(size: size))
        guard !area.isEmpty else { return }
        retention.touch(area)
        let blank = Cell.blank(style)
        let end = area.column + area.width
        for r in area.row..<area.bottom {
            cellsWritten += area.width
            fixCutWideCharacters(row: r, from: area.column, to: end)
            cells[r].withUnsafeMutableBufferPointer { row in
                for c in area.column..<end { row[c] = blank }
            }
        }
    }

    /// Before cells `column..<end` of `row` are overwritten: a wide character whose other half
    /// lies outside them is blanked (as `set` does cell by cell).
    private func fixCutWideCharacters(row: Int, from column: Int, to end: Int) {
        if column > 0, cells[row][column].isContinuation { cells[row][column - 1] = .blank(cells[row][column - 1].style) }
        if end < size.columns, cells[row][end - 1].width == 2 { cells[row][end] = .blank(cells[row][end - 1].style) }
    }

    /// Writes a run of cells (wide characters already followed by their continuation) in one
    /// row, as `set` would cell by cell: a wide character cut at either edge of the run is blanked.
    private func write(_ run: [Cell], row: Int, column: Int) {
        let end = column + run.count
        guard !run.isEmpty, end <= size.columns else { return }
        fixCutWideCharacters(row: row, from: column, to: end)
        cells[row].withUnsafeMutableBufferPointer { cells in
            for (offset, cell) in run.enumerated() { cells[column + offset] = cell }
        }
    }

    /// Writes one cell (and its continuation), blanking any wide character it cuts in half.
    private func set(row: Int, column: Int, cell: Cell) {
        cellsWritten += 1
        let span = max(1, cell.width)
        for c in column..<min(column + span, size.columns) {
            let old = cells[row][c]
            if old.isContinuation, c > 0, c == column { cells[row][c - 1] = .blank(cells[row][c - 1].style) }
            if old.width == 2, c + 1 < size.columns, c + 1 >= column + span { cells[row][c + 1] = .blank(old.style) }
        }
        cells[row][column] = cell
        if cell.width == 2, column + 1 < size.columns {
            cells[row][column + 1] = Cell(grapheme: "", width: 0, style: cell.style)
        }
    }

    /// The text of row `row` (continuation cells skipped), optionally without trailing spaces.
    public func line(_ row: Int, trimmingTrailingSpaces: Bool = true) -> String {
        guard row >= 0, row < size.rows else { return "" }
        var out = ""
        for cell in cells[row] where !cell.isContinuation { out += cell.grapheme }
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
        cells[row][column].style
    }

    /// One character per cell naming its style through `legend` ("." for styles not in it):
    /// a way to snapshot colours and attributes next to the text.
    public func styleMap(_ legend: [Style: Character]) -> String {
        cells.map { row in String(row.map { legend[$0.style] ?? "." }) }.joined(separator: "\n")
    }
}
