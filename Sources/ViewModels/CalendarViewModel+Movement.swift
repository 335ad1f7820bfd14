import Core
import Foundation
import Store

/// Moving through the calendar: views, days, weeks, months, hours, agenda rows, filters.
extension CalendarViewModel {
    /// `v`: the next view, on the same day.
    public mutating func cycleView() { setView(view.next) }

    /// Shows `kind` on the selected day.
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
        if view == .month {
            let d = CalendarZone.date(ofDay: selectedDay)
            var month = d.month - 1 + delta
            let year = d.year + Int((Double(month) / 12).rounded(.down))
            month = ((month % 12) + 12) % 12 + 1
            let last = (28...31).last { CalendarZone.day(year: year, month: month, day: $0) != nil } ?? 28
            select(day: CalendarZone.day(year: year, month: month, day: min(d.day, last)) ?? selectedDay)
        } else {
            select(day: selectedDay + 7 * delta)
        }
    }

    /// `t`: today (and, in the day and week views, the current hour).
    public mutating func goToday() {
        let hour = Int(zone.local(nowSeconds) % 86_400 / 3600)
        selectedHour = max(0, min(23, hour))
        keepHourVisible()
        select(day: today)
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

    /// `j`/`k`: the next/previous appointment (agenda), hour (day, week) or week (month).
    public mutating func moveDown(_ delta: Int = 1) {
        switch view {
        case .agenda: moveAgenda(delta)
        case .day, .week: moveHour(delta)
        case .month: select(day: selectedDay + 7 * delta)
        }
    }

    /// Moves the hour cursor of the day and week views.
    public mutating func moveHour(_ delta: Int) {
        let hour = max(0, min(23, selectedHour + delta))
        guard hour != selectedHour else { return }
        selectedHour = hour
        let before = firstHour
        keepHourVisible()
        if firstHour != before { reload() }
    }

    /// Selects `day`, loading only when the shown range changes (a day inside the shown week or
    /// month grid is free).
    mutating func select(day: Int) {
        let old = selectedDay
        selectedDay = day
        switch view {
        case .agenda:
            agendaAnchorDay = day
            reload()
        case .day: if day != old { reload() }
        case .week: if weekStart(of: day) != weekStart(of: old) || dayColumns.isEmpty { reload() }
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
