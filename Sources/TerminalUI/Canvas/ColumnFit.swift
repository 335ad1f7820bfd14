/// How `CanvasText` cuts a text to `maxColumns` in one pass: it counts the columns of each
/// grapheme (or scalar) before it joins the cells, remembers how many cells fitted within
/// `maxColumns - 1` columns, and, when the whole turns out wider than `maxColumns`, keeps only
/// those and ends them with "…" — the same cells as `DisplayWidth.clip` then cutting.
struct ColumnFit {
    let maxColumns: Int
    private var used = 0
    private var cut: Int?  // cells of the prefix within `maxColumns - 1`, once a grapheme went past it

    init(maxColumns: Int) {
        self.maxColumns = maxColumns
    }

    /// Counts `width` more columns, `cellsSoFar` being the cells before them; false once the
    /// text is known not to fit (stop reading it).
    @inline(__always)
    mutating func take(_ width: Int, cellsSoFar: Int) -> Bool {
        if cut == nil, used + width > maxColumns - 1 { cut = cellsSoFar }
        used += width
        return used <= maxColumns
    }

    /// Ends `cells` with "…" after the prefix that fits when the text did not fit.
    func finish(_ cells: inout [(grapheme: String, width: Int)]) {
        guard used > maxColumns, let cut else { return }
        cells.removeSubrange(cut...)
        cells.append(("…", 1))
    }
}
