import Core
import Foundation
import Store
import ViewModels

/// The Closer terminal application: the lead list and detail panes, prompts, the `:` line, the
/// help overlay and the status bar, driven by keys through the keymap's actions. It only reads
/// and writes the local database; background sync runs elsewhere and is polled in `idle()`.
@MainActor
public final class CloserApp: TerminalApp {
    /// Everything the app starts with besides the database.
    public struct Setup: Sendable {
        /// Username of the agent (note author, default owner).
        public var currentUser: String
        /// Key bindings.
        public var keymap: Keymap
        /// Styles.
        public var theme: Theme
        /// Where `:theme NAME` finds themes.
        public var themeLoader: ThemeLoader
        /// Whether `NO_COLOR` is in effect (kept when switching themes).
        public var noColor: Bool
        /// Problems found in keymap/theme files, shown at start-up.
        public var diagnostics: [ConfigDiagnostic]
        /// The environment (for `$VISUAL`/`$EDITOR`).
        public var environment: [String: String]
        /// What the status bar says when there is no background sync.
        public var offlineReason = "no remote configured"

        /// A setup.
        public init(currentUser: String, keymap: Keymap, theme: Theme, themeLoader: ThemeLoader = ThemeLoader(searchDirectories: []),
                    noColor: Bool = false, diagnostics: [ConfigDiagnostic] = [],
                    environment: [String: String] = ProcessInfo.processInfo.environment) {
            self.currentUser = currentUser
            self.keymap = keymap
            self.theme = theme
            self.themeLoader = themeLoader
            self.noColor = noColor
            self.diagnostics = diagnostics
            self.environment = environment
        }
    }

    /// The database the UI reads and edits (its own connection).
    public let store: LeadStore
    /// Setup values.
    public internal(set) var setup: Setup
    /// The lead list.
    public internal(set) var list: LeadListViewModel
    /// The detail of the selected lead, when shown.
    public internal(set) var detail: LeadDetailViewModel?
    /// Split view: the lead the cursor moved to whose detail loads once the cursor rests (`idle`).
    var pendingDetail: (id: Int64, since: Date)?
    /// Detail pane scroll and selection.
    var detailScreen = LeadDetailScreen()
    /// The `:` line's parser, executor and completion.
    var commandLine: CommandLineViewModel
    /// Key sequences to actions.
    var dispatcher: KeyDispatcher
    /// The styles in use.
    public internal(set) var theme: Theme
    /// The status bar's state.
    public internal(set) var statusBar = StatusBarModel(sync: .offline(reason: "no remote configured"))
    /// What has the keyboard above the panes.
    public internal(set) var overlay: AppOverlay = .none
    /// Which pane has the keyboard.
    public internal(set) var focus: AppPane = .list
    /// The terminal size of the last frame / resize.
    public internal(set) var size: Size
    /// Background sync, if a remote is configured.
    let sync: BackgroundSync?
    /// Clipboard, external editor, bell (nil in tests).
    public weak var control: TerminalControl?
    /// The clock.
    let now: @Sendable () -> Date

    var lastDataVersion: Int?
    var lastDataCheck = Date.distantPast
    var dataChangedSince: Date?
    var lastPositionResolve = Date.distantPast
    var lastSyncText = ""
    var lastMessageShown: String?
    /// The `:` line's history, kept between openings.
    var lastCommandHistory = CommandLineInput()

    /// An app over `store` for a terminal of `size`.
    public init(store: LeadStore, setup: Setup, size: Size, sync: BackgroundSync? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.setup = setup
        self.size = size
        self.sync = sync
        self.now = now
        self.theme = setup.theme
        self.dispatcher = KeyDispatcher(keymap: setup.keymap)
        let layout = ScreenLayout(size: size)
        self.list = LeadListViewModel(store: store, currentUser: setup.currentUser,
                                      visibleRows: CloserApp.listHeight(layout), now: now)
        self.commandLine = CommandLineViewModel(store: store, actionNames: ActionTable.standard.names,
                                                themeNames: setup.themeLoader.availableThemes(), now: now)
        statusBar.sync = sync?.indicator ?? .offline(reason: setup.offlineReason)
        try? statusBar.refreshCounts(from: store)
        lastDataVersion = try? store.externalDataVersion()
        if !setup.diagnostics.isEmpty { overlay = .diagnostics(setup.diagnostics.map(\.description)) }
        if layout.isSplit { openDetailForSelection(request: false) }
    }

    /// Rows the list shows for `layout` (header excluded).
    static func listHeight(_ layout: ScreenLayout) -> Int {
        switch layout.panes {
        case .tooSmall: return 1
        case .single(let rect): return LeadListScreen.visibleRows(height: rect.height)
        case .split(let list, _, _): return LeadListScreen.visibleRows(height: list.height)
        }
    }

    /// Whether list and detail are side by side at the current size.
    public var isSplit: Bool { ScreenLayout(size: size).isSplit }

    // MARK: - TerminalApp

    /// Draws the frame (see `CloserApp+Draw`).
    public func draw(on canvas: Canvas) { drawFrame(on: canvas) }

    /// Handles one event (see `CloserApp+Keys`).
    public func handle(_ event: InputEvent) -> AppResponse {
        let response: AppResponse
        switch event {
        case .resize(let newSize):
            resize(to: newSize)
            response = .redraw
        case .mouse(let mouse):
            response = handleMouse(mouse)
        case .paste(let text):
            response = handlePaste(text)
        case .key(let key):
            response = handleKey(key)
        }
        collectMessages()
        return response
    }

    /// Polls background sync cheaply: status changes, data the worker wrote (reload, keeping the
    /// selection on the same lead), unknown positions, expired messages.
    public func idle() -> AppResponse {
        var changed = false
        let date = now()
        if let pending = pendingDetail, date.timeIntervalSince(pending.since) >= Self.detailRestDelay {
            pendingDetail = nil
            if list.selectedId == pending.id { openDetailForSelection(request: false, deferrable: false) }
            changed = true
        }
        if let sync {
            let indicator = sync.indicator
            if indicator != statusBar.sync {
                statusBar.sync = indicator
                changed = true
            }
        }
        if date.timeIntervalSince(lastDataCheck) >= 0.2 {
            lastDataCheck = date
            if let version = try? store.externalDataVersion(), version != lastDataVersion {
                lastDataVersion = version
                dataChangedSince = dataChangedSince ?? date
            }
        }
        if let since = dataChangedSince, date.timeIntervalSince(since) >= 0.3, !isTyping {
            dataChangedSince = nil
            reloadAfterExternalChange()
            changed = true
        }
        if (list.total == nil || list.topIndex == nil) && !list.rows.isEmpty && date.timeIntervalSince(lastPositionResolve) >= 0.5 {
            lastPositionResolve = date
            list.resolvePosition()
            changed = true
        }
        let visible = statusBar.visibleMessage(at: date)?.text
        if visible != lastMessageShown {
            lastMessageShown = visible
            changed = true
        }
        collectMessages()
        return changed ? .redraw : .none
    }

    /// Whether the user is typing somewhere a reload would disturb (search, forms).
    var isTyping: Bool {
        switch overlay {
        case .search, .form: return true
        default: return false
        }
    }

    /// The worker wrote to the database: reload list (same lead stays selected) and detail.
    func reloadAfterExternalChange() {
        let atTop = list.selectedIndex == 0 && !list.isSearching
        list.reload()
        if atTop { list.cursorTop() }
        let id = detail?.leadId
        detail?.reload()
        if id != nil, id != list.selectedId, isSplit, focus == .list { openDetailForSelection(request: false) }
        try? statusBar.refreshCounts(from: store)
        commandLine.refresh()
    }

    /// Re-lays out for `newSize`.
    func resize(to newSize: Size) {
        size = newSize
        let layout = ScreenLayout(size: newSize)
        list.resize(visibleRows: Self.listHeight(layout))
        if layout.isSplit, detail == nil { openDetailForSelection(request: false) }
    }

    /// Moves any view model message to the status bar.
    func collectMessages() {
        if let message = list.message { statusBar.post(message); list.clearMessage() }
        if let message = detail?.message { statusBar.post(message); detail?.clearMessage() }
        if let message = commandLine.message { statusBar.post(message) }
        if let pending = list.pendingConfirmation, case .none = overlay {
            overlay = .confirm(.list, ConfirmDialog(question: pending.prompt))
        }
        if let pending = detail?.pendingConfirmation, case .none = overlay {
            overlay = .confirm(.detail, ConfirmDialog(question: pending.prompt))
        }
        statusBar.pendingKeys = dispatcher.pendingDescription
    }

    /// Shows `text` in the status bar.
    func inform(_ text: String, error: Bool = false) {
        statusBar.post(error ? .error(text, now: now()) : .info(text, now: now()))
    }

    /// How long the cursor rests on a lead before the split view loads its detail.
    static let detailRestDelay: TimeInterval = 0.04

    /// Loads the detail of the selected lead (split view follows the selection; Enter opens it).
    /// In the split view, a lead the cursor is only passing over (list focused, a detail already
    /// shown) loads from `idle` once the cursor rests, so moving never waits on the detail query.
    func openDetailForSelection(request: Bool, deferrable: Bool = true) {
        guard let id = list.selectedId else { detail = nil; pendingDetail = nil; return }
        if deferrable, !request, isSplit, focus == .list, let shown = detail?.leadId, shown != id {
            pendingDetail = (id, now())
            return
        }
        pendingDetail = nil
        if detail?.leadId != id {
            detail = LeadDetailViewModel(store: store, leadId: id, currentUser: setup.currentUser, now: now)
            detailScreen.reset()
        }
        if request { sync?.requestDetail(leadId: id) }
    }

    /// After a local edit: counts, list and detail re-read, and the worker nudged to push.
    func afterLocalEdit() {
        list.reload()
        detail?.reload()
        try? statusBar.refreshCounts(from: store)
        sync?.syncNow()
    }
}
