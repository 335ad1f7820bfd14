import Core

/// A line of the help screen: a context heading or an action with its keys.
public struct HelpLine: Sendable, Hashable {
    /// A heading (`context` set, `action` nil) or an entry.
    public var context: KeyContext
    /// The action, `nil` for a heading.
    public var action: Action?
    /// Keys that trigger it with this context focused (its own, then unshadowed global ones).
    public var keys: String
    /// The action's one-line description.
    public var summary: String

    /// Whether this is a context heading.
    public var isHeading: Bool { action == nil }
}

/// The `?` overlay: every action of the table with the keys the active keymap binds to it,
/// grouped by context, searchable, scrollable.
public struct HelpOverlay: Sendable {
    /// All lines before filtering.
    public let allLines: [HelpLine]
    /// The search text; lines whose keys, name or description contain it are kept.
    public var query: String = "" { didSet { scroll = 0 } }
    /// First line shown.
    public var scroll: Int = 0

    /// Help generated from `keymap` and `actions`; the `leading` contexts (the visible pane's)
    /// come first, then the others in declaration order (global first), without `omitting`
    /// (contexts of panes that are not registered).
    public init(keymap: Keymap, actions: ActionTable = .standard, leading: [KeyContext] = [], omitting: Set<KeyContext> = []) {
        var lines: [HelpLine] = []
        for context in leading + KeyContext.allCases.filter({ !leading.contains($0) }) where !omitting.contains(context) {
            let entries = actions.entries.filter { $0.contexts.contains(context) }
            guard !entries.isEmpty else { continue }
            lines.append(HelpLine(context: context, action: nil, keys: "", summary: HelpOverlay.title(of: context)))
            for entry in entries {
                let bound = keymap.keys(for: entry.action, in: context).map { KeyNotation.format($0) }
                lines.append(HelpLine(context: context, action: entry.action, keys: bound.joined(separator: ", "), summary: entry.summary))
            }
        }
        allLines = lines
    }

    /// Section titles.
    public static func title(of context: KeyContext) -> String {
        switch context {
        case .global: return "Everywhere"
        case .leads: return "Lead list"
        case .detail: return "Lead detail"
        case .form: return "Forms"
        case .help: return "Help screen"
        case .prompt: return "Prompts and the : command line"
        case .calendar: return "Calendar"
        case .conversation: return "Conversation"
        case .dashboard: return "Dashboard"
        }
    }

    /// Lines matching `query` (headings kept above their matching entries).
    public var lines: [HelpLine] {
        let needle = query.lowercased()
        guard !needle.isEmpty else { return allLines }
        var result: [HelpLine] = []
        var heading: HelpLine? = nil
        for line in allLines {
            if line.isHeading { heading = line; continue }
            let haystack = (line.keys + " " + (line.action?.rawValue ?? "") + " " + line.summary).lowercased()
            guard haystack.contains(needle) else { continue }
            if let pending = heading { result.append(pending); heading = nil }
            result.append(line)
        }
        return result
    }

    /// Scrolls by `delta` lines for a view `height` rows tall.
    public mutating func scroll(by delta: Int, height: Int) {
        scroll = min(max(0, scroll + delta), max(0, lines.count - height))
    }

    /// Draws the overlay in a frame filling `rect`.
    public func draw(in rect: Rect, canvas: Canvas, theme: Theme) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, style: theme.style("help"))
        let title = query.isEmpty ? "Help (/ search, Esc close)" : "Help: /\(query)"
        let inside = rect.width >= 10 && rect.height >= 4
            ? Box.draw(rect, title: title, canvas: canvas, style: theme.style("border"), titleStyle: theme.style("help.heading"))
            : rect
        let shown = lines
        if shown.isEmpty {
            canvas.put("No action matches '\(query)'", at: Position(row: inside.row, column: inside.column + 1), style: theme.style("dim"),
                       maxColumns: inside.width - 1)
            return
        }
        let keyWidth = min(18, inside.width / 4), nameWidth = min(20, inside.width / 4)
        let summaryWidth = max(1, inside.width - keyWidth - nameWidth - 1)
        var row = 0
        var index = scroll
        while row < inside.height, index < shown.count {
            let line = shown[index]
            index += 1
            let at = Position(row: inside.row + row, column: inside.column)
            if line.isHeading {
                canvas.putPadded(" " + line.summary, at: at, width: inside.width, style: theme.style("help.heading"))
                row += 1
                continue
            }
            // Keys and description wrap onto more rows rather than being cut.
            let keys = HelpOverlay.wrapKeys(line.keys, width: max(1, keyWidth - 3))
            let summary = TextWrapper.wrap(line.summary, width: summaryWidth)
            for part in 0..<max(1, keys.count, summary.count) where row < inside.height {
                let rowAt = Position(row: inside.row + row, column: inside.column)
                canvas.putPadded("  " + (part < keys.count ? keys[part] : ""), at: rowAt, width: keyWidth, style: theme.style("help.key"))
                canvas.putPadded(part == 0 ? " " + (line.action?.rawValue ?? "") : "", at: Position(row: rowAt.row, column: rowAt.column + keyWidth),
                                 width: nameWidth, style: theme.style("help"))
                canvas.putPadded(" " + (part < summary.count ? summary[part] : ""), at: Position(row: rowAt.row, column: rowAt.column + keyWidth + nameWidth),
                                 width: max(0, inside.width - keyWidth - nameWidth), style: theme.style("help"))
                row += 1
            }
        }
    }

    /// "<Down>, j" split into rows of at most `width` columns at the commas.
    static func wrapKeys(_ keys: String, width: Int) -> [String] {
        guard !keys.isEmpty else { return [] }
        var rows: [String] = []
        var current = ""
        for key in keys.components(separatedBy: ", ") {
            let candidate = current.isEmpty ? key : current + ", " + key
            if DisplayWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                rows.append(current + ",")
                current = key
            }
        }
        rows.append(current)
        return rows
    }
}
