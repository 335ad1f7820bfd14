import Core

import ViewModels

/// Draws a `ConversationViewModel` into a rect: a title with the lead and the messaging window,
/// the timeline like a chat (newest at the bottom; each entry a header — time, direction, channel,
/// who, status — and its text wrapped by display width, long ones folded), and a key hint.
/// Keeps which entry sits at the bottom so scrolling is stable while pages load.
public struct ConversationScreen: Sendable {
    /// Channel and direction marks (ASCII under vt100/linux).
    public var glyphs: ChannelGlyphs
    /// The entry drawn at the bottom of the timeline area.
    public private(set) var bottom: ConversationPosition?
    /// Whether the screen draws its own title row (the app's title bar shows the pane's title instead).
    public var showsTitle = true
    /// Whether the screen draws its key hint row (the app's status bar has hints of its own).
    public var showsHints = true
    /// Wrapped entries by (cursor, width, unfolded); checked against the item so changes show.
    private var cache: [CacheKey: (item: ConversationItem, lines: [Line])] = [:]

    /// Body lines a folded entry shows before "… N more lines".
    public static let foldedLines = 4
    /// Columns the body is indented by.
    static let indent = 4

    /// A screen; `asciiOnly` for terminals without the symbols.
    public init(asciiOnly: Bool = false) { glyphs = ChannelGlyphs(asciiOnly: asciiOnly) }

    struct CacheKey: Hashable, Sendable {
        let cursor: ConversationPosition
        let width: Int
        let unfolded: Bool
    }

    /// One laid-out line of an entry.
    struct Line: Sendable {
        enum Kind: Sendable { case header, body, fold }
        let kind: Kind
        let text: String
        /// Right-aligned status on the header.
        let status: String
    }

    /// Draws `model` into `rect`.
    public mutating func draw(_ model: ConversationViewModel, in rect: Rect, canvas: Canvas, theme: Theme, focused: Bool) {
        guard !rect.isEmpty else { return }
        // No fill of the whole rect first: every row is written once (padded lines, blank rows filled).
        if showsTitle { drawTitle(model, row: rect.row, rect: rect, canvas: canvas, theme: theme) }
        let hint = showsHints && rect.height >= 8
        let top = showsTitle ? 1 : 0
        let area = Rect(row: rect.row + top, column: rect.column, height: max(0, rect.height - top - (hint ? 1 : 0)), width: rect.width)
        if hint {
            canvas.putPadded(hintText(model), at: Position(row: rect.bottom - 1, column: rect.column), width: rect.width,
                             style: theme.style("dim"))
        }
        guard area.height > 0 else { return }
        if model.items.isEmpty {
            canvas.fill(area, style: theme.style("normal"))
            canvas.put("No conversation yet · r replies in the window · T sends a template · E e-mails",
                       at: Position(row: area.row, column: area.column + 1), style: theme.style("dim"), maxColumns: area.width - 1)
            return
        }
        drawTimeline(model, in: area, canvas: canvas, theme: theme, focused: focused)
    }

    // MARK: - Parts

    func drawTitle(_ model: ConversationViewModel, row: Int, rect: Rect, canvas: Canvas, theme: Theme) {
        let window = model.window
        let channel = ConversationChannel.of(via: model.replyChannel, kind: .message)
        var title = " Conversation · \(model.title) · \(glyphs.label(channel)) · \(window.text)"
        if model.hasOlder { title += " · more above" }
        canvas.putPadded(title, at: Position(row: row, column: rect.column), width: rect.width, style: theme.style("title"))
    }

    func hintText(_ model: ConversationViewModel) -> String {
        if let resend = model.pendingResend { return " " + resend.prompt }
        return " r reply · T template · F file · E e-mail · / search · R retry · X discard"
    }

    mutating func drawTimeline(_ model: ConversationViewModel, in area: Rect, canvas: Canvas, theme: Theme, focused: Bool) {
        let items = model.items
        let selected = min(max(0, model.selected), items.count - 1)
        if cache.count > 2 * ConversationViewModel.windowLimit { cache.removeAll(keepingCapacity: true) }
        var bottomIndex = bottom.flatMap { cursor in items.firstIndex { $0.cursor == cursor } } ?? items.count - 1
        if model.isAtEnd { bottomIndex = items.count - 1 }
        if selected > bottomIndex { bottomIndex = selected }
        // Is the selected entry's header on screen with this bottom? If not, put the selection at the top.
        var used = 0
        var index = bottomIndex
        var selectionVisible = false
        while index >= 0 {
            let height = lines(items[index], model: model, width: area.width).count
            if used + height > area.height { break }
            used += height
            if index == selected { selectionVisible = true }
            index -= 1
        }
        if !selectionVisible {
            used = 0
            bottomIndex = selected
            var next = selected
            while next < items.count {
                let height = lines(items[next], model: model, width: area.width).count
                if used + height > area.height && next > selected { break }
                used += height
                bottomIndex = next
                next += 1
            }
        }
        bottom = items[bottomIndex].cursor
        // Collect lines from the bottom entry upward, then draw the last `height` of them.
        var collected: [(line: Line, item: Int)] = []
        index = bottomIndex
        while index >= 0 && collected.count < area.height {
            let entry = lines(items[index], model: model, width: area.width)
            collected.insert(contentsOf: entry.map { ($0, index) }, at: 0)
            index -= 1
        }
        if bottomIndex == selected, let first = collected.firstIndex(where: { $0.item == selected }),
           collected.count - first > area.height {
            collected = Array(collected[first..<(first + area.height)])  // a tall selected entry shows its top
        } else if collected.count > area.height {
            collected.removeFirst(collected.count - area.height)
        }
        let top = area.row + area.height - collected.count
        if top > area.row { canvas.fill(Rect(row: area.row, column: area.column, height: top - area.row, width: area.width), style: theme.style("normal")) }
        for (offset, entry) in collected.enumerated() {
            draw(entry.line, item: items[entry.item], row: top + offset, area: area, canvas: canvas, theme: theme,
                 isSelected: entry.item == selected, focused: focused)
        }
    }

    func draw(_ line: Line, item: ConversationItem, row: Int, area: Rect, canvas: Canvas, theme: Theme,
              isSelected: Bool, focused: Bool) {
        let position = Position(row: row, column: area.column)
        switch line.kind {
        case .header:
            let base = isSelected && focused ? theme.style("list.selected")
                : theme.style(item.isInbound ? "detail.heading" : "detail.label")
            canvas.putPadded(line.text, at: position, width: area.width, style: base)
            guard !line.status.isEmpty else { return }
            let width = min(DisplayWidth.of(line.status) + 1, max(0, area.width - DisplayWidth.of(line.text) - 1))
            guard width > 1 else { return }
            let style = item.isProblem ? theme.style("detail.error") : isSelected && focused ? base : theme.style("dim")
            canvas.putPadded(line.status, at: Position(row: row, column: area.right - width), width: width, style: style,
                             alignRight: true)
        case .body, .fold:
            let indent = min(Self.indent, area.width)
            canvas.fill(Rect(row: row, column: area.column, height: 1, width: indent), style: theme.style("normal"))
            canvas.putPadded(line.text, at: Position(row: row, column: area.column + indent), width: area.width - indent,
                             style: theme.style(line.kind == .body ? "normal" : "dim"))
        }
    }

    /// The lines of one entry at `width` (cached).
    mutating func lines(_ item: ConversationItem, model: ConversationViewModel, width: Int) -> [Line] {
        let key = CacheKey(cursor: item.cursor, width: width, unfolded: model.isUnfolded(item))
        if let hit = cache[key], hit.item == item { return hit.lines }
        let laidOut = Self.layout(item, width: width, unfolded: key.unfolded, glyphs: glyphs)
        cache[key] = (item, laidOut)
        return laidOut
    }

    /// Lays out an entry: its header, then its text wrapped to `width - indent` (folded unless `unfolded`).
    static func layout(_ item: ConversationItem, width: Int, unfolded: Bool, glyphs: ChannelGlyphs) -> [Line] {
        let arrow = item.eventId == nil ? " " : glyphs.direction(inbound: item.isInbound)
        let header = "\(item.timeText) \(arrow) \(glyphs.label(item.channel)) · \(item.who)"
        var result = [Line(kind: .header, text: header, status: item.status)]
        let bodyWidth = max(1, width - indent)
        let body = TextWrapper.wrap(item.text, width: bodyWidth)
        if unfolded || body.count <= foldedLines + 1 {
            result += body.map { Line(kind: .body, text: $0, status: "") }
        } else {
            result += body.prefix(foldedLines).map { Line(kind: .body, text: $0, status: "") }
            result.append(Line(kind: .fold, text: "\(glyphs.more) \(body.count - foldedLines) more lines (Enter unfolds)", status: ""))
        }
        return result
    }
}
