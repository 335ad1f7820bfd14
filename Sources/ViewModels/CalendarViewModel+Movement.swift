import Core
import Foundation
import Store

/// Moving through the calendar: views, days, weeks, months, hours, agenda rows, filters.
extension CalendarViewModel {
    /// `v`: the next view, on the same day.
    public mutating func cycleView() { setView(view.next) }

    /// Shows `kind` on the selected day (between the day and week views the selected appointment
    /// stays selected).
    public mutating func setView(_ kind: CalendarViewKind) {
        let day = selectedDay
        view = kind
        if kind == .agenda { agendaAnchorDay = day }
        keepHourVisible()
        reload()
    }

    /// `h`/`l`: the previous or next day (by `delta` days).
    public mutating func moveDay(_ delta: Int) { select(day: selectedDay + delta) }

    /// `[`/`]`: by a month in the month view, by a week elsewhere.
    public mutating func movePage(_ delta: Int) {
        select(day: view == .month ? day(monthsAway: delta) : selectedDay + 7 * delta)
    }

    /// The selected day's date `delta` months away (the last of a shorter month).
    func day(monthsAway delta: Int) -> Int {
        let d = CalendarZone.date(ofDay: selectedDay)
        var month = d.month - 1 + delta
        let year = d.year + Int((Double(month) / 12).rounded(.down))
        month = ((month % 12) + 12) % 12 + 1
        let last = (28...31).last { CalendarZone.day(year: year, month: month, day: $0) != nil } ?? 28
        return CalendarZone.day(year: year, month: month, day: min(d.day, last)) ?? selectedDay
    }

    /// `t`: today (and, in the day and week views, the current hour).
    public mutating func goToday() {
        let hour = Int(zone.local(nowSeconds) % 86_400 / 3600)
        selectedHour = max(0, min(23, hour))
        resetSlotSelection()
        keepHourVisible()
        if view == .day || view == .week {
            selectedDay = today
            reload()
        } else {
            select(day: today)
        }
    }

    /// `:date 2026-12-24`: jumps to that day; a bad date is an error message.
    public mutating func jump(toDate text: String) {
        let clean = text.trimmingCharacters(in: .whitespaces)
        if clean == "today" { return goToday() }
        guard let day = CalendarZone.parseDay(clean) else {
            return complain("Not a date (yyyy-mm-dd): \(TextSanitizerBridge.line(clean))")
        }
        select(day: day)
    }

    /// `j`/`k`: the next/previous appointment (agenda; day and week views: every appointment of
    /// the day in time order, an empty hour being one stop) or week (month).
    public mutating func moveDown(_ delta: Int = 1) {
        switch view {
        case .agenda: moveAgenda(delta)
        case .day, .week: moveAppointment(delta)
        case .month: select(day: selectedDay + 7 * delta)
        }
    }

    /// `C-e`/`C-y`, `J`/`K`, `g g`/`G`: hour by hour in the day and week views (to the first
    /// appointment of the hour), past the rest of a crowded hour; elsewhere like `j`/`k`.
    public mutating func moveHour(_ delta: Int) {
        guard view == .day || view == .week else { return moveDown(delta) }
        let hour = max(0, min(23, selectedHour + delta))
        guard hour != selectedHour || selectedIndex != 0 else { return }
        let oldHour = selectedHour, oldFirst = slotWindowFirst
        selectedHour = hour
        resetSlotSelection()
        showSelection(leaving: (selectedDay, oldHour, oldFirst))
    }

    /// Steps through the day's appointments: the next one in the hour, else the next hour (its
    /// first appointment); up: the previous one, else the last of the hour above.
    mutating func moveAppointment(_ delta: Int) {
        let oldHour = selectedHour, oldFirst = slotWindowFirst
        for _ in 0..<abs(delta) {
            let count = selectedSlot?.count ?? 0
            if delta > 0 {
                if selectedIndex + 1 < count { selectedIndex += 1; continue }
                guard selectedHour < 23 else { break }
                selectedHour += 1
                selectedIndex = 0
                slotWindowFirst = 0
            } else {
                if selectedIndex > 0 { selectedIndex -= 1; continue }
                guard selectedHour > 0 else { break }
                selectedHour -= 1
                slotWindowFirst = 0
                revealSelectedHour()
                selectedIndex = max(0, (selectedSlot?.count ?? 0) - 1)
            }
            revealSelectedHour()
        }
        showSelection(leaving: (selectedDay, oldHour, oldFirst))
    }

    /// Scrolls the hour rows to the selected hour (loading them) when it is off screen.
    mutating func revealSelectedHour() {
        let before = firstHour
        keepHourVisible()
        if firstHour != before {
            selectedAppointmentId = nil
            reload()
        }
    }

    /// After a move inside the shown days: the selected hour's window holds the selection, and a
    /// slot that showed a later window when it was selected shows its first ones again.
    mutating func showSelection(leaving old: (day: Int, hour: Int, first: Int)) {
        selectedAppointmentId = nil
        revealSelectedHour()
        do {
            if old.first != 0, old.day != selectedDay || old.hour != selectedHour {
                try replaceSlot(day: old.day, hour: old.hour, first: 0)
            }
            try refreshSelectedSlot()
        } catch {
            complain(ErrorText.describe(error, doing: "Reading appointments"))
        }
        rememberSelection()
    }

    /// The first appointment of the selected hour.
    mutating func resetSlotSelection() {
        selectedIndex = 0
        slotWindowFirst = 0
        selectedAppointmentId = nil
    }

    /// Selects `day`, loading only when the shown range changes (a day inside the shown week or
    /// month grid is free).
    mutating func select(day: Int) {
        let old = selectedDay, oldFirst = slotWindowFirst
        selectedDay = day
        if day != old { resetSlotSelection() }
        switch view {
        case .agenda:
            agendaAnchorDay = day
            reload()
        case .day: if day != old { reload() }
        case .week:
            if weekStart(of: day) != weekStart(of: old) || dayColumns.isEmpty { reload() }
            else if day != old { showSelection(leaving: (old, selectedHour, oldFirst)) }
        case .month:
            let a = CalendarZone.date(ofDay: day), b = CalendarZone.date(ofDay: old)
            if a.month != b.month || a.year != b.year || monthCells.isEmpty { reload() }
        }
    }

    /// Moves the agenda selection, scrolling the window one entry at a time.
    mutating func moveAgenda(_ delta: Int) {
        do {
            for _ in 0..<abs(delta) {
                if delta > 0 { try agendaStepDown() } else { try agendaStepUp() }
            }
            if let entry = selectedEntry { selectedDay = zone.day(of: entry.start) }
        } catch {
            complain(ErrorText.describe(error, doing: "Reading appointments"))
        }
    }

    private mutating func agendaStepDown() throws {
        let to = zone.start(ofDay: agendaAnchorDay) + Self.agendaHorizon
        if agendaSelected + 1 >= agenda.count {
            guard let last = agenda.last,
                  let next = try store.calendarEntries(from: last.start, to: to, filter: filter,
                                                       after: (last.start, last.appointment.id), limit: 1).first
            else { return }
            agenda.append(next)
        }
        agendaSelected += 1
        while agendaSelected > 0, agendaLineCount(through: agendaSelected) > agendaLines {
            agenda.removeFirst()
            agendaSelected -= 1
        }
    }

    private mutating func agendaStepUp() throws {
        if agendaSelected > 0 {
            agendaSelected -= 1
            return
        }
        guard let first = agenda.first,
              let previous = try store.calendarEntries(from: first.start - Self.agendaHorizon, to: first.start + 1,
                                                       filter: filter, before: (first.start, first.appointment.id),
                                                       limit: 1).first
        else { return }
        agenda.insert(previous, at: 0)
        agendaAnchorDay = min(agendaAnchorDay, zone.day(of: previous.start))
        trimAgendaToFit()
    }

    // MARK: - Filters

    /// `f o`: mine, one owner, or everyone.
    public mutating func setOwner(_ choice: CalendarOwnerChoice) {
        ownerChoice = choice
        reload()
    }

    /// `f s`: only these statuses (empty = all).
    public mutating func setStatuses(_ set: Set<AppointmentStatus>) {
        statuses = set
        reload()
    }

    /// Parses an owner choice as typed ("mine", "all", a username).
    public mutating func setOwner(named text: String) {
        let clean = text.trimmingCharacters(in: .whitespaces)
        switch clean.lowercased() {
        case "", "mine", "me": setOwner(.mine)
        case "all", "*": setOwner(.all)
        default: setOwner(clean == currentUser ? .mine : .owner(clean))
        }
    }

    /// Parses statuses as typed ("pending,confirmed", "fulfilled", "all").
    public mutating func setStatuses(named text: String) {
        var set = Set<AppointmentStatus>()
        for word in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            let name = word.lowercased()
            if name == "all" { set = []; break }
            guard let status = AppointmentStatus(rawValue: name == "fulfilled" ? "fullfilled" : name) else {
                return complain(VendorMessages.invalidAppointmentStatus + " (\(TextSanitizerBridge.line(String(word))))")
            }
            set.insert(status)
        }
        setStatuses(set)
    }
}
