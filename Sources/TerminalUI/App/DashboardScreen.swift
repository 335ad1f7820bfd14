import Core
import Foundation
import ViewModels

/// Draws the manager dashboard into a rect: header with period, scope and the server check;
/// pipeline bars; speed to lead, stale, trend sparkline and appointments; owner and source
/// tables. One screen at 80×24; wider and taller rects show more columns and lists.
public enum DashboardScreen {
    /// Which glyphs the dashboard draws: block bars and `▁…█` sparklines, or ASCII.
    public struct Glyphs: Sendable, Equatable {
        public var ascii: Bool
        var bar: String { ascii ? "#" : "█" }
        var check: String { ascii ? "ok" : "✓" }
        var delta: String { ascii ? "diff " : "Δ" }

        /// Unicode glyphs, or ASCII with `ascii: true`.
        public init(ascii: Bool) { self.ascii = ascii }

        /// ASCII under `TERM=vt100`/`vt220`/`linux` (no block glyphs in their fonts) or a locale
        /// that is not UTF-8 (LC_ALL, then LC_CTYPE, then LANG).
        public static func forEnvironment(_ environment: [String: String]) -> Glyphs {
            let term = environment["TERM"] ?? ""
            if term == "linux" || term.hasPrefix("vt1") || term.hasPrefix("vt2") { return Glyphs(ascii: true) }
            let locale = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
            let lower = locale.lowercased()
            return Glyphs(ascii: !(lower.contains("utf-8") || lower.contains("utf8")))
        }
    }

    /// Layout choices for a rect width.
    struct Layout {
        let wide: Bool
        let ownerColumns: [DashboardCell.Column]
        let sourceColumns: [DashboardCell.Column]

        init(width: Int) {
            wide = width >= 120
            ownerColumns = DashboardCell.Column.allCases
            sourceColumns = wide ? [.leads, .new, .customers, .pending, .rejected, .appointmentsToday, .appointmentsWeek]
                                 : (width >= 76 ? [.leads, .new, .customers, .pending] : [.leads, .new])
        }
    }

    /// Tells the view model which numbers a rect of `width` columns shows (call before drawing).
    public static func prepare(_ model: inout DashboardViewModel, width: Int) {
        let layout = Layout(width: width)
        if model.ownerColumns != layout.ownerColumns || model.sourceColumns != layout.sourceColumns {
            model.setColumns(owner: layout.ownerColumns, source: layout.sourceColumns)
        }
    }

    /// Draws `model` into `rect`; returns the rows scrolled off the top (pass it back as `scroll`
    /// next frame). With `header` the first row repeats the title (the pane shell shows it in its
    /// title row). A dashboard taller than the rect (many owners, the untouched list at 80×24)
    /// scrolls like a k9s view: just enough to keep the selected number on screen.
    @discardableResult
    public static func draw(_ model: DashboardViewModel, in rect: Rect, canvas: Canvas, theme: Theme,
                            glyphs: Glyphs, focused: Bool = true, header: Bool = true, scroll: Int = 0) -> Int {
        canvas.fill(rect, style: theme.style("normal"))
        guard rect.height > 0, rect.width > 0 else { return 0 }
        let layout = Layout(width: rect.width)
        let content = header ? Rect(row: rect.row + 1, column: rect.column, height: rect.height - 1, width: rect.width) : rect
        func painter(scroll: Int, measuring: Bool, compact: Bool) -> DashboardPainter {
            DashboardPainter(model: model, canvas: canvas, theme: theme, glyphs: glyphs, focused: focused, layout: layout,
                             scroll: scroll, screen: content, measuring: measuring, compact: compact)
        }
        if header { painter(scroll: 0, measuring: false, compact: false).drawHeader(row: rect.row, rect: rect) }
        // One measuring pass, at the width a scrolling frame has (its last column is kept for the
        // marks of more above / below, so nothing they cover: "80▲" for "80%"); a dashboard that
        // fits there is drawn plain at the full width.
        let scrolling = Rect(row: content.row, column: content.column, height: content.height, width: max(0, content.width - 1))
        var measure = painter(scroll: 0, measuring: true, compact: true)
        measure.draw(in: Rect(row: scrolling.row, column: scrolling.column, height: 10_000, width: scrolling.width))
        let scrolledHeight = measure.record.bottom - content.row
        guard model.summary != nil, scrolledHeight > content.height, content.height > 0 else {
            var plain = painter(scroll: 0, measuring: false, compact: false)
            plain.draw(in: content)
            return 0
        }
        let selected = measure.record.selectedRow ?? content.row
        var top = max(0, scroll)
        if selected - 1 - top < content.row { top = selected - 1 - content.row }  // one row above: the heading
        if selected - top >= content.bottom { top = selected - content.bottom + 1 }
        top = min(max(0, top), scrolledHeight - content.height)
        var scrolled = painter(scroll: top, measuring: false, compact: true)
        scrolled.draw(in: Rect(row: content.row, column: content.column, height: scrolledHeight, width: scrolling.width))
        // Where more is: a mark in the last column of the first / last row.
        let dim = theme.style("dim")
        if top > 0 { canvas.putPadded(glyphs.ascii ? "^" : "▲", at: Position(row: content.row, column: content.right - 1), width: 1, style: dim, alignRight: false) }
        if top + content.height < scrolledHeight {
            canvas.putPadded(glyphs.ascii ? "v" : "▼", at: Position(row: content.bottom - 1, column: content.right - 1), width: 1, style: dim, alignRight: false)
        }
        return top
    }
}

/// What a painter pass saw: the row of the selected number and the rows used (virtual rows).
final class DashboardPaintRecord {
    var selectedRow: Int?
    var bottom = 0
}

/// One frame of the dashboard (the drawing code behind `DashboardScreen.draw`). It draws in
/// virtual rows: row `r` lands on screen row `r − scroll` when that is inside `screen`; a
/// measuring pass draws nothing and only records where things are.
struct DashboardPainter {
    let model: DashboardViewModel
    let canvas: Canvas
    let theme: Theme
    let glyphs: DashboardScreen.Glyphs
    let focused: Bool
    let layout: DashboardScreen.Layout
    let scroll: Int
    let screen: Rect
    let measuring: Bool
    /// The scrolling layout: every owner and the whole untouched list, no per-week table.
    let compact: Bool
    let record = DashboardPaintRecord()

    var header: Style { theme.style("list.header") }
    var dim: Style { theme.style("dim") }
    var heading: Style { theme.style("detail.heading") }
    var warning: Style { theme.style("detail.error") }

    init(model: DashboardViewModel, canvas: Canvas, theme: Theme, glyphs: DashboardScreen.Glyphs, focused: Bool,
         layout: DashboardScreen.Layout, scroll: Int, screen: Rect, measuring: Bool, compact: Bool) {
        self.model = model
        self.canvas = canvas
        self.theme = theme
        self.glyphs = glyphs
        self.focused = focused
        self.layout = layout
        self.scroll = scroll
        self.screen = screen
        self.measuring = measuring
        self.compact = compact
    }

    /// Draws the content (everything below the header) into the virtual `rect`.
    mutating func draw(in rect: Rect) {
        guard let summary = model.summary else {
            put("The dashboard could not be read (see the status bar).", row: rect.row + 1, column: rect.column,
                width: rect.width, style: dim)
            return
        }
        let leftWidth = layout.wide ? min(64, rect.width / 2) : rect.width / 2
        let left = Rect(row: rect.row, column: rect.column, height: rect.height, width: leftWidth - 1)
        let right = Rect(row: rect.row, column: rect.column + leftWidth + 1, height: rect.height,
                         width: rect.width - leftWidth - 1)
        var leftRow = drawPipeline(summary, in: left)
        leftRow = drawSpeedAndTrend(summary, row: leftRow, in: left)
        var rightRow = drawSources(summary, in: right)
        // The appointments line goes where there is a free row (beside the sources at 80×24).
        if rightRow < leftRow { rightRow = drawAppointmentsLine(summary, row: rightRow, in: right) }
        else { leftRow = drawAppointmentsLine(summary, row: leftRow, in: left) }
        if layout.wide { rightRow = drawUntouchedList(summary, row: rightRow + 1, in: right) }
        let separatorBottom = max(leftRow, rightRow)
        for row in left.row..<min(separatorBottom, rect.bottom) {
            put(glyphs.ascii ? "|" : "│", row: row, column: rect.column + leftWidth - 1, width: 1, style: dim)
        }
        let ownersTop = separatorBottom
        let remaining = rect.bottom - ownersTop
        if remaining >= 2 {
            let ownerRect = Rect(row: ownersTop, column: rect.column, height: remaining, width: rect.width)
            let used = drawOwners(summary, in: ownerRect)
            var next = ownersTop + used
            if !compact && rect.bottom - next >= 5 { next = drawTrendTable(summary, row: next + 1, in: rect) }
            if !layout.wide && rect.bottom - next >= 2 {
                _ = drawUntouchedList(summary, row: next, in: Rect(row: next, column: rect.column,
                                                                   height: rect.bottom - next, width: rect.width))
            }
        }
    }

    // MARK: - Header and server check

    func drawHeader(row: Int, rect: Rect) {
        canvas.fill(Rect(row: row, column: rect.column, height: 1, width: rect.width), style: theme.style("title"))
        let title = model.headerTitle
        let used = canvas.put(title, at: Position(row: row, column: rect.column), style: theme.style("title").adding(.bold),
                              maxColumns: rect.width)
        guard let summary = model.summary else { return }
        let total = DashboardFormat.count(summary.total) + " leads"
        var variants: [(String, Bool)]
        if let check = model.serverCheck {
            let time = Self.syncTime(check.syncedAt, now: model.now(), zone: model.timeZone)
            if check.difference == 0 {
                variants = [("\(total) · server \(DashboardFormat.count(check.total)) \(glyphs.check) synced \(time)", false),
                            ("\(total) · server \(glyphs.check) \(time)", false), (total, false)]
            } else {
                let signed = (check.difference > 0 ? "+" : "") + DashboardFormat.count(check.difference)
                variants = [("\(total) · server \(DashboardFormat.count(check.total)) \(glyphs.delta)\(signed) synced \(time)", true),
                            ("\(total) · srv \(DashboardFormat.count(check.total)) \(glyphs.delta)\(signed) @\(time)", true),
                            ("\(glyphs.delta)\(signed) @\(time)", true)]
            }
        } else {
            variants = [("\(total) · server: not synced yet", false), (total, false)]
        }
        let room = rect.width - used - 2
        guard let (text, differs) = variants.first(where: { DisplayWidth.of($0.0) <= room }) else { return }
        let style = differs ? theme.style("title").adding(.bold).merging(foreground: warning) : theme.style("title")
        canvas.put(text, at: Position(row: row, column: rect.right - DisplayWidth.of(text)), style: style, maxColumns: room)
    }

    /// "09:14" today, "11-30 09:14" earlier, in the dashboard's zone.
    static func syncTime(_ date: Date, now: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.month, .day, .hour, .minute], from: date)
        let clock = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        if calendar.isDate(date, inSameDayAs: now) { return clock }
        return String(format: "%02d-%02d ", parts.month ?? 0, parts.day ?? 0) + clock
    }

    // MARK: - Pipeline

    /// Status rows with count, share, server count and a bar; returns the next free row.
    func drawPipeline(_ summary: DashboardSummary, in rect: Rect) -> Int {
        var row = rect.row
        put("Pipeline", row: row, column: rect.column, width: rect.width, style: heading)
        if let check = model.serverCheck {
            let time = Self.syncTime(check.syncedAt, now: model.now(), zone: model.timeZone)
            let signed = (check.difference > 0 ? "+" : "") + DashboardFormat.count(check.difference)
            let text = check.difference == 0 ? "server \(glyphs.check) @\(time)" : "server \(glyphs.delta)\(signed) @\(time)"
            let width = DisplayWidth.of(text)
            put(text, row: row, column: max(rect.column + 9, rect.column + 28 - width), width: width,
                style: check.difference == 0 ? dim : warning)
        } else if rect.width >= 30 {
            put("server: not synced", row: row, column: rect.column + 12, width: 18, style: dim)
        }
        row += 1
        let top = max(1, summary.byStatus.map(\.count).max() ?? 1)
        let barStart = rect.column + (summary.server != nil ? 28 : 21)
        let descriptions = summary.byStatus.map { summary.server?.status($0.status)?.description ?? $0.status.summary }
        let labelWidth = layout.wide ? min(24, descriptions.map(DisplayWidth.of).max() ?? 0) : 0
        let barWidth = max(0, rect.right - barStart - 1 - (labelWidth > 0 ? labelWidth + 1 : 0))
        for entry in summary.byStatus where row < rect.bottom {
            let status = entry.status
            let label = summary.server?.status(status)?.description
            put(status.rawValue, row: row, column: rect.column, width: 10, style: theme.style(for: status))
            number(.status(status), entry.count, row: row, column: rect.column + 10, width: 7)
            put(DashboardFormat.percent(summary.share(status)), row: row, column: rect.column + 17, width: 4, style: dim, right: true)
            if let server = summary.server {
                let remote = server.status(status)?.count ?? 0
                put(DashboardFormat.count(remote), row: row, column: rect.column + 21, width: 7,
                    style: remote == entry.count ? dim : warning, right: true)
            }
            let length = entry.count == 0 ? 0 : max(1, Int((Double(entry.count) / Double(top) * Double(barWidth - 1)).rounded()))
            if barWidth > 1 {
                let text = String(repeating: glyphs.bar, count: min(barWidth - 1, length))
                put(text, row: row, column: barStart + 1, width: barWidth - 1, style: barStyle(status, summary: summary))
            }
            if labelWidth > 0 {
                put(TextSanitizer.line(label ?? status.summary), row: row, column: barStart + barWidth + 1, width: labelWidth, style: dim)
            }
            row += 1
        }
        if row < rect.bottom {
            put("total", row: row, column: rect.column, width: 10, style: dim)
            number(.total, summary.total, row: row, column: rect.column + 10, width: 7)
            if let server = summary.server {
                put(DashboardFormat.count(server.total), row: row, column: rect.column + 21, width: 7,
                    style: server.total == summary.total ? dim : warning, right: true)
            }
            row += 1
        }
        return row
    }

    /// The vendor's `Color` for a status when synced and the theme colours statuses; else the theme's.
    func barStyle(_ status: LeadStatus, summary: DashboardSummary) -> Style {
        let themed = theme.style(for: status)
        guard theme.colorsEnabled, themed.foreground != .default,
              let name = summary.server?.status(status)?.color, let color = Color(parsing: name.trimmingCharacters(in: .whitespaces))
        else { return themed }
        return Style(foreground: color, background: themed.background, attributes: themed.attributes)
    }

    // MARK: - Speed, stale, trend, appointments

    func drawSpeedAndTrend(_ summary: DashboardSummary, row start: Int, in rect: Rect) -> Int {
        var row = start
        let speed = summary.speedToLead
        guard row < rect.bottom else { return row }
        let median = DashboardFormat.duration(speed.medianSeconds), p90 = DashboardFormat.duration(speed.p90Seconds)
        var first = "Speed to lead  median \(median)  p90 \(p90)"
        // Keep a blank column before the pane's separator: "…23h53m│" reads as one word.
        if first.count >= rect.width { first = "Speed to lead median \(median) p90 \(p90)" }
        put(first + (layout.wide ? "  (\(DashboardFormat.count(speed.touched)) touched)" : ""), row: row, column: rect.column,
            width: rect.width, style: theme.style("normal"))
        row += 1
        guard row < rect.bottom else { return row }
        put("Untouched", row: row, column: rect.column, width: 10, style: theme.style("normal"))
        number(.untouched, speed.untouched, row: row, column: rect.column + 10, width: 7)
        put("Stale \(summary.query.staleDays)d", row: row, column: rect.column + 19, width: 9, style: theme.style("normal"))
        number(.stale, summary.stale, row: row, column: rect.column + 28, width: 8)
        row += 1
        guard row < rect.bottom else { return row }
        let spark = DashboardFormat.sparkline(summary.weeklyCreated, ascii: glyphs.ascii)
        put("New/week", row: row, column: rect.column, width: 10, style: theme.style("normal"))
        put(spark, row: row, column: rect.column + 10, width: 12, style: heading)
        put("this wk \(DashboardFormat.count(summary.weeklyCreated.last ?? 0))", row: row, column: rect.column + 23,
            width: rect.width - 23, style: dim)
        return row + 1
    }

    /// "Appts M-S ▄▃▇██▄▃ week 23" (wide: the seven numbers).
    func drawAppointmentsLine(_ summary: DashboardSummary, row: Int, in rect: Rect) -> Int {
        guard row < rect.bottom else { return row }
        let perDay = summary.appointmentsPerDay
        put("Appts M-S", row: row, column: rect.column, width: 10, style: theme.style("normal"))
        if layout.wide {
            put(perDay.map { String($0) }.joined(separator: " "), row: row, column: rect.column + 10, width: rect.width - 10, style: heading)
        } else {
            put(DashboardFormat.sparkline(perDay, ascii: glyphs.ascii), row: row, column: rect.column + 10, width: 7, style: heading)
            put("week \(DashboardFormat.count(perDay.reduce(0, +)))", row: row, column: rect.column + 23, width: rect.width - 23, style: dim)
        }
        return row + 1
    }

    // MARK: - Tables

    func drawSources(_ summary: DashboardSummary, in rect: Rect) -> Int {
        var row = rect.row
        let columns = layout.sourceColumns
        put("Source", row: row, column: rect.column, width: 10, style: header)
        var x = rect.column + 10
        for column in columns {
            put(column.heading, row: row, column: x, width: 6, style: header, right: true)
            x += 6
        }
        put("Conv", row: row, column: x, width: 5, style: header, right: true)
        row += 1
        for source in summary.bySource where row < rect.bottom {
            put(source.source?.rawValue ?? "(none)", row: row, column: rect.column, width: 10, style: theme.style("normal"))
            x = rect.column + 10
            for column in columns {
                if let name = source.source {
                    number(.source(name, column), column.value(source.numbers), row: row, column: x, width: 6, gap: true)
                } else {
                    put(DashboardFormat.count(column.value(source.numbers), fitting: 6, gap: true), row: row, column: x, width: 6, style: dim, right: true)
                }
                x += 6
            }
            put(source.numbers.conversion.map(DashboardFormat.percent) ?? "-", row: row, column: x, width: 5, style: dim, right: true)
            row += 1
        }
        return row
    }

    /// The owner table with a totals row; scrolls to keep a selected owner visible. Returns rows used.
    func drawOwners(_ summary: DashboardSummary, in rect: Rect) -> Int {
        let columns = layout.ownerColumns
        let widths: [DashboardCell.Column: Int] = [.leads: 7, .new: 6, .customers: 6, .pending: 5, .rejected: 4,
                                                   .appointmentsToday: 4, .appointmentsWeek: 4, .untouched: 6, .stale: 6]
        let nameWidth = layout.wide ? 14 : 8
        var row = rect.row
        put("Owner", row: row, column: rect.column, width: nameWidth, style: header)
        var x = rect.column + nameWidth
        func heading(_ text: String, _ width: Int) {
            put(text, row: row, column: x, width: width, style: header, right: true)
            x += width
        }
        for column in columns {
            if column == .untouched {
                heading("Conv", 5)
                heading("Med", 7)
                heading("P90", 7)
            }
            heading(column.heading, widths[column] ?? 6)
        }
        row += 1
        let bodyRows = rect.bottom - row - 1  // last row: totals
        guard bodyRows > 0 else { return row - rect.row }
        var first = 0
        if case .owner(let selected, _) = model.selection, let index = summary.byOwner.firstIndex(where: { $0.owner == selected }) {
            first = max(0, index - bodyRows + 1)
        }
        for owner in summary.byOwner.dropFirst(first).prefix(bodyRows) {
            let g = owner.numbers
            put(TextSanitizer.line(owner.owner), row: row, column: rect.column, width: nameWidth - 1, style: theme.style("normal"))
            x = rect.column + nameWidth
            for column in columns {
                if column == .untouched {
                    put(g.conversion.map(DashboardFormat.percent) ?? "-", row: row, column: x, width: 5, style: dim, right: true)
                    put(DashboardFormat.duration(g.speedToLead.medianSeconds), row: row, column: x + 5, width: 7, style: dim, right: true)
                    put(DashboardFormat.duration(g.speedToLead.p90Seconds), row: row, column: x + 12, width: 7, style: dim, right: true)
                    x += 19
                }
                let width = widths[column] ?? 6
                number(.owner(owner.owner, column), column.value(g), row: row, column: x, width: width, gap: true)
                x += width
            }
            row += 1
        }
        let hidden = summary.byOwner.count - min(summary.byOwner.count, bodyRows)
        let label = hidden > 0 ? "+\(hidden) more" : "all"
        put(label, row: row, column: rect.column, width: nameWidth, style: dim)
        var totals = DashboardGroup()
        for owner in summary.byOwner {
            let g = owner.numbers
            totals.leads += g.leads; totals.new += g.new; totals.customers += g.customers; totals.closed += g.closed
            totals.pending += g.pending; totals.rejected += g.rejected
            totals.appointmentsToday += g.appointmentsToday; totals.appointmentsWeek += g.appointmentsWeek
        }
        totals.speedToLead = summary.speedToLead
        totals.stale = summary.stale
        x = rect.column + nameWidth
        for column in columns {
            if column == .untouched {
                put(totals.conversion.map(DashboardFormat.percent) ?? "-", row: row, column: x, width: 5, style: dim, right: true)
                put(DashboardFormat.duration(totals.speedToLead.medianSeconds), row: row, column: x + 5, width: 7, style: dim, right: true)
                put(DashboardFormat.duration(totals.speedToLead.p90Seconds), row: row, column: x + 12, width: 7, style: dim, right: true)
                x += 19
            }
            let width = widths[column] ?? 6
            put(DashboardFormat.count(column.value(totals), fitting: width, gap: true), row: row, column: x, width: width, style: dim, right: true)
            x += width
        }
        return row + 1 - rect.row
    }

    /// Tall rects: leads created per week (with each week's Monday) and appointments per day.
    func drawTrendTable(_ summary: DashboardSummary, row start: Int, in rect: Rect) -> Int {
        var row = start
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = model.timeZone
        func dayLabel(_ seconds: Int64) -> String {
            let parts = calendar.dateComponents([.month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            return String(format: "%02d-%02d", parts.month ?? 0, parts.day ?? 0)
        }
        let cell = 7
        let weeks = min(summary.weeklyCreated.count, max(0, (rect.width - 14) / cell))
        put("Created/week", row: row, column: rect.column, width: 14, style: heading)
        put("Appointments", row: row + 2, column: rect.column, width: 14, style: heading)
        for (i, start) in summary.bounds.trendWeekStarts.suffix(weeks).enumerated() {
            put(dayLabel(start), row: row, column: rect.column + 14 + i * cell, width: cell, style: dim, right: true)
        }
        for (i, count) in summary.weeklyCreated.suffix(weeks).enumerated() {
            put(DashboardFormat.count(count), row: row + 1, column: rect.column + 14 + i * cell, width: cell,
                style: theme.style("normal"), right: true)
        }
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        for (i, count) in summary.appointmentsPerDay.enumerated() where 14 + (i + 1) * cell <= rect.width {
            put(days[i] + " " + dayLabel(summary.bounds.weekDayStarts[i]).suffix(2), row: row + 2,
                column: rect.column + 14 + i * cell, width: cell, style: dim, right: true)
            put(DashboardFormat.count(count), row: row + 3, column: rect.column + 14 + i * cell, width: cell,
                style: theme.style("normal"), right: true)
        }
        row += 4
        return row
    }

    /// "Untouched, oldest first" with as many leads as fit; returns the next free row.
    func drawUntouchedList(_ summary: DashboardSummary, row start: Int, in rect: Rect) -> Int {
        var row = start
        guard row < rect.bottom, !summary.untouchedOldest.isEmpty else { return row }
        put("Untouched, oldest first", row: row, column: rect.column, width: rect.width, style: heading)
        row += 1
        for lead in summary.untouchedOldest where row < rect.bottom {
            let age = DashboardFormat.duration(max(0, Int64(model.now().timeIntervalSince(lead.createdAt))))
            put(age, row: row, column: rect.column, width: 7, style: warning, right: true)
            let selected = model.selection == .untouchedLead(lead.id)
            if selected { record.selectedRow = row }
            put(TextSanitizer.line(lead.name), row: row, column: rect.column + 8, width: max(0, rect.width - 8 - 10),
                style: selected ? selectedStyle : theme.style("normal"))
            put(TextSanitizer.line(lead.owner), row: row, column: rect.right - 9, width: 9, style: dim)
            row += 1
        }
        return row
    }

    // MARK: - Cells

    /// A selectable number (selected style when it is the cursor), right-aligned; in a table (`gap`) a long one is shortened ("11.1k") so a
    /// column stays free before it.
    func number(_ cell: DashboardCell, _ value: Int, row: Int, column: Int, width: Int, gap: Bool = false) {
        let selected = model.selection == cell
        if selected { record.selectedRow = row }
        put(DashboardFormat.count(value, fitting: width, gap: gap), row: row, column: column, width: width, style: selected ? selectedStyle : theme.style("normal"),
            right: true)
    }

    /// The cursor's style (dimmed and reversed when the pane has no focus).
    var selectedStyle: Style { theme.style(focused ? "list.selected" : "dim").adding(focused ? [] : .reverse) }

    /// Text at virtual `row` (drawn when it lands inside `screen`; recorded either way).
    func put(_ text: String, row: Int, column: Int, width: Int, style: Style, right: Bool = false) {
        guard width > 0, row >= 0 else { return }
        record.bottom = max(record.bottom, row + 1)
        let y = row - scroll
        guard !measuring, y >= screen.row, y < screen.bottom else { return }
        canvas.putPadded(text, at: Position(row: y, column: column), width: width, style: style, alignRight: right)
    }
}

extension Style {
    /// This style with the foreground of `other` (for a warning inside a coloured bar).
    func merging(foreground other: Style) -> Style {
        var copy = self
        copy.foreground = other.foreground
        return copy
    }
}
