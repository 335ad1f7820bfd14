/// Where the parts of the screen go for a terminal size: the tab bar (when asked for and the
/// terminal has `tabBarMinimumRows`), title row, the body with list and detail panes (side by
/// side from 120 columns, one at a time below), status bar. Below 20×6 only a "terminal too
/// small" line is drawn.
public struct ScreenLayout: Sendable, Hashable {
    /// Smallest size that shows the application.
    public static let minimum = Size(rows: 6, columns: 20)
    /// Width from which list and detail are shown side by side.
    public static let splitWidth = 120
    /// Height from which the tab bar is shown (below, the digits still switch panes).
    public static let tabBarMinimumRows = 10

    /// How the body is arranged.
    public enum Panes: Sendable, Hashable {
        /// Too small: nothing but a message.
        case tooSmall
        /// One pane fills the body (list or detail, the caller decides which).
        case single(Rect)
        /// List on the left, a separator column, detail on the right.
        case split(list: Rect, separator: Rect, detail: Rect)
    }

    /// The full screen.
    public var screen: Rect
    /// The tab bar row (height 0 when not shown).
    public var tabBar: Rect
    /// Title row (empty when too small).
    public var title: Rect
    /// Between the title row and the status bar: where the active pane draws.
    public var body: Rect
    /// The panes.
    public var panes: Panes
    /// Status bar row; prompts and the `:` line use it too.
    public var statusBar: Rect

    /// The layout for a terminal of `size`.
    public init(size: Size, tabBar showTabs: Bool = false) {
        screen = Rect(size: size)
        guard size.rows >= ScreenLayout.minimum.rows, size.columns >= ScreenLayout.minimum.columns else {
            title = Rect(row: 0, column: 0, height: 0, width: 0)
            tabBar = title
            statusBar = title
            body = title
            panes = .tooSmall
            return
        }
        var rest = screen
        if showTabs && size.rows >= ScreenLayout.tabBarMinimumRows {
            (tabBar, rest) = rest.splitTop(1)
        } else {
            tabBar = Rect(row: 0, column: 0, height: 0, width: size.columns)
        }
        let (top, middle) = rest.splitTop(1)
        let (inner, bottom) = middle.splitBottom(1)
        title = top
        statusBar = bottom
        body = inner
        panes = ScreenLayout.panes(of: inner)
    }

    /// List and detail side by side in `body` from `splitWidth` columns, else one of them.
    public static func panes(of body: Rect) -> Panes {
        guard body.width >= ScreenLayout.splitWidth else { return .single(body) }
        let listWidth = body.width * 11 / 20
        let (list, right) = body.splitLeft(listWidth)
        let (separator, detail) = right.splitLeft(1)
        return .split(list: list, separator: separator, detail: detail)
    }

    /// Whether list and detail are both visible.
    public var isSplit: Bool {
        if case .split = panes { return true }
        return false
    }

    /// Draws the "terminal too small" line (clipped to whatever width there is).
    public static func drawTooSmall(size: Size, canvas: Canvas, theme: Theme) {
        canvas.clear(style: theme.style(ThemeElement.root))
        guard size.rows > 0 else { return }
        canvas.putPadded("terminal too small (\(size.columns)x\(size.rows), need \(minimum.columns)x\(minimum.rows))",
                         at: Position(row: 0, column: 0), width: size.columns, style: theme.style("statusbar.error"))
    }
}
