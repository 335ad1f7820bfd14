import Store

// The Store's calendar values the UI names, re-exported so TerminalUI never imports Store.

/// One appointment as the calendar draws it (see `Store.CalendarEntry`).
public typealias CalendarEntry = Store.CalendarEntry
/// An hour slot of the day and week views (see `Store.CalendarSlot`).
public typealias CalendarSlot = Store.CalendarSlot
/// Whose and which appointments (see `Store.CalendarFilter`).
public typealias CalendarFilter = Store.CalendarFilter
