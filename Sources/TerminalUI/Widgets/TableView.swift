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
    public func draw(rows: [TableRow], selected: Int?, in rect: Rect, canvas: Canvas, theme: Theme, focused: Bool = true,
                     emptyText: String? = nil) {
        guard !rect.isEmpty else { return }
        let widths = columnWidths(total: rect.width)
        var row = rect.row
        if showsHeader {
            let header = theme.style("list.header")
            drawLine(cells: columns.map { TableCell($0.title) }, mark: " ", widths: widths, row: row, rect: rect,
                     canvas: canvas, base: header, theme: theme, cellStyles: false)
            row += 1
        }
        let listStyle = theme.style("list")
        let selectedStyle = focused ? theme.style("list.selected") : theme.style("list.selected").adding(.dim)
        let markedStyle = theme.style("list.marked")
        for (index, data) in rows.enumerated() where row < rect.bottom {
            let isSelected = index == selected
            let rowStyle = data.isMarked ? markedStyle : listStyle
            let mark = data.isMarked ? "*" : (isSelected ? ">" : " ")
            if isSelected, let selectionSpan {
                drawLine(cells: data.cells, mark: mark, widths: widths, row: row, rect: rect, canvas: canvas, base: rowStyle,
                         theme: theme, cellStyles: true, highlight: (selectedStyle, selectionSpan))
            } else {
                drawLine(cells: data.cells, mark: mark, widths: widths, row: row, rect: rect,
                         canvas: canvas, base: isSelected ? selectedStyle : rowStyle, theme: theme, cellStyles: !isSelected)
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

    /// One row. With `highlight`, the gutter and the first `highlight.columns` columns (the text
    /// of the last of them, not its padding) are drawn in `highlight.style`.
    private func drawLine(cells: [TableCell], mark: String, widths: [Int], row: Int, rect: Rect,
                          canvas: Canvas, base: Style, theme: Theme, cellStyles: Bool,
                          highlight: (style: Style, columns: Int)? = nil) {
        var blanks = BlankRun(row: row, canvas: canvas)
        let gutter = min(2, rect.width)
        let markUsed = canvas.put(mark, at: Position(row: row, column: rect.column), style: highlight?.style ?? base, maxColumns: gutter)
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
            var style = base
            if cellStyles, let element = cell.element {
                let own = theme.style(element)
                style = Style(foreground: own.foreground, background: base.background == .default ? own.background : base.background,
                              attributes: own.attributes.union(base.attributes))
            }
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
