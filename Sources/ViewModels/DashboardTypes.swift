import Foundation
import Store

// The Store's dashboard values the UI names, re-exported so TerminalUI depends on Core +
// ViewModels only (as `StoreTypes.swift` does for the list's).

/// Every number of the dashboard (see `Store.DashboardSummary`).
public typealias DashboardSummary = Store.DashboardSummary
/// One by-source / by-owner row's numbers (see `Store.DashboardGroup`).
public typealias DashboardGroup = Store.DashboardGroup
/// The dashboard's period (see `Store.DashboardPeriod`).
public typealias DashboardPeriod = Store.DashboardPeriod

extension AppSession {
    /// The manager dashboard over this database (stale after `staleDays` days without a touch).
    public func dashboard(staleDays: Int = 14, timeZone: TimeZone = .current) -> DashboardViewModel {
        DashboardViewModel(store: store, staleDays: staleDays, timeZone: timeZone, now: now)
    }
}
