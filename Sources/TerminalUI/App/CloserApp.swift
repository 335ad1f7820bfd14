import Core
import Foundation
import ViewModels

/// The Closer terminal application: a shell around the panes of `PaneRegistry` (lead list and
/// detail today). It keeps what panes share: the tab bar, title row, status bar, overlays
/// (prompts, confirmations, forms, search, the `:` line, help), the key dispatcher, the layout
/// and a back stack. It only reads and writes the local database; background sync runs elsewhere
/// and is polled in `idle()`.
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

    /// The data the panes' view models are made from.
    public let session: AppSession
    /// Setup values.
    public internal(set) var setup: Setup
    /// The panes this app shows (`PaneRegistry.all`; tests pass their own).
    public let registry: [PaneDescriptor]
    /// The panes made so far (a pane is made the first time it is opened).
    var panes: [PaneID: any Pane] = [:]
    /// Whether a key is waiting unread (`connectInput`; false until a front end says how).
    public internal(set) var inputWaiting: @Sendable () -> Bool = { false }
    /// The visible pane.
    public internal(set) var activePaneID: PaneID = .leads
    /// Panes to go back to with Esc, most recent last.
    public internal(set) var backStack: [PaneID] = []
    /// Panes that missed a reload while hidden (reloaded when shown).
    var stalePanes: Set<PaneID> = []
    /// The `:` line's parser, executor and completion, made when first used: it reads the users,
    /// the saved views (JSON) and the theme directory, none of which the first frame shows.
    var commandLine: CommandLineViewModel {
        get {
            if let made = madeCommandLine { return made }
            let made = session.commandLine(actionNames: ActionTable.standard.names + CommandAliases.names,
                                           themeNames: setup.themeLoader.availableThemes())
            madeCommandLine = made
            return made
        }
        set { madeCommandLine = newValue }
    }
    private(set) var madeCommandLine: CommandLineViewModel?
    /// Key sequences to actions.
    var dispatcher: KeyDispatcher
    /// The styles in use.
    public internal(set) var theme: Theme
    /// The status bar's state.
    public internal(set) var statusBar = StatusBarModel(sync: .offline(reason: "no remote configured"))
    /// What has the keyboard above the panes.
    public internal(set) var overlay: AppOverlay = .none
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
    var lastMessageShown: String?
    /// The `:` line's history, kept between openings.
    var lastCommandHistory = CommandLineInput()
    /// Key hints already worked out (`keyHint`): sorting the keymap for each frame's status bar
    /// cost ~40% of a frame.
    var keyHints: [KeyHintKey: String?] = [:]

    /// An app over `session` for a terminal of `size`, showing the first pane of `registry`.
    public init(session: AppSession, setup: Setup, size: Size, sync: BackgroundSync? = nil,
                registry: [PaneDescriptor] = PaneRegistry.all) {
        self.session = session
        self.registry = registry
        self.setup = setup
        self.size = size
        self.sync = sync
        self.now = session.now
        self.theme = setup.theme
        self.dispatcher = KeyDispatcher(keymap: setup.keymap)
        statusBar.sync = sync?.indicator ?? .offline(reason: setup.offlineReason)
        session.refreshCounts(&statusBar)
        lastDataVersion = session.externalDataVersion()
        if !setup.diagnostics.isEmpty { overlay = .diagnostics(setup.diagnostics.map(\.description)) }
        if let first = registry.first {
            activePaneID = first.id
            _ = pane(first.id)
        }
    }

    /// The layout at the current size (with the tab bar).
    var layout: ScreenLayout { ScreenLayout(size: size, tabBar: true) }

    /// The visible pane.
    var activePane: any Pane { pane(activePaneID)! }

    /// The registry entry of `id`, nil when not registered.
    func descriptor(_ id: PaneID) -> PaneDescriptor? { registry.first { $0.id == id } }

    /// Pane `id`, made on first use; nil when not registered.
    func pane(_ id: PaneID) -> (any Pane)? {
        if let made = panes[id] { return made }
        guard let descriptor = descriptor(id) else { return nil }
        let made = descriptor.make(PaneEnvironment(session: session, host: self, body: layout.body))
        panes[id] = made
        return made
    }

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
    /// selection on the same lead), the pane's own idle work, expired messages.
    public func idle() -> AppResponse {
        var changed = false
        let date = now()
        if let sync {
            let indicator = sync.indicator
            if indicator != statusBar.sync {
                statusBar.sync = indicator
                changed = true
            }
        }
        if date.timeIntervalSince(lastDataCheck) >= 0.2 {
            lastDataCheck = date
            if let version = session.externalDataVersion(), version != lastDataVersion {
                lastDataVersion = version
                dataChangedSince = dataChangedSince ?? date
            }
        }
        if let since = dataChangedSince, date.timeIntervalSince(since) >= 0.3, !isTyping {
            dataChangedSince = nil
            reloadAfterExternalChange()
            changed = true
        }
        if activePane.idle(now: date) { changed = true }
        let visible = statusBar.visibleMessage(at: date)?.text
        if visible != lastMessageShown {
            lastMessageShown = visible
            changed = true
        }
        collectMessages()
        return changed ? .redraw : .none
    }

    /// The visible pane has speculative work left (the calendar reading ahead), and no overlay
    /// (search, a form, the `:` line) is open.
    public var hasIdleWork: Bool {
        guard case .none = overlay else { return false }
        return activePane.hasIdleWork
    }

    /// Whether the user is typing somewhere a reload would disturb (search, forms).
    var isTyping: Bool {
        switch overlay {
        case .search, .form: return true
        default: return false
        }
    }

    /// The worker wrote to the database: the visible pane re-reads now, hidden ones when shown.
    func reloadAfterExternalChange() {
        activePane.reload()
        stalePanes = Set(panes.keys).subtracting([activePaneID])
        session.refreshCounts(&statusBar)
        madeCommandLine?.refresh()  // not made yet: it reads everything when first used
    }

    /// Re-lays out for `newSize`.
    func resize(to newSize: Size) {
        size = newSize
        activePane.resize(to: layout.body)
    }

    /// Shows the keys typed so far.
    func collectMessages() {
        statusBar.pendingKeys = dispatcher.pendingDescription
    }
}
