import Core
import ViewModels

/// The day, week and month views: hours down the side, seven days side by side, a month grid.
extension CalendarScreen {
    /// Width of the hour gutter ("09:00 ").
    static let gutter = 6

    // MARK: - Day

    /// One row per hour: a few appointments starting in it side by side (the first ones, or those
    /// around the selected one, which is highlighted), "+N more" for the rest, a bar where an
    /// earlier appointment runs on.
    static func drawDay(_ calendar: CalendarViewModel, in rect: Rect, canvas: Canvas, styles: CalendarStyles) {
        let today = calendar.today
        canvas.putPadded(dayHeader(calendar.selectedDay, today: today), at: Position(row: rect.row, column: rect.column),
                         width: rect.width, style: styles.day(calendar.selectedDay, today: today))
        guard let column = calendar.dayColumns.first else { return }
        let grid = Rect(row: rect.row + 1, column: rect.column, height: rect.height - 1, width: rect.width)
        drawHourGutter(calendar, rows: column.slots.count, in: grid, canvas: canvas, styles: styles)
        let cells = Rect(row: grid.row, column: grid.column + gutter, height: grid.height, width: max(0, grid.width - gutter))
        drawColumn(calendar, column, in: cells, canvas: canvas, styles: styles, detailed: true)
    }

    /// The hour labels down the left; the current hour of today in `calendar.now`.
    static func drawHourGutter(_ calendar: CalendarViewModel, rows: Int, in rect: Rect, canvas: Canvas, styles: CalendarStyles) {
        let nowHour = Int(calendar.zone.local(calendar.nowSeconds) % 86_400 / 3600)
        let showsToday = calendar.view == .day ? calendar.selectedDay == calendar.today
            : calendar.weekStart(of: calendar.selectedDay) == calendar.weekStart(of: calendar.today)
        for offset in 0..<min(rows, rect.height) {
            let hour = calendar.firstHour + offset
            let text = (hour < 10 ? "0" : "") + "\(hour):00"
            let isNow = showsToday && hour == nowHour
            canvas.putPadded(isNow ? text + ">" : text, at: Position(row: rect.row + offset, column: rect.column),
                             width: min(gutter, rect.width), style: isNow ? styles.now : styles.dim)
        }
    }

    /// One day's hour slots in `rect` (one row per slot).
    static func drawColumn(_ calendar: CalendarViewModel, _ column: CalendarDayColumn, in rect: Rect, canvas: Canvas,
                           styles: CalendarStyles, detailed: Bool) {
        guard rect.width > 0 else { return }
        let base = isWeekend(column.day) ? styles.weekend : styles.base
        let selection = styles.selected
        let isSelectedDay = column.day == calendar.selectedDay
        if base != styles.base {
            canvas.fill(Rect(row: rect.row, column: rect.column, height: min(rect.height, column.slots.count), width: rect.width), style: base)
        }
        var runningUntil: Int64 = 0
        var runningStatus: AppointmentStatus = .pending
        for (offset, slot) in column.slots.enumerated() where offset < rect.height {
            let row = rect.row + offset
            let hour = calendar.firstHour + offset
            let selected = isSelectedDay && hour == calendar.selectedHour
            // A selected hour with several appointments side by side highlights the selected one
            // only; an empty one or a narrow cell (one appointment shown) is highlighted whole.
            let wholeRow = selected && (!detailed || slot.entries.isEmpty)
            let style = wholeRow ? selection : base
            if wholeRow { canvas.fill(Rect(row: row, column: rect.column, height: 1, width: rect.width), style: style) }
            guard let first = slot.entries.first else {
                if runningUntil > slot.start {
                    canvas.put("│", at: Position(row: row, column: rect.column),
                               style: selected ? style : styles.status(runningStatus), maxColumns: 1)
                }
                continue
            }
            var x = rect.column
            let right = rect.column + rect.width
            let shown = detailed ? slot.entries : [first]
            let more = slot.count - shown.count
            let moreText = more <= 0 ? "" : detailed && rect.width >= 40 ? "+\(more) more" : "+\(more)"
            let room = right - DisplayWidth.of(moreText) - (detailed && !moreText.isEmpty ? 1 : 0)
            for (index, entry) in shown.enumerated() where x < room - 2 {
                let isSelected = selected && (!detailed || slot.firstIndex + index == calendar.selectedIndex)
                let entryStyle = isSelected ? selection : style
                if detailed {
                    x += drawMarks(entry, at: Position(row: row, column: x), canvas: canvas, styles: styles, base: entryStyle)
                } else {
                    x += drawCompactMarks(entry, at: Position(row: row, column: x), canvas: canvas, styles: styles)
                }
                let name = TextSanitizer.line(entry.leadName)
                let text = detailed
                    ? timeRange(entry, calendar) + " " + label(entry) + " (" + CalendarViewModel.statusTitle(entry.appointment.status) + ")"
                    : rect.width >= 16 ? calendar.zone.time(entry.start) + " " + name : name
                let width = detailed && shown.count > 1 ? max(8, (room - rect.column) / shown.count - 3) : room - x
                let share = max(0, min(width, room - x))
                let used = canvas.put(fitting(text, share), at: Position(row: row, column: x),
                                      style: isSelected ? selection : styles.status(entry.appointment.status),
                                      maxColumns: share)
                if isSelected, detailed, used < share {
                    // The selected one is highlighted over its whole share of the row.
                    canvas.fill(Rect(row: row, column: x + used, height: 1, width: share - used), style: selection)
                }
                x += used
                x += 1
            }
            if !moreText.isEmpty {
                canvas.put(moreText, at: Position(row: row, column: max(rect.column, right - DisplayWidth.of(moreText))),
                           style: wholeRow ? style : styles.dim, maxColumns: right - max(rect.column, right - DisplayWidth.of(moreText)))
            }
            if let longest = shown.max(by: { $0.end < $1.end }), longest.end > runningUntil {
                runningUntil = longest.end
                runningStatus = longest.appointment.status
            }
        }
    }

    /// The start of `text` that can reach `columns` (two per column: zero-width characters count
    /// too), so the canvas measures and clips a few characters instead of a whole long label.
    static func fitting(_ text: String, _ columns: Int) -> String {
        let limit = 2 * max(0, columns) + 2
        return text.utf8.count <= limit ? text : String(text.prefix(limit))
    }

    /// The sync and collision marks of a narrow cell, only when set (no empty columns).
    static func drawCompactMarks(_ entry: CalendarEntry, at position: Position, canvas: Canvas, styles: CalendarStyles) -> Int {
        var used = 0
        if entry.sync != .none {
            used += canvas.put(LeadListDisplayRow.symbol(for: entry.sync), at: position, style: styles.sync(entry.sync), maxColumns: 1)
        }
        if entry.collides {
            used += canvas.put("×", at: Position(row: position.row, column: position.column + used),
                               style: styles.collision, maxColumns: 1)
        }
        return used
    }

    // MARK: - Week

    /// Seven days side by side with hour rows; today's header highlighted, weekends dimmed.
    static func drawWeek(_ calendar: CalendarViewModel, in rect: Rect, canvas: Canvas, styles: CalendarStyles) {
        let columns = calendar.dayColumns
        guard !columns.isEmpty else { return }
        let width = max(1, (rect.width - gutter) / columns.count)
        let today = calendar.today
        canvas.fill(Rect(row: rect.row, column: rect.column, height: 1, width: rect.width), style: styles.header)
        for (index, column) in columns.enumerated() {
            let d = CalendarZone.date(ofDay: column.day)
            let name = CalendarZone.weekdayNames[CalendarZone.weekday(ofDay: column.day)]
            let text = width >= 11 ? "\(name) \(d.day) \(CalendarZone.monthNames[d.month - 1])" : "\(name) \(d.day)"
            canvas.putPadded(text, at: Position(row: rect.row, column: rect.column + gutter + index * width), width: max(0, width - 1),
                             style: styles.day(column.day, today: today))
        }
        let grid = Rect(row: rect.row + 1, column: rect.column, height: rect.height - 1, width: rect.width)
        drawHourGutter(calendar, rows: columns[0].slots.count, in: grid, canvas: canvas, styles: styles)
        for (index, column) in columns.enumerated() {
            let cells = Rect(row: grid.row, column: grid.column + gutter + index * width, height: grid.height, width: max(0, width - 1))
            drawColumn(calendar, column, in: cells, canvas: canvas, styles: styles, detailed: false)
        }
    }

    // MARK: - Month

    /// Six weeks of seven cells: the day number and count, then the first items that fit.
    static func drawMonth(_ calendar: CalendarViewModel, in rect: Rect, canvas: Canvas, styles: CalendarStyles) {
        let cells = calendar.monthCells
        guard cells.count == 42 else { return }
        let width = max(1, rect.width / 7)
        let height = max(1, (rect.height - 1) / 6)
        let today = calendar.today
        canvas.fill(Rect(row: rect.row, column: rect.column, height: 1, width: rect.width), style: styles.header)
        for index in 0..<7 {
            let day = cells[index].day
            canvas.putPadded(CalendarZone.weekdayNames[CalendarZone.weekday(ofDay: day)],
                             at: Position(row: rect.row, column: rect.column + index * width), width: max(0, width - 1),
                             style: isWeekend(day) ? styles.weekend : styles.header)
        }
        for (index, cell) in cells.enumerated() {
            let top = rect.row + 1 + (index / 7) * height
            let left = rect.column + (index % 7) * width
            guard top < rect.row + rect.height else { break }
            let cellRect = Rect(row: top, column: left, height: min(height, rect.row + rect.height - top), width: max(0, width - 1))
            drawMonthCell(calendar, cell, in: cellRect, canvas: canvas, styles: styles, today: today)
        }
    }

    static func drawMonthCell(_ calendar: CalendarViewModel, _ cell: CalendarMonthCell, in rect: Rect, canvas: Canvas,
                              styles: CalendarStyles, today: Int) {
        guard !rect.isEmpty else { return }
        let selected = cell.day == calendar.selectedDay
        var base = isWeekend(cell.day) || !cell.inMonth ? styles.weekend : styles.base
        if !cell.inMonth { base = base.adding(.dim) }
        let head: Style = selected ? styles.selected : cell.day == today ? styles.today : base
        let number = "\(CalendarZone.date(ofDay: cell.day).day)"
        let collides = cell.entries.contains(where: \.collides)
        canvas.putPadded(number, at: Position(row: rect.row, column: rect.column), width: rect.width, style: head)
        if cell.count > 0, rect.width > DisplayWidth.of(number) + 2 {
            let count = "·\(cell.count)" + (collides ? "×" : "")
            canvas.put(count, at: Position(row: rect.row, column: rect.column + DisplayWidth.of(number) + 1),
                       style: collides && !selected ? styles.collision : head,
                       maxColumns: rect.width - DisplayWidth.of(number) - 1)
        }
        for (offset, entry) in cell.entries.enumerated() where offset + 1 < rect.height {
            let row = rect.row + 1 + offset
            canvas.fill(Rect(row: row, column: rect.column, height: 1, width: rect.width), style: base)
            let used = drawCompactMarks(entry, at: Position(row: row, column: rect.column), canvas: canvas, styles: styles)
            canvas.put(fitting(calendar.zone.time(entry.start) + " " + TextSanitizer.line(entry.leadName), rect.width - used),
                       at: Position(row: row, column: rect.column + used),
                       style: styles.status(entry.appointment.status).adding(cell.inMonth ? [] : .dim),
                       maxColumns: max(0, rect.width - used))
        }
    }
}
