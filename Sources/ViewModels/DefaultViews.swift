import Core
import Store

/// The saved views Closer ships: "my new leads", "pending sync", "rejected", "conflicts".
public enum DefaultViews {
    /// The sync-state key (provider "closer") that records that the defaults were installed once,
    /// so a default the user deleted is not brought back.
    public static let installedKey = "default-views-installed"

    /// The default views for `currentUser`.
    public static func views(currentUser: String) -> [SavedView] {
        [
            SavedView(name: "my new leads", filter: LeadFilter(statuses: [.prospect], owners: [currentUser]),
                      sort: LeadSort(.created, ascending: false)),
            SavedView(name: "pending sync", filter: LeadFilter(hasPending: true), sort: LeadSort(.updated, ascending: false)),
            SavedView(name: "rejected", filter: LeadFilter(rejectedOnly: true), sort: LeadSort(.updated, ascending: false)),
            SavedView(name: "conflicts", filter: LeadFilter(conflictOnly: true), sort: LeadSort(.updated, ascending: false)),
        ]
    }

    /// Saves the defaults once per database (never overwriting a view of the same name).
    /// Returns the names it added.
    @discardableResult
    public static func install(into store: LeadStore, currentUser: String) throws -> [String] {
        if try store.syncState(provider: "closer", key: installedKey) != nil { return [] }
        let existing = Set(try store.savedViews().map(\.name))
        var added: [String] = []
        try store.transaction {
            for view in views(currentUser: currentUser) where !existing.contains(view.name) {
                try store.saveView(view)
                added.append(view.name)
            }
            try store.setSyncState(provider: "closer", key: installedKey, value: "1")
        }
        return added
    }
}
