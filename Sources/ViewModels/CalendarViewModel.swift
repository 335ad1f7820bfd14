import Core
import Foundation
import Store

/// The four calendar views; `v` cycles them in this order.
public enum CalendarViewKind: String, CaseIterable, Sendable {
    case agenda, day, week, month

    /// The view after this one.
    public var next: CalendarViewKind {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// Whose appointments the calendar shows.
public enum CalendarOwnerChoice: Sendable, Equatable, Hashable {
    case mine, owner(String), all
}

/// One day column of the day and week views: its hour slots (only the visible ones are loaded).
public struct CalendarDayColumn: Sendable, Equatable {
    public let day: Int
    public let slots: [CalendarSlot]
}

/// One cell of the month grid: the day, how many appointments, the first ones that fit.
public struct CalendarMonthCell: Sendable, Equatable {
    public let day: Int
    public let count: Int
    public let entries: [CalendarEntry]
    /// False for the leading/trailing days of the neighbouring months.
    public let inMonth: Bool
}

/// The appointment calendar: agenda (default), day, week and month views over the Store's
/// indexed range queries. Only what is on screen is loaded (a window of agenda rows, the visible
/// hour slots, one month grid of counts and first items), so it stays instant at a million leads.
/// Times are stored in UTC and shown in `zone`.
public struct CalendarViewModel: Sendable {
    /// The database.
    let store: LeadStore
    /// The user "mine" means, and whose reminders ring.
    public let currentUser: String
    /// The zone times are shown in.
    public let zone: CalendarZone
    /// The clock ("today", "now", the future rule).
    public var now: @Sendable () -> Date
    /// Weeks start on Sunday (`week_start = sunday`) instead of Monday.
    public let weekStartsOnSunday: Bool
    /// Minutes before an appointment its reminder shows (`remind_minutes`).
    public let remindMinutes: Int

    public internal(set) var view: CalendarViewKind = .agenda
    /// The selected day (local day number).
    public internal(set) var selectedDay: Int
    /// The selected hour (0–23) in the day and week views.
    public internal(set) var selectedHour: Int
    /// The first visible hour row.
    public internal(set) var firstHour: Int
    /// Day and week views: the selected appointment's place among those starting in the selected
    /// hour (by start, then id), so `j`/`k` reach every one of a crowded hour.
    public internal(set) var selectedIndex = 0
    /// The place of the first appointment the selected hour shows (the day view shows a few side
    /// by side, scrolled to keep the selected one in sight; the week view shows the selected one).
    public internal(set) var slotWindowFirst = 0
    /// The selected appointment's id, to find it again after a reload moved it (an edit, a sync).
    var selectedAppointmentId: Int64?
    public internal(set) var ownerChoice: CalendarOwnerChoice = .mine
    /// Statuses shown (empty = all).
    public internal(set) var statuses: Set<AppointmentStatus> = []
    /// Rows and columns of the calendar's area (`resize`).
    public internal(set) var rows: Int
    public internal(set) var columns: Int

    /// Agenda: the loaded window, by start, and the selection in it.
    public internal(set) var agenda: [CalendarEntry] = []
    public internal(set) var agendaSelected = 0
    /// Where the agenda starts (its first day).
    public internal(set) var agendaAnchorDay: Int
    /// Day and week views: one column per day.
    public internal(set) var dayColumns: [CalendarDayColumn] = []
    /// Month view: 42 cells, weeks top to bottom.
    public internal(set) var monthCells: [CalendarMonthCell] = []

    /// The latest message for the status bar.
    public internal(set) var message: StatusMessage?
    /// An appointment waiting for "delete? y/n".
    public internal(set) var pendingDeleteId: Int64?
    /// The appointment form, while open.
    public internal(set) var form: AppointmentFormViewModel?
    /// Appointments already reminded of.
    var remindedIds: Set<Int64> = []
    /// Recent slot reads, valid while the file is unchanged (shared by copies of this value).
    let slotCache = CalendarSlotCache()
    /// The period last read ahead (`readAhead`).
    var readAheadDone: ReadAheadMark?

    /// A calendar over `store` for `currentUser`, on today in the agenda view.
    public init(store: LeadStore, currentUser: String, zone: CalendarZone = .current, rows: Int = 22, columns: Int = 80,
                weekStartsOnSunday: Bool = false, remindMinutes: Int = 15,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.currentUser = currentUser
        self.zone = zone
        self.now = now
        self.weekStartsOnSunday = weekStartsOnSunday
        self.remindMinutes = max(0, remindMinutes)
        self.rows = max(1, rows)
        self.columns = max(1, columns)
        let today = zone.day(of: Int64(now().timeIntervalSince1970.rounded(.down)))
        selectedDay = today
        agendaAnchorDay = today
        let hour = Int(zone.local(Int64(now().timeIntervalSince1970.rounded(.down))) % 86_400 / 3600)
        selectedHour = max(0, min(23, hour))
        firstHour = max(0, min(selectedHour, 8))
        reload()
    }

    // MARK: - What the screen reads

    /// The current instant, Unix seconds.
    public var nowSeconds: Int64 { Int64(now().timeIntervalSince1970.rounded(.down)) }
    /// Today's local day number.
    public var today: Int { zone.day(of: nowSeconds) }
    /// The filter in Store terms.
    public var filter: CalendarFilter {
        switch ownerChoice {
        case .mine: return CalendarFilter(owner: currentUser, statuses: statuses)
        case .owner(let name): return CalendarFilter(owner: name, statuses: statuses)
        case .all: return CalendarFilter(owner: nil, statuses: statuses)
        }
    }

    /// Rows for hour slots in the day and week views (below the title and the day header).
    public var slotRows: Int { max(1, min(24, rows - 2)) }
    /// Text lines per month cell (the day number line plus items).
    public var monthCellHeight: Int { max(1, (rows - 2) / 6) }
    /// Agenda lines (below the title).
    public var agendaLines: Int { max(1, rows - 1) }

    /// The first day of the week containing `day`.
    public func weekStart(of day: Int) -> Int {
        let weekday = CalendarZone.weekday(ofDay: day)
        let back = weekStartsOnSunday ? weekday : (weekday + 6) % 7
        return day - back
    }

    /// The selected appointment, if any.
    public var selectedEntry: CalendarEntry? {
        switch view {
        case .agenda:
            return agenda.indices.contains(agendaSelected) ? agenda[agendaSelected] : nil
        case .day, .week:
            return selectedSlot?.entry(at: selectedIndex)
        case .month:
            return monthCells.first(where: { $0.day == selectedDay })?.entries.first
        }
    }

    /// The selected hour's slot of the selected day (day and week views), when on screen.
    public var selectedSlot: CalendarSlot? {
        guard view == .day || view == .week, let column = dayColumns.first(where: { $0.day == selectedDay }) else { return nil }
        let offset = selectedHour - firstHour
        return column.slots.indices.contains(offset) ? column.slots[offset] : nil
    }

    /// How many appointments of one hour the view shows: a few side by side in the day view, the
    /// first (or the selected) one in the week view's narrow columns.
    public var slotEntriesShown: Int { view == .day ? 3 : 1 }

    /// "Week 49 · Mon 30 Nov – Sun 6 Dec 2026"-style title of what is shown, with the zone.
    public var title: String {
        let zoneName = zone.abbreviation(at: nowSeconds)
        let who: String
        switch ownerChoice {
        case .mine: who = "mine"
        case .owner(let name): who = TextSanitizerBridge.line(name)
        case .all: who = "all"
        }
        let statusText = statuses.isEmpty ? "" : " · " + statuses.map(Self.statusTitle).sorted().joined(separator: ",")
        return "\(view.rawValue.capitalized) · \(rangeTitle) · \(zoneName) · \(who)\(statusText)"
    }

    /// The dates shown, in words.
    var rangeTitle: String {
        switch view {
        case .agenda: return "from " + Self.longDay(agendaAnchorDay)
        case .day: return Self.longDay(selectedDay)
        case .week:
            let first = weekStart(of: selectedDay)
            return Self.longDay(first) + " – " + Self.longDay(first + 6)
        case .month:
            let d = CalendarZone.date(ofDay: selectedDay)
            return "\(CalendarZone.monthNames[d.month - 1]) \(d.year)"
        }
    }

    /// "Mon 30 Nov 2026".
    public static func longDay(_ day: Int) -> String {
        let d = CalendarZone.date(ofDay: day)
        return "\(CalendarZone.weekdayNames[CalendarZone.weekday(ofDay: day)]) \(d.day) \(CalendarZone.monthNames[d.month - 1]) \(d.year)"
    }

    /// The status as shown ("fulfilled" for the vendor's "fullfilled").
    public static func statusTitle(_ status: AppointmentStatus) -> String {
        status == .fullfilled ? "fulfilled" : status.rawValue
    }

    // MARK: - Loading

    /// Reloads what the current view shows (after a move, a filter change or new data).
    public mutating func reload() {
        do {
            try store.reading {  // one read transaction for the frame's reads (calendar speed)
                switch view {
                case .agenda: try loadAgenda(keeping: selectedEntry.map { ($0.start, $0.appointment.id) })
                case .day, .week: try loadSelectedColumns()
                case .month: try loadMonth()
                }
            }
        } catch {
            message = .error(ErrorText.describe(error, doing: "Reading appointments"), now: now())
        }
    }

    /// Tells the calendar its area (rows × columns) and reloads what fits.
    public mutating func resize(rows: Int, columns: Int) {
        let rows = max(1, rows), columns = max(1, columns)
        guard rows != self.rows || columns != self.columns else { return }
        self.rows = rows
        self.columns = columns
        keepHourVisible()
        reload()
    }

    /// The agenda window from `keeping` (kept selected) or from the anchor day.
    mutating func loadAgenda(keeping: (Int64, Int64)?) throws {
        let from = zone.start(ofDay: agendaAnchorDay)
        let to = from + Self.agendaHorizon
        if let keeping, keeping.0 >= from {
            // Start at the kept entry's day so it stays on screen with its day header.
            let top = zone.start(ofDay: zone.day(of: keeping.0))
            agenda = try store.calendarEntries(from: max(from, top), to: to, filter: filter, limit: agendaLines)
            agendaSelected = agenda.firstIndex { $0.appointment.id == keeping.1 } ?? 0
        } else {
            agenda = try store.calendarEntries(from: from, to: to, filter: filter, limit: agendaLines)
            agendaSelected = 0
        }
        trimAgendaToFit()
    }

    /// How far ahead the agenda reads (a year).
    static let agendaHorizon: Int64 = 366 * 86_400

    /// Lines the agenda's first `count` entries take (one header per day).
    func agendaLineCount(through index: Int) -> Int {
        var lines = 0
        var lastDay: Int?
        for entry in agenda.prefix(index + 1) {
            let day = zone.day(of: entry.start)
            if day != lastDay { lines += 1; lastDay = day }
            lines += 1
        }
        return lines
    }

    /// Drops loaded entries that cannot fit below their day headers.
    mutating func trimAgendaToFit() {
        while agenda.count > 1, agendaLineCount(through: agenda.count - 1) > agendaLines, agendaSelected < agenda.count - 1 {
            agenda.removeLast()
        }
    }

    /// The days the day or week view shows.
    var shownDays: [Int] {
        guard view == .week else { return [selectedDay] }
        let first = weekStart(of: selectedDay)
        return Array(first..<(first + 7))
    }

    /// The visible hour slots of the shown days, the selected hour holding the selected
    /// appointment; then the selection is kept on the same appointment (found again by id when it
    /// moved) or, when it is gone, on the nearest place of the hour.
    mutating func loadSelectedColumns() throws {
        keepPlaceInWindow()
        try loadColumns(days: shownDays)
        if let id = selectedAppointmentId, selectedEntry?.appointment.id != id { try follow(id) }
        if let slot = selectedSlot, selectedIndex >= max(1, slot.count) {
            selectedIndex = max(0, slot.count - 1)
            try refreshSelectedSlot()
        }
        rememberSelection()
    }

    /// The visible hour slots of `days`.
    mutating func loadColumns(days: [Int]) throws {
        let hours = visibleHours
        let windows = days.map { day in
            day == selectedDay && hours.contains(selectedHour) ? CalendarSlotWindow(slot: selectedHour - firstHour, first: slotWindowFirst) : nil
        }
        let columns = try slotCache.slots(store, runs: days.map(columnBoundaries), filter: filter,
                                          perSlot: slotEntriesShown, windows: windows)
        dayColumns = zip(days, columns).map { CalendarDayColumn(day: $0, slots: $1) }
    }

    /// The boundaries of `day`'s visible hour slots (one day column).
    func columnBoundaries(day: Int) -> [Int64] { hourBoundaries(day: day, hours: visibleHours) }

    /// The local hour boundaries (UTC seconds) of `hours` of `day`, the end of the last one included.
    func hourBoundaries(day: Int, hours: Range<Int>) -> [Int64] {
        let dayStart = Int64(day) * 86_400
        return (hours.lowerBound...hours.upperBound).map { zone.utc(fromLocal: dayStart + Int64($0) * 3600) }
    }

    /// The visible hours.
    var visibleHours: Range<Int> { firstHour..<min(24, firstHour + slotRows) }

    /// Scrolls the selected hour's window to hold `selectedIndex`, and reads that one slot again
    /// when what it holds does not cover the window (one small query).
    mutating func refreshSelectedSlot() throws {
        keepPlaceInWindow()
        let shown = slotEntriesShown
        guard let slot = selectedSlot else { return }
        let wanted = min(shown, max(0, slot.count - slotWindowFirst))
        guard slot.firstIndex != slotWindowFirst || slot.entries.count < wanted else { return }
        try replaceSlot(day: selectedDay, hour: selectedHour, first: slotWindowFirst)
    }

    /// Scrolls the selected hour's window (`slotWindowFirst`) so it holds `selectedIndex`.
    mutating func keepPlaceInWindow() {
        let shown = slotEntriesShown
        if selectedIndex < slotWindowFirst { slotWindowFirst = selectedIndex }
        if selectedIndex >= slotWindowFirst + shown { slotWindowFirst = selectedIndex - shown + 1 }
    }

    /// Reads one hour slot of a shown day again from place `first`.
    mutating func replaceSlot(day: Int, hour: Int, first: Int) throws {
        guard let column = dayColumns.firstIndex(where: { $0.day == day }), visibleHours.contains(hour) else { return }
        let slots = try slotCache.slots(store, boundaries: hourBoundaries(day: day, hours: hour..<(hour + 1)), filter: filter,
                                        perSlot: slotEntriesShown, window: CalendarSlotWindow(slot: 0, first: first))
        guard let slot = slots.first else { return }
        var updated = dayColumns[column].slots
        updated[hour - firstHour] = slot
        dayColumns[column] = CalendarDayColumn(day: day, slots: updated)
    }

    /// Puts the selection on appointment `id` again when it still shows on a shown day (an edit or
    /// a sync moved it); otherwise the selection stays on its hour.
    mutating func follow(_ id: Int64) throws {
        guard let entry = try store.calendarEntry(id: id), shownDays.contains(zone.day(of: entry.start)),
              filter.owner.map({ $0 == entry.owner }) ?? true,
              filter.statuses.isEmpty || filter.statuses.contains(entry.appointment.status) else { return }
        try place(on: entry)
        try loadColumns(days: shownDays)
    }

    /// Puts the day, hour and place of the day and week views on `entry` (nothing is loaded).
    mutating func place(on entry: CalendarEntry) throws {
        let day = zone.day(of: entry.start)
        let hour = max(0, min(23, Int(zone.local(entry.start) % 86_400 / 3600)))
        let hourStart = zone.utc(fromLocal: Int64(day) * 86_400 + Int64(hour) * 3600)
        selectedDay = day
        selectedHour = hour
        selectedIndex = try store.calendarPlace(start: entry.start, id: entry.appointment.id, from: hourStart, filter: filter)
        slotWindowFirst = max(0, selectedIndex - slotEntriesShown + 1)
        selectedAppointmentId = entry.appointment.id
        keepHourVisible()
    }

    /// Notes which appointment is selected (to find it again after a reload).
    mutating func rememberSelection() {
        selectedAppointmentId = selectedEntry?.appointment.id
    }

    /// The six weeks of the selected month with per-day counts and first items.
    mutating func loadMonth() throws {
        guard let grid = monthGrid(containing: selectedDay) else { return }
        let slots = try slotCache.slots(store, boundaries: grid.boundaries, filter: filter, perSlot: monthPerCell, window: nil)
        monthCells = zip(grid.days, slots).map { day, slot in
            CalendarMonthCell(day: day, count: slot.count, entries: slot.entries,
                              inMonth: CalendarZone.date(ofDay: day).month == grid.month)
        }
    }

    /// The month grid holding `day`: its 42 days, their 43 boundaries (UTC seconds), the month.
    func monthGrid(containing day: Int) -> (days: [Int], boundaries: [Int64], month: Int)? {
        let d = CalendarZone.date(ofDay: day)
        guard let first = CalendarZone.day(year: d.year, month: d.month, day: 1) else { return nil }
        let gridStart = weekStart(of: first)
        let days = Array(gridStart..<(gridStart + 42))
        return (days, (days + [gridStart + 42]).map { zone.start(ofDay: $0) }, d.month)
    }

    /// Items read per month cell (below its day number).
    var monthPerCell: Int { max(0, monthCellHeight - 1) }

    /// Keeps the selected hour within the visible rows.
    mutating func keepHourVisible() {
        let visible = slotRows
        if selectedHour < firstHour { firstHour = selectedHour }
        if selectedHour >= firstHour + visible { firstHour = selectedHour - visible + 1 }
        firstHour = max(0, min(firstHour, 24 - visible))
    }

    /// Sets an info message that expires.
    mutating func say(_ text: String) { message = .info(text, now: now()) }
    /// Sets an error message.
    mutating func complain(_ text: String) { message = .error(text, now: now()) }

    /// Forgets the message (the status bar shows it now).
    public mutating func clearMessage() { message = nil }

    /// Clears an expired message.
    public mutating func expireMessage() {
        if let message, message.isExpired(at: now()) { self.message = nil }
    }
}
