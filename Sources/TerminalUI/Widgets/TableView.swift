import Core

/// A column of a `TableView`.
public struct TableColumn: Sendable {
    /// How wide a column is.
    public enum Width: Sendable, Hashable {
        /// Exactly this many columns.
        case fixed(Int)
        /// A share (`weight`) of the space left, at least `min` columns.
        case flexible(min: Int, weight: Int)
    }

    /// Header text.
    public var title: String
    /// Width rule.
    public var width: Width
    /// Right-align the text (numbers, dates).
    public var alignRight: Bool
    /// When the table is too narrow, lower priorities are hidden first.
    public var priority: Int

    /// A column.
    public init(_ title: String, width: Width, alignRight: Bool = false, priority: Int = 0) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
        self.priority = priority
    }

    var minimum: Int {
        switch width {
        case .fixed(let n): return n
        case .flexible(let min, _): return min
        }
    }
}

/// One cell of a table row: text and an optional theme element for it (e.g. `status.contact`).
public struct TableCell: Sendable, Hashable {
    /// The text (untrusted text is fine: it is sanitised before drawing).
    public var text: String
    /// Theme element for this cell, overriding the row's.
    public var element: String?

    /// A cell.
    public init(_ text: String, element: String? = nil) {
        self.text = text
        self.element = element
    }
}

/// A row of a table.
public struct TableRow: Sendable, Hashable {
    /// Cells, one per column.
    public var cells: [TableCell]
    /// Whether the row is marked for a bulk action.
    public var isMarked: Bool

    /// A row.
    public init(_ cells: [TableCell], isMarked: Bool = false) {
        self.cells = cells
        self.isMarked = isMarked
    }
}

/// A list/table drawn from a window of rows the caller provides (the view model's visible
/// slice, never a whole table): header, selected row, marked rows, per-cell styles.
public struct TableView: Sendable {
    /// The columns.
    public var columns: [TableColumn]
    /// Whether the first row of the rectangle shows column titles.
    public var showsHeader: Bool
    /// Blank columns between cells.
    public var spacing: Int
    /// How many leading columns carry the selection highlight (the gutter, those cells and the
    /// text of the last one); the rest of the selected row keeps its usual styles. Nil: the whole
    /// row is highlighted. A short bar costs far fewer bytes per move (only cells that change
    /// are sent) and the `>` gutter keeps the selection obvious on any terminal.
    public var selectionSpan: Int?

    /// A table of `columns`.
    public init(columns: [TableColumn], showsHeader: Bool = true, spacing: Int = 1, selectionSpan: Int? = nil) {
        self.columns = columns
        self.showsHeader = showsHeader
        self.spacing = spacing
        self.selectionSpan = selectionSpan
    }

    /// Rows of data that fit in a rectangle `height` rows tall (the view model's page size).
    public func visibleRowCount(height: Int) -> Int { max(0, height - (showsHeader ? 1 : 0)) }

    /// The index into the drawn `rows` of a click at `position`, or `nil` (header, outside, past the end).
    public func rowIndex(at position: Position, in rect: Rect, rowCount: Int) -> Int? {
        guard rect.contains(position) else { return nil }
        let index = position.row - rect.row - (showsHeader ? 1 : 0)
        return index >= 0 && index < rowCount ? index : nil
    }

    /// Width of each column for a table `total` columns wide (2 go to the mark gutter); 0 = hidden.
    public func columnWidths(total: Int) -> [Int] {
        let available = total - 2
        var shown = Array(repeating: true, count: columns.count)
        func need() -> Int {
            let visible = columns.indices.filter { shown[$0] }
            return visible.reduce(0) { $0 + columns[$1].minimum } + max(0, visible.count - 1) * spacing
        }
        let byPriority = columns.indices.sorted { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }
        var next = 0
        while need() > available, next < byPriority.count, shown.filter({ $0 }).count > 1 {
            shown[byPriority[next]] = false
            next += 1
        }
        var widths = columns.indices.map { shown[$0] ? columns[$0].minimum : 0 }
        var spare = max(0, available - need())
        let weights = columns.indices.map { index -> Int in
            guard shown[index], case .flexible(_, let weight) = columns[index].width else { return 0 }
            return max(0, weight)
        }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            var given = 0
            for index in columns.indices where weights[index] > 0 {
                let share = spare * weights[index] / totalWeight
                widths[index] += share
                given += share
            }
            spare -= given
            for index in columns.indices.reversed() where weights[index] > 0 && spare > 0 {
                widths[index] += spare
                spare = 0
            }
        }
        if shown.filter({ $0 }).count == 1, let only = shown.firstIndex(of: true) { widths[only] = max(0, min(widths[only], available)) }
        return widths
    }

    /// Draws header and `rows` into `rect`; `selected` indexes into `rows`. `focused` tells whether
    /// the pane has the keyboard (the selected row is then shown in `list.selected`, else dimmed).
    /// With no rows, `emptyText` (e.g. "No leads match /zoe") is shown dimmed.
    ///
    /// A line the canvas still holds from an earlier frame (same cells, styles, widths and place:
    /// `Canvas.holds`) is not drawn again, and when most lines sit one row off where they were
    /// (the list scrolled by a line) the canvas moves them first (`Canvas.moveLines`): a move
    /// draws the lines that changed, not every line.
    public func draw(rows: [TableRow], selected: Int?, in rect: Rect, canvas: Canvas, theme: Theme, focused: Bool = true,
                     emptyText: String? = nil) {
        guard !rect.isEmpty else { return }
        let widths = columnWidths(total: rect.width)
        let layout = LineLayout(widths: widths, column: rect.column, width: rect.width, spacing: spacing,
                                alignRight: columns.map(\.alignRight))
        var row = rect.row
        if showsHeader {
            let header = theme.style("list.header")
            let cells = columns.map { TableCell($0.title) }
            let key = LineKey(cells: cells, styles: cells.map { _ in header }, mark: " ", base: header, highlight: nil, layout: layout)
            canvas.drawUnlessHeld(TableLine(key), in: Rect(row: row, column: rect.column, height: 1, width: rect.width)) {
                drawLine(key, row: row, rect: rect, canvas: canvas)
            }
            row += 1
        }
        let listStyle = theme.style("list")
        let selectedStyle = focused ? theme.style("list.selected") : theme.style("list.selected").adding(.dim)
        let markedStyle = theme.style("list.marked")
        let dataTop = row
        let count = min(rows.count, max(0, rect.bottom - dataTop))
        var elementStyles: [(element: String, style: Style)] = []
        let keys: [TableLine] = rows.prefix(count).enumerated().map { index, data in
            let isSelected = index == selected
            let rowStyle = data.isMarked ? markedStyle : listStyle
            let mark = data.isMarked ? "*" : (isSelected ? ">" : " ")
            if isSelected, let selectionSpan {
                let styles = cellStyles(data.cells, base: rowStyle, theme: theme, cache: &elementStyles)
                return TableLine(LineKey(cells: data.cells, styles: styles, mark: mark, base: rowStyle,
                                         highlight: Highlight(style: selectedStyle, columns: selectionSpan), layout: layout))
            }
            let base = isSelected ? selectedStyle : rowStyle
            let styles = isSelected ? data.cells.map { _ in base } : cellStyles(data.cells, base: base, theme: theme, cache: &elementStyles)
            return TableLine(LineKey(cells: data.cells, styles: styles, mark: mark, base: base, highlight: nil, layout: layout))
        }
        func heldLines() -> [Bool] {
            keys.enumerated().map { index, key in canvas.holds(key, row: dataTop + index, column: rect.column, width: rect.width) }
        }
        var held = heldLines()
        if count > 1, held.filter({ $0 }).count * 2 < count, moveLinesIfScrolled(keys, top: dataTop, rect: rect, canvas: canvas) {
            // Asked again whether or not the move succeeded: one that failed partway moved some
            // rows (over lines held before) and the canvas forgot them.
            held = heldLines()
        }
        for (index, key) in keys.enumerated() {
            if !held[index] {
                drawLine(key.key, row: row, rect: rect, canvas: canvas)
                canvas.remember(key, row: row, column: rect.column, width: rect.width)
            }
            row += 1
        }
        if row < rect.bottom {
            canvas.fill(Rect(row: row, column: rect.column, height: rect.bottom - row, width: rect.width), style: listStyle)
            if rows.isEmpty, let emptyText {
                canvas.put(emptyText, at: Position(row: row, column: rect.column + 2), style: theme.style("dim"), maxColumns: rect.width - 2)
            }
        }
    }

    /// How the cells of a line are placed (part of its key: the same cells placed otherwise differ).
    private struct LineLayout: Equatable {
        var widths: [Int]
        var column: Int
        var width: Int
        var spacing: Int
        var alignRight: [Bool]
    }

    /// The gutter and first `columns` columns of the selected line, in `style`.
    private struct Highlight: Equatable {
        var style: Style
        var columns: Int
    }

    /// A table line as the canvas remembers it.
    private typealias TableLine = ValueLine<LineKey>

    /// Everything a table line's cells are drawn from.
    private struct LineKey: Equatable {
        var cells: [TableCell]
        /// The style of each cell outside the highlight.
        var styles: [Style]
        var mark: String
        var base: Style
        var highlight: Highlight?
        var layout: LineLayout
    }

    /// Each cell's style: its theme element over `base` (the row's background wins when it has one).
    /// `cache` holds the frame's few elements (a row has three or four): compared, not hashed.
    private func cellStyles(_ cells: [TableCell], base: Style, theme: Theme, cache: inout [(element: String, style: Style)]) -> [Style] {
        cells.map { cell in
            guard let element = cell.element else { return base }
            let own: Style
            if let known = cache.first(where: { $0.element == element }) { own = known.style } else {
                own = theme.style(element)
                cache.append((element, own))
            }
            return Style(foreground: own.foreground, background: base.background == .default ? own.background : base.background,
                         attributes: own.attributes.union(base.attributes))
        }
    }

    /// When most of the lines about to be drawn are held one row below (or above) where they go,
    /// moves the held lines there (the list scrolled by a line), so only the rest are drawn.
    /// Whether it tried: a move that failed partway may still have moved some rows.
    private func moveLinesIfScrolled(_ keys: [TableLine], top: Int, rect: Rect, canvas: Canvas) -> Bool {
        let half = (keys.count + 1) / 2
        func matchesHalf(offset: Int) -> Bool {  // at least half the lines are held `offset` rows away
            var found = 0, missed = 0
            for (index, key) in keys.enumerated() {
                if keys.indices.contains(index + offset),
                   canvas.holds(key, row: top + index + offset, column: rect.column, width: rect.width) { found += 1 } else { missed += 1 }
                if found >= half { return true }
                if missed > keys.count - half { return false }
            }
            return false
        }
        for offset in [1, -1] where matchesHalf(offset: offset) {
            _ = canvas.moveLines(Rect(row: top, column: rect.column, height: keys.count, width: rect.width), by: offset)
            return true
        }
        return false
    }

    /// One line. With a highlight, the gutter and the first `highlight.columns` columns (the text
    /// of the last of them, not its padding) are drawn in the highlight's style.
    private func drawLine(_ line: LineKey, row: Int, rect: Rect, canvas: Canvas) {
        let widths = line.layout.widths, cells = line.cells, base = line.base, highlight = line.highlight
        var blanks = BlankRun(row: row, canvas: canvas)
        let gutter = min(2, rect.width)
        let markUsed = canvas.put(line.mark, at: Position(row: row, column: rect.column), style: highlight?.style ?? base, maxColumns: gutter)
        blanks.add(from: rect.column + markUsed, width: gutter - markUsed, style: highlight?.style ?? base)
        var column = rect.column + 2
        var first = true
        for (index, width) in widths.enumerated() where width > 0 {
            let highlighted = highlight.map { index < $0.columns } ?? false
            if !first && spacing > 0 {
                blanks.add(from: column, width: min(spacing, rect.right - column), style: highlighted ? highlight!.style : base)
                column += spacing
            }
            first = false
            guard column < rect.right else { break }
            let cell = index < cells.count ? cells[index] : TableCell("")
            let cellWidth = min(width, rect.right - column)
            // The canvas removes controls itself (the printable-ASCII and Latin runs most cells are
            // need no check), so the text goes to it as it is.
            let text = cell.text
            if let highlight, highlighted {
                let isLast = !widths.indices.contains { $0 > index && $0 < highlight.columns && widths[$0] > 0 }
                let used = canvas.put(text, at: Position(row: row, column: column), style: highlight.style, maxColumns: cellWidth)
                blanks.add(from: column + used, width: cellWidth - used, style: isLast ? base : highlight.style)
                column += width
                continue
            }
            let style = index < line.styles.count ? line.styles[index] : base
            if columns[index].alignRight {
                let gap = max(0, cellWidth - DisplayWidth.of(CanvasText.safe(text)))
                blanks.add(from: column, width: gap, style: style)
                if gap < cellWidth {
                    let used = canvas.put(text, at: Position(row: row, column: column + gap), style: style, maxColumns: cellWidth - gap)
                    blanks.add(from: column + gap + used, width: cellWidth - gap - used, style: style)
                }
            } else {
                let used = canvas.put(text, at: Position(row: row, column: column), style: style, maxColumns: cellWidth)
                blanks.add(from: column + used, width: cellWidth - used, style: style)
            }
            column += width
        }
        if column < rect.right { blanks.add(from: column, width: rect.right - column, style: base) }
        blanks.flush()
    }
}

/// Blank cells of one table row, joined into one `fill` per run of one style (a cell's padding and
/// the spacing after it are usually one run): the same cells as filling each piece.
private struct BlankRun {
    let row: Int
    let canvas: Canvas
    private var start = 0
    private var width = 0
    private var style = Style.plain

    init(row: Int, canvas: Canvas) {
        self.row = row
        self.canvas = canvas
    }

    /// Adds `width` blanks from `column` in `style`, filling the run so far if it cannot continue it.
    mutating func add(from column: Int, width count: Int, style blankStyle: Style) {
        guard count > 0 else { return }
        if width > 0, start + width == column, style == blankStyle {
            width += count
            return
        }
        flush()
        start = column
        width = count
        style = blankStyle
    }

    /// Fills the pending run.
    mutating func flush() {
        guard width > 0 else { return }
        canvas.fill(Rect(row: row, column: start, height: 1, width: width), style: style)
        width = 0
    }
}
