import Core

/// One entry of the detail pane: a heading, or a labelled value with optional sync state.
public struct FieldRow: Sendable, Hashable {
    /// The label ("E-mail"), or the heading text.
    public var label: String
    /// The value (untrusted: sanitised and wrapped when drawn).
    public var value: String
    /// Theme element for the value (e.g. `status.contact`); `detail.value` when nil.
    public var valueElement: String?
    /// A short marker after the label (e.g. "⏳" for a pending change).
    public var marker: String?
    /// The server's message for a rejected change, shown under the value.
    public var error: String?
    /// The other side of a conflict, shown under the value ("server: …").
    public var conflict: String?
    /// Whether this row is a section heading ("Notes", "Activities").
    public var isHeading: Bool

    /// A labelled value.
    public init(_ label: String, _ value: String, valueElement: String? = nil, marker: String? = nil,
                error: String? = nil, conflict: String? = nil) {
        self.label = label
        self.value = value
        self.valueElement = valueElement
        self.marker = marker
        self.error = error
        self.conflict = conflict
        self.isHeading = false
    }

    /// A section heading.
    public static func heading(_ title: String) -> FieldRow {
        var row = FieldRow(title, "")
        row.isHeading = true
        return row
    }
}

/// The detail pane's field list: labels in a column, values wrapped beside them, rejected-change
/// messages and conflicts under their field, one field selectable, scrolled by lines.
public struct FieldListView: Sendable {
    /// One screen line of the laid-out list.
    public struct Line: Sendable, Hashable {
        /// Which kind of text the line holds.
        public enum Kind: Sendable, Hashable { case heading, first, continuation, error, conflict }
        /// Index of the field it belongs to.
        public var field: Int
        /// Kind of line.
        public var kind: Kind
        /// The text right of the label column (or the heading).
        public var text: String
    }

    /// Columns given to labels.
    public var labelWidth: Int

    /// A list with labels `labelWidth` columns wide.
    public init(labelWidth: Int = 14) {
        self.labelWidth = labelWidth
    }

    /// Lays `rows` out for a pane `width` columns wide (wrap once, draw many times).
    public func layout(_ rows: [FieldRow], width: Int) -> [Line] {
        let valueWidth = max(1, width - labelWidth)
        var lines: [Line] = []
        for (index, row) in rows.enumerated() {
            if row.isHeading {
                lines.append(Line(field: index, kind: .heading, text: row.label))
                continue
            }
            let wrapped = TextWrapper.wrap(row.value, width: valueWidth)
            for (n, text) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                lines.append(Line(field: index, kind: n == 0 ? .first : .continuation, text: text))
            }
            if let error = row.error {
                for text in TextWrapper.wrap("✗ " + error, width: valueWidth) { lines.append(Line(field: index, kind: .error, text: text)) }
            }
            if let conflict = row.conflict {
                for text in TextWrapper.wrap("≠ " + conflict, width: valueWidth) { lines.append(Line(field: index, kind: .conflict, text: text)) }
            }
        }
        return lines
    }

    /// The scroll offset that keeps field `field` fully visible in `height` rows, moving as little as possible.
    public func scroll(toShow field: Int, in lines: [Line], height: Int, current: Int) -> Int {
        guard let first = lines.firstIndex(where: { $0.field == field }),
              let last = lines.lastIndex(where: { $0.field == field }) else { return current }
        var offset = current
        if last >= offset + height { offset = last - height + 1 }
        if first < offset { offset = first }
        return max(0, min(offset, max(0, lines.count - height)))
    }

    /// Draws `lines` from `scroll` into `rect`; the selected field's first line is highlighted.
    /// A line the canvas still holds from an earlier frame (`Canvas.holds`) is not drawn again.
    public func draw(_ rows: [FieldRow], lines: [Line], selected: Int?, scroll: Int, in rect: Rect, canvas: Canvas,
                     theme: Theme, focused: Bool = true) {
        guard !rect.isEmpty else { return }
        let base = theme.style("detail")
        let selectedStyle = focused ? theme.style("list.selected") : theme.style("list.selected").adding(.dim)
        for screenRow in 0..<rect.height {
            let at = Position(row: rect.row + screenRow, column: rect.column)
            let index = scroll + screenRow
            let drawn: DrawnLine
            if index >= 0, index < lines.count {
                let line = lines[index]
                let row = rows[line.field]
                let isSelected = line.field == selected && line.kind == .first
                switch line.kind {
                case .heading:
                    drawn = DrawnLine(label: nil, labelStyle: base, text: line.text, style: theme.style("detail.heading"), isHeading: true)
                default:
                    let element: String
                    switch line.kind {
                    case .error: element = "detail.error"
                    case .conflict: element = "detail.conflict"
                    default: element = row.valueElement ?? "detail.value"
                    }
                    let label = line.kind == .first ? row.label + (row.marker.map { " " + $0 } ?? "") : nil
                    let labelStyle = label == nil ? base : (isSelected ? selectedStyle : theme.style("detail.label"))
                    drawn = DrawnLine(label: label, labelStyle: labelStyle, text: line.text,
                                      style: isSelected ? selectedStyle : theme.style(element), isHeading: false)
                }
            } else {
                drawn = DrawnLine(label: nil, labelStyle: base, text: nil, style: base, isHeading: false)
            }
            let key = RetainedLine(Retained(line: drawn, labelWidth: labelWidth, column: rect.column, width: rect.width))
            canvas.drawUnlessHeld(key, in: Rect(row: at.row, column: rect.column, height: 1, width: rect.width)) {
                draw(drawn, at: at, width: rect.width, canvas: canvas)
            }
        }
    }

    /// What one screen line shows: a heading, a blank line, or a label column (text or blank) and a value.
    private struct DrawnLine: Equatable {
        var label: String?
        var labelStyle: Style
        /// The heading or value text; nil for a blank line.
        var text: String?
        var style: Style
        var isHeading: Bool
    }

    /// A detail line as the canvas remembers it.
    private typealias RetainedLine = ValueLine<Retained>

    /// A drawn line and where it went: the key the canvas remembers it by.
    private struct Retained: Equatable {
        var line: DrawnLine
        var labelWidth: Int
        var column: Int
        var width: Int
    }

    /// Draws every cell of one line `width` columns wide at `at`.
    private func draw(_ line: DrawnLine, at: Position, width: Int, canvas: Canvas) {
        guard let text = line.text else {
            canvas.fill(Rect(row: at.row, column: at.column, height: 1, width: width), style: line.style)
            return
        }
        if line.isHeading {
            canvas.putPadded(text, at: at, width: width, style: line.style)
            return
        }
        if let label = line.label {
            canvas.putPadded(label, at: at, width: min(labelWidth, width), style: line.labelStyle)
        } else {
            canvas.fill(Rect(row: at.row, column: at.column, height: 1, width: min(labelWidth, width)), style: line.labelStyle)
        }
        guard width > labelWidth else { return }
        canvas.putPadded(text, at: Position(row: at.row, column: at.column + labelWidth), width: width - labelWidth, style: line.style)
    }
}
