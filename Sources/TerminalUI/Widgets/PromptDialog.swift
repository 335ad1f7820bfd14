import Core
import ViewModels

/// A modal question: either a line of input or a choice from a list.
public struct PromptDialog: Sendable {
    /// What the prompt asks for.
    public enum Mode: Sendable, Hashable {
        /// Free text.
        case input(TextFieldState)
        /// One of `options`, `selected` highlighted.
        case choice(options: [String], selected: Int)
        /// One of many options, narrowed as the user types (`FilteredChoices`: the `:transfer` picker).
        case filter(FilteredChoices)
    }

    /// The question, e.g. "Set status of 3 leads".
    public var title: String
    /// Input or choice.
    public var mode: Mode
    /// A problem with the last answer, shown under the input.
    public var error: String?
    /// A hint under the input, dimmed (Tab completion's candidates).
    public var hint: String?

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
        case .filter(let list): return list.selected ?? ""
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
        case .filter(var list):
            switch (key.code, key.modifiers) {
            case (.up, _), (.character("p"), .control): list.move(by: -1)
            case (.down, _), (.character("n"), .control): list.move(by: 1)
            case (.backspace, _), (.character("h"), .control): list.deleteBackward()
            case (.character("u"), .control): list.setFilter("")
            default:
                guard let c = key.printable else { return false }
                list.type(c)
            }
            mode = .filter(list)
            return true
        }
    }

    /// Inserts pasted text into an input prompt (sanitised to one line); ignored for choices.
    public mutating func paste(_ text: String) {
        if case .filter(var list) = mode {
            list.setFilter(list.filter + TextSanitizer.line(text))
            mode = .filter(list)
            return
        }
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
        if case .filter(var list) = mode {
            list.move(by: delta)
            mode = .filter(list)
            return
        }
        guard case .choice(let options, let selected) = mode, !options.isEmpty else { return }
        mode = .choice(options: options, selected: ((selected + delta) % options.count + options.count) % options.count)
    }

    /// Draws the prompt centred in `screen`; returns the cursor for input prompts.
    @discardableResult
    public mutating func draw(in screen: Rect, canvas: Canvas, theme: Theme) -> Position? {
        var width = min(screen.width, max(30, min(60, DisplayWidth.of(title) + 4)))
        if case .input = mode, let hint, !hint.isEmpty {  // room for Tab's candidates
            width = min(screen.width, max(width, min(72, DisplayWidth.of(hint) + 6)))
        }
        if case .filter(let list) = mode {  // wide enough for the longest option
            let widest = list.options.lazy.map { DisplayWidth.of($0) }.max() ?? 0
            width = min(screen.width, max(40, min(72, max(DisplayWidth.of(title), widest) + 4)))
        }
        let body: Int
        switch mode {
        case .input: body = FormFieldView.height(error: error, width: width - 2) + hintLines(width: width - 2).count
        case .choice(let options, _): body = options.count
        case .filter(let list): body = 1 + max(1, min(list.options.count, 12))
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
            let under = FormFieldView.height(error: error, width: inside.width)
            for (index, line) in hintLines(width: inside.width).enumerated() where under + index < inside.height {
                canvas.putPadded("  " + line, at: Position(row: inside.row + under + index, column: inside.column), width: inside.width,
                                 style: theme.style("dim"))
            }
            return cursor
        case .filter(let list):
            return drawFilter(list, inside: inside, canvas: canvas, theme: theme)
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

    /// The hint wrapped to `width` (at most 6 lines).
    func hintLines(width: Int) -> [String] {
        guard let hint, !hint.isEmpty else { return [] }
        return Array(TextWrapper.wrap(hint, width: max(1, width - 2)).prefix(6))
    }

    /// The filter line ("filter: ana▏  3 of 12"), then the matching options around the highlight.
    func drawFilter(_ list: FilteredChoices, inside: Rect, canvas: Canvas, theme: Theme) -> Position? {
        let counts = "\(list.matches.count) of \(list.options.count)"
        let prompt = list.filter.isEmpty && !list.typingFilter ? "type to filter · j/k move" : "filter: " + list.filter
        canvas.putPadded(" " + prompt, at: Position(row: inside.row, column: inside.column), width: inside.width,
                         style: theme.style("form.focused"))
        let countWidth = DisplayWidth.of(counts) + 1
        if inside.width > DisplayWidth.of(prompt) + countWidth + 2 {
            canvas.putPadded(counts, at: Position(row: inside.row, column: inside.right - countWidth), width: countWidth,
                             style: theme.style("dim"), alignRight: true)
        }
        let rows = inside.height - 1
        guard rows > 0 else { return nil }
        if list.matches.isEmpty {
            canvas.putPadded("  no match (Backspace edits the filter)", at: Position(row: inside.row + 1, column: inside.column),
                             width: inside.width, style: theme.style("dim"))
        }
        let first = max(0, min(list.highlighted - rows + 1, list.matches.count - rows))
        for row in 0..<rows where first + row < list.matches.count {
            let index = first + row
            let style = index == list.highlighted ? theme.style("prompt.selected") : theme.style("prompt")
            canvas.putPadded(" " + list.options[list.matches[index]], at: Position(row: inside.row + 1 + row, column: inside.column),
                             width: inside.width, style: style)
        }
        let column = inside.column + 1 + min(inside.width - 2, DisplayWidth.of(prompt))
        return list.lettersMove ? nil : Position(row: inside.row, column: column)
    }
}
