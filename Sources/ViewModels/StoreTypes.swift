import Store

// The Store's plain values the UI needs to name, re-exported so TerminalUI depends on
// Core + ViewModels only (it never imports Store).

/// Which leads a list shows (see `Store.LeadFilter`).
public typealias LeadFilter = Store.LeadFilter
/// The order of a lead list (see `Store.LeadSort`).
public typealias LeadSort = Store.LeadSort
/// A list row's sync mark (see `Store.SyncMark`).
public typealias SyncMark = Store.SyncMark
/// One row of the lead list (see `Store.LeadListRow`).
public typealias LeadListRow = Store.LeadListRow
