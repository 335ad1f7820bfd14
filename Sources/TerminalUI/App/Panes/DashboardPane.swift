import Core
import Foundation
import ViewModels

/// The Dashboard tab (`4`, `:dashboard`, key context `dashboard`): the team's pipeline at a
/// glance. Every number is selectable; Enter lists exactly its leads in the Leads pane through
/// `PaneHost.openLeads` (Esc there comes back here).
@MainActor
public final class DashboardPane: Pane {
    /// The registry entry.
    public static let descriptor = PaneDescriptor(id: .dashboard, tabTitle: "Dashboard", number: 4, keyContext: .dashboard,
                                                  openAction: .openDashboard) { DashboardPane(environment: $0) }

    unowned let host: any PaneHost
    /// The numbers and the cursor.
    public internal(set) var model: DashboardViewModel
    /// Block bars and sparklines, or ASCII (from TERM and the locale).
    let glyphs: DashboardScreen.Glyphs
    var body: Rect
    /// Rows of the dashboard scrolled off the top (when it is taller than the pane).
    var scroll = 0

    /// A dashboard pane over `environment`'s session.
    public init(environment: PaneEnvironment) {
        host = environment.host
        body = environment.body
        let staleDays = Int(environment.host.environment["CLOSER_STALE_DAYS"] ?? "").flatMap { (1...3650).contains($0) ? $0 : nil } ?? 14
        model = environment.session.dashboard(staleDays: staleDays)
        glyphs = DashboardScreen.Glyphs.forEnvironment(environment.host.environment)
        DashboardScreen.prepare(&model, width: body.width)
        if let message = model.message { host.post(message) }
    }

    public var id: PaneID { .dashboard }
    public var keyContext: KeyContext { .dashboard }

    public var title: String {
        let total = model.summary.map { " · " + DashboardFormat.count($0.total) + " leads" } ?? ""
        return model.headerTitle + total
    }

    public var footerHints: [FooterHint] {
        [FooterHint(.drillDown, "list"), FooterHint(.cyclePeriod, "period"), FooterHint(.filterOwner, "owner"),
         FooterHint(.nextBlock, "next block")]
    }

    public func resize(to body: Rect) {
        self.body = body
        DashboardScreen.prepare(&model, width: body.width)
    }

    public func reload() {
        model.reload()
        if let message = model.message, message.level == .error { host.post(message) }
    }

    public func didBecomeActive() { reload() }

    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme, focused: Bool) {
        if rect != body { resize(to: rect) }
        scroll = DashboardScreen.draw(model, in: rect, canvas: canvas, theme: theme, glyphs: glyphs, focused: focused,
                                      header: false, scroll: scroll)
    }

    public func perform(_ action: Action, argument: String) -> PaneOutcome {
        switch action {
        case .cursorDown, .scrollDown: model.moveDown()
        case .cursorUp, .scrollUp: model.moveUp()
        case .cursorLeft: model.moveLeft()
        case .cursorRight: model.moveRight()
        case .nextBlock, .pageDown, .halfPageDown: model.nextBlock()
        case .previousBlock, .pageUp, .halfPageUp: model.previousBlock()
        case .cursorTop: model.moveToFirst()
        case .cursorBottom: model.moveToLast()
        case .cyclePeriod: cyclePeriod(argument)
        case .filterOwner: chooseOwner(argument)
        case .clearFilters:
            model.setOwner(nil)
            host.inform("Scope: whole team")
        case .drillDown: drillDown()
        default: return .notHandled
        }
        return .handled
    }

    /// `p` (or `:cycle-period 90d`): the next period, or the one named.
    func cyclePeriod(_ argument: String) {
        let name = argument.trimmingCharacters(in: .whitespaces).lowercased()
        if name.isEmpty {
            model.cyclePeriod()
        } else if let period = DashboardPeriod(rawValue: name) {
            model.setPeriod(period)
        } else {
            return host.inform("Unknown period '\(TextSanitizer.line(name))' (today, week, month, 90d, all)", error: true)
        }
        if let message = model.message { host.post(message) }
    }

    /// `f o`: a choice of owners (the whole team first); `:filter-owner ben` sets it at once.
    func chooseOwner(_ argument: String) {
        let name = argument.trimmingCharacters(in: .whitespaces)
        let owners = model.ownerChoices
        if !name.isEmpty {
            guard name == "all" || owners.contains(name) else { return host.inform("No owner '\(TextSanitizer.line(name))'", error: true) }
            model.setOwner(name == "all" ? nil : name)
            return host.inform("Scope: \(model.scopeTitle)")
        }
        let options = ["(whole team)"] + owners
        let selected = model.owner.flatMap { owners.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        host.prompt(PromptRequest(purpose: "filter-owner", title: "Dashboard of", mode: .choice(options: options, selected: selected)) {
            [weak self] answer in
            guard let self else { return nil }
            self.model.setOwner(answer == options[0] ? nil : answer)
            self.host.inform("Scope: \(self.model.scopeTitle)")
            return nil
        })
    }

    /// Enter: the Leads pane with exactly the selected number's leads (on the untouched list: that lead).
    func drillDown() {
        if let id = model.selectedLeadId { return host.openLead(id: id) }
        guard let target = model.drillDown() else { return host.inform("Nothing to list", error: true) }
        host.openLeads(filter: target.filter, sort: target.sort, title: target.title)
    }
}
