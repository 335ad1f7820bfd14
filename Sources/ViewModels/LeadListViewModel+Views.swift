import Foundation
import Store

/// Saved views: a name for the current filter and sort, stored in the database.
extension LeadListViewModel {
    /// Every saved view, by name.
    public func savedViews() throws -> [SavedView] { try store.savedViews() }

    /// The saved view names, by name (empty on a read error).
    public var savedViewNames: [String] { ((try? store.savedViews()) ?? []).map(\.name) }

    /// view-save NAME: stores the current filter (search included) and sort under `name`.
    public mutating func viewSave(_ name: String) {
        let clean = Self.viewName(name)
        guard !clean.isEmpty else { return complain("view: a name is required") }
        do {
            try store.saveView(SavedView(name: clean, filter: filter, sort: sort))
            currentViewName = clean
            inform("Saved view '\(clean)'")
        } catch {
            report(error, doing: "Saving the view")
        }
    }

    /// view-load NAME: switches to the view's filter and sort.
    public mutating func viewLoad(_ name: String) {
        let clean = Self.viewName(name)
        do {
            guard let view = try store.savedViews().first(where: { $0.name == clean }) else {
                return complain("view: no saved view named '\(clean)'")
            }
            searchSnapshot = nil
            let cleared = view.filter != filter && !marked.isEmpty ? marked.count : 0
            apply(filter: view.filter, sort: view.sort)
            currentViewName = view.name
            inform(cleared == 0 ? "View '\(view.name)'" : "View '\(view.name)' · \(Self.marksText(cleared)) cleared")
        } catch {
            report(error, doing: "Loading the view")
        }
    }

    /// Deletes a saved view (the list itself does not change).
    public mutating func viewDelete(_ name: String) {
        let clean = Self.viewName(name)
        do {
            guard try store.savedViews().contains(where: { $0.name == clean }) else {
                return complain("view: no saved view named '\(clean)'")
            }
            try store.deleteView(named: clean)
            if currentViewName == clean { currentViewName = nil }
            inform("Deleted view '\(clean)'")
        } catch {
            report(error, doing: "Deleting the view")
        }
    }

    /// Installs the shipped default views once per database (see `DefaultViews`).
    public mutating func installDefaultViews() {
        do { try DefaultViews.install(into: store, currentUser: currentUser) } catch {
            report(error, doing: "Installing the default views")
        }
    }

    static func viewName(_ name: String) -> String {
        TextSanitizerBridge.line(name).trimmingCharacters(in: .whitespaces)
    }
}
