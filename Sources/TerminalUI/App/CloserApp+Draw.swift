import Core
import ViewModels

/// Drawing the frame: title row, panes, status bar, then whatever overlay is open.
extension CloserApp {
    func drawFrame(on canvas: Canvas) {
        if canvas.size != size { resize(to: canvas.size) }  // a resize the back end did not report as an event
        canvas.cursor = nil
        let layout = self.layout
        if case .tooSmall = layout.panes {
            ScreenLayout.drawTooSmall(size: canvas.size, canvas: canvas, theme: theme)
            return
        }
        TabBar.draw(tabs, right: "", in: layout.tabBar, canvas: canvas, theme: theme)
        drawTitle(in: layout.title, canvas: canvas)
        activePane.draw(on: canvas, in: layout.body, theme: theme, focused: true)
        drawStatusBar(in: layout.statusBar, canvas: canvas)
        drawOverlay(layout: layout, canvas: canvas)
    }

    /// The registered panes' tabs in number order, the visible one active.
    var tabs: [TabBar.Tab] {
        registry.sorted { $0.number < $1.number }
            .map { TabBar.Tab(number: $0.number, title: $0.tabTitle, isActive: $0.id == activePaneID) }
    }

    /// The registered pane whose tab is drawn at `column` of the tab bar.
    func tabAt(column: Int) -> PaneID? {
        var start = 0
        for tab in tabs {
            let width = DisplayWidth.of(" \(tab.number) \(tab.title) ")
            if column >= start && column < start + width { return registry.first { $0.number == tab.number }?.id }
            start += width + 1
        }
        return nil
    }

    func drawTitle(in rect: Rect, canvas: Canvas) {
        let style = theme.style("title")
        let right = setup.currentUser.isEmpty ? "" : TextSanitizer.line(setup.currentUser) + " "
        let rightWidth = DisplayWidth.of(right)
        let leftWidth = rect.width - (rightWidth + 2 <= rect.width / 3 ? rightWidth + 1 : 0)
        var text = " Closer │ " + activePane.title(fitting: max(1, leftWidth - 11))
        if DisplayWidth.of(text) > leftWidth { text = " " + activePane.title(fitting: max(1, leftWidth - 2)) }  // narrow: the pane's count before the name
        let line = ValueLine(TitleKey(texts: [text, right], styles: [style, theme.style("title.position")], numbers: [leftWidth, rect.height]))
        canvas.drawUnlessHeld(line, in: rect) {
            canvas.fill(rect, style: style)
            // The position ("31 of 1,000,000", the title's last part) changes on every move: drawn in
            // `title.position` (plain in the default theme) it costs no colour switch per keystroke.
            if let dot = text.lastIndex(of: "·"), text[..<dot].hasSuffix(" "), text.index(after: dot) < text.endIndex {
                let split = text.index(after: dot)
                let labelWidth = canvas.put(String(text[..<split]), at: Position(row: rect.row, column: rect.column), style: style,
                                            maxColumns: leftWidth)
                canvas.put(String(text[split...]), at: Position(row: rect.row, column: rect.column + labelWidth),
                           style: theme.style("title.position"), maxColumns: leftWidth - labelWidth)
            } else {
                canvas.put(text, at: Position(row: rect.row, column: rect.column), style: style, maxColumns: leftWidth)
            }
            if leftWidth < rect.width {
                canvas.put(right, at: Position(row: rect.row, column: rect.right - rightWidth), style: style,
                           maxColumns: rightWidth)
            }
        }
    }

    func drawStatusBar(in rect: Rect, canvas: Canvas) {
        if case .search(let request, var field) = overlay {
            canvas.fill(rect, style: theme.style("prompt"))
            canvas.put("/", at: Position(row: rect.row, column: rect.column), style: theme.style("prompt"), maxColumns: 1)
            let hint = "  " + (hintText([FooterHint(.submit, "keep"), FooterHint(.cancel, "cancel")], in: .prompt, typing: true) + " · "
                + request.resultText())
            let width = max(1, rect.width - 1 - min(DisplayWidth.of(hint), rect.width / 2))
            let (text, cursorColumn) = field.visible(width: width)
            canvas.put(text, at: Position(row: rect.row, column: rect.column + 1), style: theme.style("prompt.input"), maxColumns: width)
            canvas.put(hint, at: Position(row: rect.row, column: rect.column + 1 + width), style: theme.style("dim"),
                       maxColumns: rect.width - 1 - width)
            canvas.cursor = Position(row: rect.row, column: rect.column + 1 + min(cursorColumn, width - 1))
            overlay = .search(request, field)
            return
        }
        var left: [StatusSegment] = []
        if let message = statusBar.visibleMessage(at: now()) {
            left.append(StatusSegment(message.text, element: message.level == .error ? "statusbar.error" : "statusbar.message"))
        } else {
            left.append(StatusSegment(idleHint, element: "statusbar"))
        }
        var right: [StatusSegment] = []
        if !statusBar.pendingKeys.isEmpty { right.append(StatusSegment(statusBar.pendingKeysText + "…", element: "statusbar.pending")) }
        if !statusBar.countsText.isEmpty {
            right.append(StatusSegment(statusBar.countsText, element: statusBar.rejectedCount > 0 ? "statusbar.error" : "statusbar.pending"))
        }
        right.append(StatusSegment(syncBadge, element: statusBar.sync.isProblem ? "statusbar.error" : "statusbar.sync"))
        if let message = statusBar.visibleMessage(at: now()) {  // a message outranks the counts while it shows
            let need = DisplayWidth.of(message.text) + 2
            func rightWidth() -> Int { right.reduce(0) { $0 + DisplayWidth.of($1.text) + 1 } }
            while right.count > 1, need + rightWidth() + 1 > rect.width { right.removeFirst() }
        }
        StatusBar.draw(left: left, right: right, in: rect, canvas: canvas, theme: theme)
    }

    /// "● online", "⟳ syncing 3 of 10", "○ offline: …", "✗ credentials rejected".
    var syncBadge: String {
        if let remotes = sync?.remotesSummary, !remotes.isEmpty, !statusBar.sync.isProblem { return remotes }
        switch statusBar.sync {
        case .online: return "● " + statusBar.syncText
        case .syncing: return "⟳ " + statusBar.syncText
        case .offline: return "○ " + statusBar.syncText
        case .credentialsRejected: return "✗ " + statusBar.syncText
        case .paused: return "‖ " + statusBar.syncText
        }
    }

    func drawOverlay(layout: ScreenLayout, canvas: Canvas) {
        let body = layout.body
        switch overlay {
        case .none, .search:
            break
        case .command(var input):
            let rect = Rect(row: layout.statusBar.row - 1, column: 0, height: 2, width: layout.screen.width)
            canvas.cursor = input.draw(in: rect, canvas: canvas, theme: theme)
            overlay = .command(input)
        case .prompt(let request, var dialog):
            canvas.cursor = dialog.draw(in: layout.screen, canvas: canvas, theme: theme)
            overlay = .prompt(request, dialog)
        case .confirm(_, let dialog):
            dialog.draw(in: layout.screen, canvas: canvas, theme: theme)
        case .help(var help, let searching):
            if searching != nil || !help.query.isEmpty { help.scroll = min(help.scroll, max(0, help.lines.count - 1)) }
            help.draw(in: body, canvas: canvas, theme: theme)
            if var field = searching {
                canvas.fill(layout.statusBar, style: theme.style("prompt"))
                canvas.put("help /", at: Position(row: layout.statusBar.row, column: 0), style: theme.style("prompt"), maxColumns: 6)
                let (text, column) = field.visible(width: max(1, layout.screen.width - 7))
                canvas.put(text, at: Position(row: layout.statusBar.row, column: 6), style: theme.style("prompt.input"))
                canvas.cursor = Position(row: layout.statusBar.row, column: min(layout.screen.width - 1, 6 + column))
                overlay = .help(help, searching: field)
            }
        case .form(let form):
            canvas.cursor = form.draw(in: body, canvas: canvas, theme: theme)
        case .diagnostics(let problems):
            let width = min(body.width, 76)
            let lines = problems.flatMap { TextWrapper.wrap($0, width: max(1, width - 3)) }
            let box = body.centered(height: min(body.height, lines.count + 2), width: width)
            canvas.fill(box, style: theme.style("dialog"))
            let inside = Box.draw(box, title: "Problems in the configuration (any key closes)", canvas: canvas,
                                  style: theme.style("border"), titleStyle: theme.style("statusbar.error"))
            for (index, line) in lines.enumerated() where index < inside.height {
                canvas.put(line, at: Position(row: inside.row + index, column: inside.column + 1), style: theme.style("dialog"),
                           maxColumns: inside.width - 1)
            }
        }
    }
}

/// What the title line is drawn from (the key the canvas remembers it by).
private struct TitleKey: Equatable {
    let texts: [String]
    let styles: [Style]
    let numbers: [Int]
}
