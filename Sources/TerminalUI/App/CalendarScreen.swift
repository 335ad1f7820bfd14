import Core
import ViewModels

/// Draws the calendar view model into a rectangle of any size: a header (view, dates, zone,
/// filter), then the agenda, day, week or month view. Names and notes are untrusted and pass
/// through `TextSanitizer`; widths are display widths (CJK takes two cells). Each appointment
/// shows its sync mark (`*` pending, `!` rejected, as in the list) and `×` when it collides.
public enum CalendarScreen {
    /// Below this the calendar only says it needs more room.
    public static let minimumSize = Size(rows: 3, columns: 16)

    /// The rows × columns the view model should lay out for a pane `rect`.
    public static func viewport(for rect: Rect) -> (rows: Int, columns: Int) { (max(1, rect.height), max(1, rect.width)) }

    /// Draws `calendar` into `rect`.
    public static func draw(_ calendar: CalendarViewModel, in rect: Rect, canvas: Canvas, theme: Theme, focused: Bool = true) {
        guard !rect.isEmpty else { return }
        let base = theme.style("calendar")
        canvas.fill(rect, style: base)
        guard rect.height >= minimumSize.rows, rect.width >= minimumSize.columns else {
            canvas.put("Calendar: too small", at: Position(row: rect.row, column: rect.column), style: base,
                       maxColumns: rect.width)
            return
        }
        let styles = CalendarStyles(theme: theme, focused: focused)
        let line = selectionLine(calendar)
        canvas.putPadded(line.text, at: Position(row: rect.row, column: rect.column), width: rect.width,
                         style: theme.style(line.element))
        let body = Rect(row: rect.row + 1, column: rect.column, height: rect.height - 1, width: rect.width)
        switch calendar.view {
        case .agenda: drawAgenda(calendar, in: body, canvas: canvas, styles: styles)
        case .day: drawDay(calendar, in: body, canvas: canvas, styles: styles)
        case .week: drawWeek(calendar, in: body, canvas: canvas, styles: styles)
        case .month: drawMonth(calendar, in: body, canvas: canvas, styles: styles)
        }
    }

    // MARK: - Pieces shared by the views

    /// The first line: the selected appointment in full (when, who, note, status, owner), its
    /// rejection with the server's message and `x fix · X discard`, or its collision.
    static func selectionLine(_ calendar: CalendarViewModel) -> (text: String, element: String) {
        guard let entry = calendar.selectedEntry else {
            return ("No appointment here · a new (lead of a selected one) · A on a lead's detail · v view", "dim")
        }
        let day = CalendarViewModel.longDay(calendar.zone.day(of: entry.start))
        // "3/20 · ": where the selected one is among the appointments of its hour.
        let place = calendar.selectedSlot.map { $0.count > 1 ? "\(calendar.selectedIndex + 1)/\($0.count) · " : "" } ?? ""
        let what = "\(place)\(day) \(timeRange(entry, calendar)) · \(label(entry)) · "
            + "\(CalendarViewModel.statusTitle(entry.appointment.status)) · \(TextSanitizer.line(entry.owner))"
        if entry.sync == .rejected {
            let reason = calendar.selectedRejection.map { ($0.otherMessages + $0.fieldMessages.flatMap(\.messages)).joined(separator: " ") } ?? ""
            return ("! Rejected: \(reason) [x fix · X discard] · \(what)", "sync.rejected")
        }
        if entry.collides { return ("× Overlaps another appointment of \(TextSanitizer.line(entry.owner)) · \(what)", "calendar.collision") }
        if entry.sync == .pending { return ("* \(what) · waiting to sync", "sync.pending") }
        return (what, "calendar.header")
    }

    /// A day's header text: "Fri 15 Jan 2027 · today".
    static func dayHeader(_ day: Int, today: Int) -> String {
        let text = CalendarViewModel.longDay(day)
        if day == today { return text + " · today" }
        if day == today + 1 { return text + " · tomorrow" }
        return text
    }

    /// Whether `day` is a Saturday or Sunday.
    static func isWeekend(_ day: Int) -> Bool {
        let weekday = CalendarZone.weekday(ofDay: day)
        return weekday == 0 || weekday == 6
    }

    /// Draws the two mark columns of an entry (sync, collision) at `position`; returns columns used.
    @discardableResult
    static func drawMarks(_ entry: CalendarEntry, at position: Position, canvas: Canvas, styles: CalendarStyles, base: Style) -> Int {
        let sync = LeadListDisplayRow.symbol(for: entry.sync)
        canvas.put(sync, at: position, style: entry.sync == .none ? base : styles.sync(entry.sync), maxColumns: 1)
        canvas.put(entry.collides ? "×" : " ", at: Position(row: position.row, column: position.column + 1),
                   style: entry.collides ? styles.collision : base, maxColumns: 1)
        return 2
    }

    /// "09:15–10:00" in the calendar's zone.
    static func timeRange(_ entry: CalendarEntry, _ calendar: CalendarViewModel) -> String {
        calendar.zone.time(entry.start) + "–" + calendar.zone.time(entry.end)
    }

    /// "Zoë Ölander · Pricing call", sanitised to one line.
    static func label(_ entry: CalendarEntry) -> String {
        let name = TextSanitizer.line(entry.leadName)
        let note = TextSanitizer.line(entry.appointment.note)
        return note.isEmpty ? name : name + " · " + note
    }

    // MARK: - Agenda

    /// Days as headers, each appointment one line: marks, time range, lead · note, status, owner.
    static func drawAgenda(_ calendar: CalendarViewModel, in rect: Rect, canvas: Canvas, styles: CalendarStyles) {
        let base = styles.base
        if calendar.agenda.isEmpty {
            canvas.put("No appointments from \(CalendarViewModel.longDay(calendar.agendaAnchorDay)) on (f o: whose, a: new)",
                       at: Position(row: rect.row, column: rect.column), style: styles.dim, maxColumns: rect.width)
            return
        }
        let today = calendar.today
        var row = rect.row
        var lastDay: Int?
        let statusWidth = 12
        let ownerWidth = rect.width >= 70 ? 8 : 0
        for (index, entry) in calendar.agenda.enumerated() {
            let day = calendar.zone.day(of: entry.start)
            if day != lastDay {
                guard row < rect.row + rect.height else { break }
                canvas.putPadded(dayHeader(day, today: today), at: Position(row: row, column: rect.column), width: rect.width,
                                 style: styles.day(day, today: today))
                lastDay = day
                row += 1
            }
            guard row < rect.row + rect.height else { break }
            let selected = index == calendar.agendaSelected
            let style = selected ? styles.selected : base
            if selected { canvas.fill(Rect(row: row, column: rect.column, height: 1, width: rect.width), style: style) }
            var column = rect.column + drawMarks(entry, at: Position(row: row, column: rect.column), canvas: canvas, styles: styles,
                                                 base: style)
            let isNow = entry.start <= calendar.nowSeconds && calendar.nowSeconds < entry.end
            column += canvas.put(timeRange(entry, calendar) + (isNow ? " now" : "") + "  ",
                                 at: Position(row: row, column: column),
                                 style: isNow && !selected ? styles.now : style,
                                 maxColumns: max(0, rect.column + rect.width - column))
            let right = rect.column + rect.width
            let statusColumn = right - statusWidth - ownerWidth
            let labelWidth = max(0, statusColumn - column - 1)
            canvas.put(label(entry), at: Position(row: row, column: column), style: style, maxColumns: labelWidth)
            if statusColumn > column {
                canvas.put(CalendarViewModel.statusTitle(entry.appointment.status),
                           at: Position(row: row, column: statusColumn),
                           style: selected ? style : styles.status(entry.appointment.status), maxColumns: statusWidth)
                if ownerWidth > 0 {
                    canvas.put(TextSanitizer.line(entry.owner), at: Position(row: row, column: right - ownerWidth),
                               style: selected ? style : styles.dim, maxColumns: ownerWidth)
                }
            }
            row += 1
        }
    }
}
