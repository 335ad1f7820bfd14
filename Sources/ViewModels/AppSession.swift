import Core
import Foundation
import Store

/// The one handle the terminal UI holds on the data: the local database, the agent's username and
/// the clock. View models are made from it (`LeadListViewModel(session:…)`), so the UI never sees
/// the Store module (the UI → view models → store direction of STYLE.md).
///
/// A new pane's view model gets a `convenience`-style initialiser taking the session, in its own
/// file in ViewModels; `store` stays internal to this module on purpose.
public final class AppSession: @unchecked Sendable {
    /// The database (its own connection; only view models use it).
    let store: LeadStore
    /// Username of the agent (note author, default owner, "mine" filters).
    public let currentUser: String
    /// The clock.
    public let now: @Sendable () -> Date

    /// A session over `store` for `currentUser`.
    public init(store: LeadStore, currentUser: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.currentUser = currentUser
        self.now = now
    }

    /// A number that changes whenever another connection (the sync worker) committed; nil on error.
    public func externalDataVersion() -> Int? { try? store.externalDataVersion() }

    /// Usernames known to the database, for owner pickers.
    public func usernames() -> [String] { ((try? store.users()) ?? []).map(\.username) }

    /// The status bar's pending/rejected counts, re-read (unchanged on a read error).
    public func refreshCounts(_ statusBar: inout StatusBarModel) { try? statusBar.refreshCounts(from: store) }

    /// A `:` line over this database.
    public func commandLine(actionNames: [String], themeNames: [String]) -> CommandLineViewModel {
        CommandLineViewModel(store: store, actionNames: actionNames, themeNames: themeNames)
    }

    /// The lead list.
    public func leadList(visibleRows: Int, filter: LeadFilter = .all, sort: LeadSort = .nameAscending) -> LeadListViewModel {
        LeadListViewModel(store: store, currentUser: currentUser, visibleRows: visibleRows, filter: filter, sort: sort, now: now)
    }

    /// The detail of one lead.
    public func leadDetail(id: Int64) -> LeadDetailViewModel {
        LeadDetailViewModel(store: store, leadId: id, currentUser: currentUser, now: now)
    }

    /// An empty new-lead form.
    public func newLeadForm() -> LeadFormViewModel {
        LeadFormViewModel.newLead(store: store, currentUser: currentUser, now: now)
    }
}
