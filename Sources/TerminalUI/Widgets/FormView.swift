/// A form of single-line fields (edit lead, new lead): labels, inputs, an error under each field
/// that has one, Tab/Shift-Tab focus, and vertical scrolling to keep the focused field visible.
public struct FormView: Sendable {
    /// One field of the form.
    public struct Field: Sendable, Hashable {
        /// Stable identifier (e.g. the lead field's wire name).
        public var id: String
        /// Label shown left of the input.
        public var label: String
        /// The text being edited.
        public var state: TextFieldState
        /// Validation or server message shown under the field.
        public var error: String?

        /// A field with initial `text`.
        public init(id: String, label: String, text: String = "", maxLength: Int? = nil, error: String? = nil) {
            self.id = id
            self.label = label
            self.state = TextFieldState(text: text, maxLength: maxLength)
            self.error = error
        }
    }

    /// Title shown in the frame.
    public var title: String
    /// The fields in order.
    public var fields: [Field]
    /// Index of the field with the keyboard.
    public private(set) var focus: Int = 0
    /// First form row shown.
    public private(set) var scroll: Int = 0

    /// A form.
    public init(title: String, fields: [Field]) {
        self.title = title
        self.fields = fields
    }

    /// The fields' current texts by id.
    public var values: [String: String] {
        Dictionary(fields.map { ($0.id, $0.state.text) }, uniquingKeysWith: { first, _ in first })
    }

    /// Moves focus to the next (`+1`) or previous (`-1`) field, wrapping around.
    public mutating func moveFocus(_ delta: Int) {
        guard !fields.isEmpty else { return }
        focus = ((focus + delta) % fields.count + fields.count) % fields.count
    }

    /// Focuses the field `id` (e.g. the first one with an error).
    public mutating func focus(id: String) {
        if let index = fields.firstIndex(where: { $0.id == id }) { focus = index }
    }

    /// Sets (or clears, with an empty dictionary entry missing) every field's error.
    public mutating func setErrors(_ errors: [String: String]) {
        for index in fields.indices { fields[index].error = errors[fields[index].id] }
        if let first = fields.firstIndex(where: { $0.error != nil }) { focus = first }
    }

    /// Gives an editing key to the focused field; returns whether it was used.
    public mutating func handle(_ key: Key) -> Bool {
        guard fields.indices.contains(focus) else { return false }
        let used = fields[focus].state.handle(key)
        if used { fields[focus].error = nil }
        return used
    }

    /// Inserts pasted text into the focused field.
    public mutating func paste(_ text: String) {
        guard fields.indices.contains(focus) else { return }
        fields[focus].state.insert(text)
    }

    /// Draws the framed form in `rect`; returns the cursor position in the focused field.
    @discardableResult
    public mutating func draw(in rect: Rect, canvas: Canvas, theme: Theme) -> Position? {
        guard !rect.isEmpty else { return nil }
        canvas.fill(rect, style: theme.style("form"))
        let inside = rect.width >= 10 && rect.height >= 3
            ? Box.draw(rect, title: title, canvas: canvas, style: theme.style("border"), titleStyle: theme.style("dialog.title"))
            : rect
        let labelWidth = min(max(8, (fields.map { $0.label.count }.max() ?? 0) + 2), inside.width / 3)
        var starts: [Int] = []
        var total = 0
        for field in fields {
            starts.append(total)
            total += FormFieldView.height(error: field.error, width: inside.width)
        }
        if fields.indices.contains(focus) {
            let top = starts[focus], bottom = top + FormFieldView.height(error: fields[focus].error, width: inside.width)
            if top < scroll { scroll = top }
            if bottom > scroll + inside.height { scroll = bottom - inside.height }
        }
        scroll = max(0, min(scroll, max(0, total - inside.height)))
        var cursor: Position? = nil
        for index in fields.indices {
            let height = FormFieldView.height(error: fields[index].error, width: inside.width)
            let row = inside.row + starts[index] - scroll
            guard row >= inside.row, row + height <= inside.bottom else { continue }
            let found = FormFieldView.draw(label: fields[index].label, labelWidth: labelWidth, state: &fields[index].state,
                                           error: fields[index].error, focused: index == focus,
                                           in: Rect(row: row, column: inside.column, height: height, width: inside.width),
                                           canvas: canvas, theme: theme)
            if index == focus { cursor = found }
        }
        return cursor
    }
}
