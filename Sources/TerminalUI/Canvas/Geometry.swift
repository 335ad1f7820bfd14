/// A terminal size in character cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    /// Number of rows (lines).
    public var rows: Int
    /// Number of columns (display cells per line).
    public var columns: Int

    /// A size of `rows` × `columns` cells (negative values become 0).
    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
    }

    /// "COLUMNSxROWS", the way terminal sizes are usually written.
    public var description: String { "\(columns)x\(rows)" }
}

/// A cell position: row and column, both 0-based.
public struct Position: Hashable, Sendable {
    /// 0-based row.
    public var row: Int
    /// 0-based column.
    public var column: Int

    /// The cell at `row`, `column`.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// A rectangle of cells on a canvas.
public struct Rect: Hashable, Sendable {
    /// Top row.
    public var row: Int
    /// Left column.
    public var column: Int
    /// Number of rows.
    public var height: Int
    /// Number of columns.
    public var width: Int

    /// A rectangle with its top-left corner at `row`, `column` (negative sizes become 0).
    public init(row: Int, column: Int, height: Int, width: Int) {
        self.row = row
        self.column = column
        self.height = max(0, height)
        self.width = max(0, width)
    }

    /// The rectangle covering a whole canvas of `size`.
    public init(size: Size) {
        self.init(row: 0, column: 0, height: size.rows, width: size.columns)
    }

    /// Whether the rectangle holds no cell.
    public var isEmpty: Bool { height == 0 || width == 0 }
    /// One past the last row.
    public var bottom: Int { row + height }
    /// One past the last column.
    public var right: Int { column + width }

    /// Whether `position` lies inside.
    public func contains(_ position: Position) -> Bool {
        position.row >= row && position.row < bottom && position.column >= column && position.column < right
    }

    /// The rectangle shrunk by `amount` cells on every side.
    public func inset(by amount: Int) -> Rect {
        Rect(row: row + amount, column: column + amount, height: height - 2 * amount, width: width - 2 * amount)
    }

    /// The intersection with `other` (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row), left = max(column, other.column)
        let bottomEdge = min(bottom, other.bottom), rightEdge = min(right, other.right)
        return Rect(row: top, column: left, height: bottomEdge - top, width: rightEdge - left)
    }

    /// Splits off the top `count` rows: (top part, rest).
    public func splitTop(_ count: Int) -> (Rect, Rect) {
        let n = min(max(0, count), height)
        return (Rect(row: row, column: column, height: n, width: width),
                Rect(row: row + n, column: column, height: height - n, width: width))
    }

    /// Splits off the bottom `count` rows: (rest, bottom part).
    public func splitBottom(_ count: Int) -> (Rect, Rect) {
        let n = min(max(0, count), height)
        return (Rect(row: row, column: column, height: height - n, width: width),
                Rect(row: bottom - n, column: column, height: n, width: width))
    }

    /// Splits off the left `count` columns: (left part, rest).
    public func splitLeft(_ count: Int) -> (Rect, Rect) {
        let n = min(max(0, count), width)
        return (Rect(row: row, column: column, height: height, width: n),
                Rect(row: row, column: column + n, height: height, width: width - n))
    }

    /// A rectangle of at most `height` × `width` centred inside this one.
    public func centered(height h: Int, width w: Int) -> Rect {
        let hh = min(h, height), ww = min(w, width)
        return Rect(row: row + (height - hh) / 2, column: column + (width - ww) / 2, height: hh, width: ww)
    }
}
