import Core
import Foundation
import ViewModels

/// Names a kind of pane (`leads`, `calendar`, …): the tab, the `open-…` action and the back stack use it.
public struct PaneID: Hashable, Sendable, RawRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name, as in `open-<name>` and `:name`.
    public let rawValue: String
    /// Wraps a name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a literal name.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The name.
    public var description: String { rawValue }

    /// Lead list and lead detail (one tab; side by side from 120 columns).
    public static let leads: PaneID = "leads"
    /// The appointment calendar.
    public static let calendar: PaneID = "calendar"
    /// A lead's conversation.
    public static let conversation: PaneID = "conversation"
    /// The manager dashboard.
    public static let dashboard: PaneID = "dashboard"
}

/// One row of `PaneRegistry`: everything the app needs to show a pane's tab, open it and make it.
public struct PaneDescriptor: Sendable {
    /// Which pane.
    public var id: PaneID
    /// The tab's text ("Calendar").
    public var tabTitle: String
    /// The tab's number: the tab bar shows panes in this order and the default keymap binds the
    /// digit to `openAction` (1 Leads, 2 Calendar, 3 Conversation, 4 Dashboard).
    public var number: Int
    /// The key context of the pane's own bindings (the keymap looks there first, then `global`).
    public var keyContext: KeyContext
    /// The action that shows the pane (`open-calendar`; `:calendar` is its alias in `CommandAliases`).
    public var openAction: Action
    /// Makes the pane the first time it is opened.
    public var make: @MainActor @Sendable (PaneEnvironment) -> any Pane

    /// A descriptor.
    public init(id: PaneID, tabTitle: String, number: Int, keyContext: KeyContext, openAction: Action,
                make: @escaping @MainActor @Sendable (PaneEnvironment) -> any Pane) {
        self.id = id
        self.tabTitle = tabTitle
        self.number = number
        self.keyContext = keyContext
        self.openAction = openAction
        self.make = make
    }
}

/// What a pane is made with: the data session (build view models from it), the host to call
/// back into, and the terminal size of the moment.
@MainActor
public struct PaneEnvironment {
    /// The data: `CalendarViewModel(session: environment.session, …)`.
    public let session: AppSession
    /// The app, for everything panes share (messages, confirmations, prompts, forms, navigation).
    public unowned let host: any PaneHost
    /// The body the pane will be drawn in (between the title row and the status bar).
    public let body: Rect
}

/// One part of the status bar's idle hint: an action and the word shown after its key ("/ search").
public struct FooterHint: Sendable, Hashable {
    /// The action (its key comes from the active keymap; no binding, no hint).
    public var action: Action
    /// The word after the key.
    public var label: String

    /// A hint.
    public init(_ action: Action, _ label: String) {
        self.action = action
        self.label = label
    }
}

/// What `Pane.perform` did with an action.
public enum PaneOutcome: Sendable, Hashable {
    /// Done; redraw.
    case handled
    /// Not this pane's action (the app says "'x' does nothing here").
    case notHandled
    /// Done, and the app should end / suspend / repaint everything.
    case respond(AppResponse)
}

/// A screen of the app: a view model (ViewModels) + its drawing (TerminalUI) + its own key context.
///
/// Model: newsboat's one `FormAction` per screen, lazygit's contexts with their own bindings,
/// k9s's view stack. The app (`CloserApp`) keeps what panes share (overlays, the `:` line, help,
/// the status bar, the key dispatcher, layout and the back stack) and talks to panes only through
/// this protocol; panes talk back through `PaneHost`.
///
/// To add a pane:
/// 1. a view model in `Sources/ViewModels/` with an initialiser taking `AppSession`;
/// 2. a class conforming to `Pane` in `Sources/TerminalUI/App/Panes/<Name>Pane.swift` (plus its
///    screen files), with a `static let descriptor`;
/// 3. one line in `PaneRegistry.all`;
/// 4. its bindings under `bind <context> …` in `keymaps/*.keys` / `BuiltinKeymap`, its actions in
///    `StandardActions` with its context (so help lists them).
/// Nothing else in `CloserApp` changes. Global actions (quit, help, `:`, sync, theme, `open-*`)
/// never reach `perform`; `back` does (return `.notHandled` when there is nothing to unwind inside
/// the pane and the app goes back along its stack).
@MainActor
public protocol Pane: AnyObject {
    /// Which pane this is (the registry's descriptor id).
    var id: PaneID { get }
    /// The key context used right now (the Leads pane says `detail` while its detail has the keys).
    var keyContext: KeyContext { get }
    /// The title row's text ("All leads · sort name asc · 12 of 2000"); sanitised by the pane.
    var title: String { get }
    /// The title in at most `width` columns: drop or shorten the least important part first,
    /// never a count (default: `title`, cut at the end by the app).
    func title(fitting width: Int) -> String
    /// Actions for the status bar's idle hint, most useful first (`? help` is added by the app;
    /// the keys shown are the active keymap's bindings in `keyContext`).
    var footerHints: [FooterHint] { get }
    /// Draws the pane into `rect` (the body between title row and status bar).
    func draw(on canvas: Canvas, in rect: Rect, theme: Theme, focused: Bool)
    /// Runs `action` with the `:` line's `argument` ("" from a key); `.notHandled` if not its action.
    func perform(_ action: Action, argument: String) -> PaneOutcome
    /// The body was resized (also called before the first draw).
    func resize(to body: Rect)
    /// Another connection (the sync worker) changed the database: re-read what is shown.
    func reload()
    /// Called between key reads (~50 ms); return true to redraw. Keep it cheap (no queries unless due).
    func idle(now: Date) -> Bool
    /// Speculative idle work is left (one small step per `idle`; a key is handled before the next).
    var hasIdleWork: Bool { get }
    /// A mouse event inside `body`; return true when used.
    func handleMouse(_ mouse: MouseEvent, in body: Rect) -> Bool
    /// The pane became the visible one (after a tab switch or a back).
    func didBecomeActive()
}

extension Pane {
    /// `title`, cut at the end by the app.
    public func title(fitting width: Int) -> String { title }
    /// No idle work by default.
    public func idle(now: Date) -> Bool { false }
    /// No speculative work by default.
    public var hasIdleWork: Bool { false }
    /// Mouse ignored by default.
    public func handleMouse(_ mouse: MouseEvent, in body: Rect) -> Bool { false }
    /// Nothing to do by default.
    public func didBecomeActive() {}
    /// Nothing to do by default.
    public func resize(to body: Rect) {}
}
