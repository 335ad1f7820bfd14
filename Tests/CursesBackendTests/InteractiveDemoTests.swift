import Foundation
import XCTest
@testable import CursesBackend
import TerminalUI

/// A small app over the widgets, for trying the backend in a real terminal (tmux):
/// `CLOSER_TUI_DEMO=1 swift test --filter InteractiveDemoTests`. Skipped otherwise.
@MainActor
final class DemoApp: TerminalApp {
    let theme = ThemeLoader.builtinDefault(noColor: ThemeLoader.noColorRequested())
    var dispatcher = KeyDispatcher(keymap: KeymapLoader.builtinDefault())
    let total = 100_000
    var selected = 0
    var top = 0
    var pageSize = 20
    var message = "? help  : command  q quit"
    var help: HelpOverlay?
    var command: CommandLineInput?
    var events: [InputEvent] = []
    let table = TableView(columns: [
        TableColumn("#", width: .fixed(6), alignRight: true, priority: 9),
        TableColumn("Name", width: .flexible(min: 8, weight: 2), priority: 10),
        TableColumn("Note", width: .flexible(min: 10, weight: 3), priority: 1),
    ])

    func draw(on canvas: Canvas) {
        let layout = ScreenLayout(size: canvas.size)
        guard case .single(let body) = layout.panes.normalized else {
            if layout.panes == .tooSmall { ScreenLayout.drawTooSmall(size: canvas.size, canvas: canvas, theme: theme); return }
            return drawSplit(layout, canvas: canvas)
        }
        drawBody(body, layout: layout, canvas: canvas)
    }

    private func drawSplit(_ layout: ScreenLayout, canvas: Canvas) {
        guard case .split(let list, let separator, let detail) = layout.panes else { return }
        drawBody(list, layout: layout, canvas: canvas)
        Box.verticalLine(separator, canvas: canvas, style: theme.style("border"))
        TextView(text: "Lead \(selected + 1)\n\n日本語のメモ and a long note that wraps around the detail pane.", width: detail.width)
            .draw(in: detail, canvas: canvas, style: theme.style("detail.value"))
    }

    private func drawBody(_ body: Rect, layout: ScreenLayout, canvas: Canvas) {
        canvas.cursor = nil
        canvas.putPadded("Closer demo — \(total) rows", at: Position(row: 0, column: 0), width: layout.title.width, style: theme.style("title"))
        pageSize = table.visibleRowCount(height: body.height)
        if selected < top { top = selected }
        if selected >= top + pageSize { top = selected - pageSize + 1 }
        let rows = (top..<min(total, top + pageSize)).map { i in
            TableRow([TableCell("\(i + 1)"), TableCell(i % 3 == 0 ? "田中 \(i)" : "Zoë \(i)"),
                      TableCell(i % 5 == 0 ? "evil\u{1B}[31m red \u{202E}txt" : "note 👍 \(i)", element: i % 2 == 0 ? "status.customer" : nil)])
        }
        table.draw(rows: rows, selected: selected - top, in: body, canvas: canvas, theme: theme)
        if let help { help.draw(in: body, canvas: canvas, theme: theme) }
        if var command {
            canvas.cursor = command.draw(in: layout.statusBar, canvas: canvas, theme: theme)
            self.command = command
        } else {
            StatusBar.draw(left: [StatusSegment(message)],
                           right: [StatusSegment(dispatcher.pendingDescription, element: "statusbar.pending"), StatusSegment("\(selected + 1)/\(total)")],
                           in: layout.statusBar, canvas: canvas, theme: theme)
        }
    }

    func handle(_ event: InputEvent) -> AppResponse {
        events.append(event)
        switch event {
        case .resize: return .redraw
        case .mouse(let mouse):
            switch mouse.kind {
            case .wheelDown: selected = min(total - 1, selected + 3)
            case .wheelUp: selected = max(0, selected - 3)
            case .click, .doubleClick: selected = min(total - 1, max(0, top + mouse.position.row - 2))
            }
            return .redraw
        case .paste(let text):
            if command != nil { command?.paste(text) } else { message = "pasted \(text.count) characters" }
            return .redraw
        case .key(let key):
            let context: KeyContext = command != nil ? .prompt : (help != nil ? .help : .leads)
            switch dispatcher.dispatch(key, in: context, textInput: command != nil) {
            case .pending: return .redraw
            case .unbound(let keys):
                if command != nil, keys.count == 1, command?.handle(keys[0]) == true { return .redraw }
                message = "\(KeyNotation.format(keys)) is not bound"
                return .redraw
            case .action(let action):
                return perform(action)
            }
        }
    }

    private func perform(_ action: Action) -> AppResponse {
        switch action {
        case .cursorDown: selected = min(total - 1, selected + 1)
        case .cursorUp: selected = max(0, selected - 1)
        case .pageDown: selected = min(total - 1, selected + pageSize)
        case .pageUp: selected = max(0, selected - pageSize)
        case .halfPageDown: selected = min(total - 1, selected + pageSize / 2)
        case .halfPageUp: selected = max(0, selected - pageSize / 2)
        case .cursorTop: selected = 0
        case .cursorBottom: selected = total - 1
        case .help: help = HelpOverlay(keymap: dispatcher.keymap)
        case .cancel, .back:
            help = nil
            command = nil
        case .commandLine: command = CommandLineInput()
        case .complete: command?.complete(using: DemoCompletion())
        case .submit:
            guard var line = command else { break }
            let text = line.submit()
            command = nil
            let words = text.split(separator: " ").map(String.init)
            if words.first == "quit" || words.first == "q" { return .quit }
            message = ActionTable.standard.contains(Action(rawValue: words.first ?? "")) ? "ran \(text)" : "Unknown command '\(text)'"
        case .redraw: return .redrawAll
        case .suspend: return .suspend
        case .quit: return .quit
        default: message = "\(action): not in the demo"
        }
        return .redraw
    }

    func idle() -> AppResponse { .none }
}

extension ScreenLayout.Panes {
    var normalized: ScreenLayout.Panes { self }
}

final class InteractiveDemoTests: XCTestCase {
    @MainActor
    func testInteractiveDemoRunsUntilQuitWhenRequested() async throws {
        guard ProcessInfo.processInfo.environment["CLOSER_TUI_DEMO"] == "1" else {
            throw XCTSkip("set CLOSER_TUI_DEMO=1 and run in a terminal to try the backend by hand")
        }
        let app = DemoApp()
        let exit = try await CursesRunLoop.run(app)
        XCTAssertEqual(exit, .quit)
        XCTAssertFalse(app.events.isEmpty)
    }
}

/// Completion over the action names only (the real `:` line completes through the view models).
struct DemoCompletion: CommandCompletionProvider {
    func completions(words: [String], prefix: String) -> [String] {
        words.isEmpty ? ActionTable.standard.names.filter { $0.hasPrefix(prefix) } : []
    }
}
