import Core

/// A modal question: either a line of input or a choice from a list.
public struct PromptDialog: Sendable {
    /// What the prompt asks for.
    public enum Mode: Sendable, Hashable {
        /// Free text.
        case input(TextFieldState)
        /// One of `options`, `selected` highlighted.
        case choice(options: [String], selected: Int)
    }

    /// The question, e.g. "Set status of 3 leads".
    public var title: String
    /// Input or choice.
    public var mode: Mode
    /// A problem with the last answer, shown under the input.
    public var error: String?

    /// A prompt.
    public init(title: String, mode: Mode, error: String? = nil) {
        self.title = title
        self.mode = mode
        self.error = error
    }

    /// The typed text or the chosen option.
    public var answer: String {
        switch mode {
        case .input(let field): return field.text
        case .choice(let options, let selected): return options.indices.contains(selected) ? options[selected] : ""
        }
    }

    /// Applies a key: editing keys for input; for choices Up/Down/Home, or a letter to jump to
    /// the next option starting with it.
    public mutating func handle(_ key: Key) -> Bool {
        switch mode {
        case .input(var field):
            let used = field.handle(key)
            mode = .input(field)
            return used
        case .choice:
            switch key.code {
            case .up: move(by: -1)
            case .down: move(by: 1)
            case .home: select(where: { _ in true })
            case .character(let c) where key.printable != nil:
                return selectNext(startingWith: String(c))
            default: return false
            }
            return true
        }
    }

    /// Inserts pasted text into an input prompt (sanitised to one line); ignored for choices.
    public mutating func paste(_ text: String) {
        guard case .input(var field) = mode else { return }
        field.insert(text)
        mode = .input(field)
    }

    /// Highlights the next option (after the current one) starting with `prefix`, ignoring case.
    public mutating func selectNext(startingWith prefix: String) -> Bool {
        guard case .choice(let options, let selected) = mode, !options.isEmpty else { return false }
        let needle = prefix.lowercased()
        for step in 1...options.count {
            let index = (selected + step) % options.count
            if options[index].lowercased().hasPrefix(needle) {
                mode = .choice(options: options, selected: index)
                return true
            }
        }
        return false
    }

    private mutating func select(where predicate: (String) -> Bool) {
        guard case .choice(let options, _) = mode, let index = options.firstIndex(where: predicate) else { return }
        mode = .choice(options: options, selected: index)
    }

    /// Moves the choice highlight by `delta`, wrapping around.
    public mutating func move(by delta: Int) {
        guard case .choice(let options, let selected) = mode, !options.isEmpty else { return }
        mode = .choice(options: options, selected: ((selected + delta) % options.count + options.count) % options.count)
    }

    /// Draws the prompt centred in `screen`; returns the cursor for input prompts.
    @discardableResult
    public mutating func draw(in screen: Rect, canvas: Canvas, theme: Theme) -> Position? {
        let width = min(screen.width, max(30, min(60, DisplayWidth.of(title) + 4)))
        let body: Int
        switch mode {
        case .input: body = FormFieldView.height(error: error, width: width - 2)
        case .choice(let options, _): body = options.count
        }
        let box = screen.centered(height: body + 2, width: width)
        guard box.height >= 3, box.width >= 4 else { return nil }
        let style = theme.style("dialog")
        canvas.fill(box, style: style)
        let inside = Box.draw(box, title: title, canvas: canvas, style: theme.style("border"), titleStyle: theme.style("dialog.title"))
        switch mode {
        case .input(var field):
            let cursor = FormFieldView.draw(label: "", labelWidth: 0, state: &field, error: error, focused: true,
                                            in: inside, canvas: canvas, theme: theme)
            mode = .input(field)
            return cursor
        case .choice(let options, let selected):
            let first = max(0, min(selected - inside.height + 1, options.count - inside.height))
            for row in 0..<inside.height where first + row < options.count {
                let index = first + row
                let itemStyle = index == selected ? theme.style("prompt.selected") : theme.style("prompt")
                canvas.putPadded(" " + options[index], at: Position(row: inside.row + row, column: inside.column), width: inside.width, style: itemStyle)
            }
            return nil
        }
    }
}
