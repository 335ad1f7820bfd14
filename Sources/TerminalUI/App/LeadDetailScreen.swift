import Core
import ViewModels

/// Draws the lead detail view model with `FieldListView`: every field (rejected server messages
/// at the field with the fix/discard keys, conflicts with both values, pending marks), then
/// rejected changes of notes, notes, appointments and recent activities. Keeps the selected
/// field and the scroll offset.
public struct LeadDetailScreen: Sendable {
    /// Index (into `rows`) of the selected entry.
    public private(set) var selected = 1
    /// First laid-out line shown.
    public private(set) var scroll = 0
    /// The list widget.
    public let view = FieldListView(labelWidth: 14)
    /// The rows last laid out, at which width, and their lines (unchanged rows are not wrapped again).
    private var layout: (rows: [FieldRow], width: Int, lines: [FieldListView.Line])?

    /// A screen at the top.
    public init() {}

    /// The entries shown for `detail`; `fields[i]` says which lead field a row edits.
    public static func rows(of detail: LeadDetailViewModel) -> (rows: [FieldRow], fields: [LeadField?]) {
        var rows: [FieldRow] = [.heading(detail.title + (detail.isDeleted ? " (deleted)" : ""))]
        var fields: [LeadField?] = [nil]
        func add(_ row: FieldRow, _ field: LeadField? = nil) { rows.append(row); fields.append(field) }
        if detail.isMissing { add(FieldRow("", "This lead no longer exists.")); return (rows, fields) }
        let conflicts = Dictionary(detail.conflicts.compactMap { c in c.field.map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
        for item in detail.fields {
            var row = FieldRow(item.title, item.value.isEmpty ? "—" : item.value,
                               valueElement: item.field == .status ? LeadStatus(rawValue: item.value).map(ThemeElement.status) : nil,
                               marker: item.isPending ? "*" : nil)
            if item.value.isEmpty { row.valueElement = "dim" }
            if !item.serverMessages.isEmpty {
                row.error = item.serverMessages.joined(separator: " ") + "  [x fix · X discard]"
            }
            if let conflict = conflicts[item.field] {
                row.conflict = "conflict: kept yours (\(conflict.localValue)); server had \(conflict.remoteValue)"
            }
            add(row, item.field)
        }
        for link in detail.conversationLinks { add(FieldRow("Linked", link, valueElement: "dim")) }  // conversation pane
        let otherConflicts = detail.conflicts.filter { $0.field == nil }
        let otherRejected = detail.rejectedChanges.filter { $0.kind != .lead || !$0.otherMessages.isEmpty }
        if !otherRejected.isEmpty || !otherConflicts.isEmpty {
            add(.heading("Sync problems"))
            for change in otherRejected {
                let keys = change.kind == .lead && change.op == .delete ? "  [x retry · X discard]" : "  [x fix · X discard]"
                add(FieldRow("Rejected", change.summary + keys, valueElement: "detail.error"))
            }
            for conflict in otherConflicts {
                add(FieldRow("Conflict", "\(conflict.title): yours \(conflict.localValue) · server \(conflict.remoteValue)",
                             valueElement: "detail.conflict"))
            }
        }
        add(.heading("Notes (\(detail.notes.count))"))
        if detail.notes.isEmpty { add(FieldRow("", "No notes yet (i adds one)", valueElement: "dim")) }
        for note in detail.notes { add(FieldRow(String(note.createdText.prefix(10)), note.author + ": " + note.text)) }
        if !detail.appointments.isEmpty {
            add(.heading("Appointments (\(detail.appointments.count))"))
            for item in detail.appointments {
                add(FieldRow(item.status.rawValue, item.timeText + (item.note.isEmpty ? "" : "  " + item.note)))
            }
        }
        add(.heading("Recent activity (\(detail.activities.count))"))
        if detail.activities.isEmpty { add(FieldRow("", "No activity", valueElement: "dim")) }
        for activity in detail.activities {
            add(FieldRow(activity.type, activity.createdText + "  " + activity.text,
                         valueElement: activity.type == "conflict" ? "detail.conflict" : nil))
        }
        return (rows, fields)
    }

    /// The lead field of the selected entry, if it is one.
    public func selectedField(of detail: LeadDetailViewModel) -> LeadField? {
        let fields = Self.rows(of: detail).fields
        return fields.indices.contains(selected) ? fields[selected] : nil
    }

    /// Moves the selection by `delta` entries, skipping headings.
    public mutating func move(by delta: Int, detail: LeadDetailViewModel) {
        let rows = Self.rows(of: detail).rows
        guard !rows.isEmpty else { return }
        var index = min(max(0, selected), rows.count - 1)
        let step = delta >= 0 ? 1 : -1
        var remaining = abs(delta)
        while remaining > 0 {
            var next = index + step
            while rows.indices.contains(next) && rows[next].isHeading { next += step }
            guard rows.indices.contains(next) else { break }
            index = next
            remaining -= 1
        }
        selected = index
    }

    /// Selects the first (`top`) or last entry.
    public mutating func jump(top: Bool, detail: LeadDetailViewModel) {
        if top { selected = Self.rows(of: detail).rows.firstIndex { !$0.isHeading } ?? 0 }
        else { selected = Self.rows(of: detail).rows.lastIndex { !$0.isHeading } ?? 0 }
    }

    /// Back to the first field, scrolled to the top (a different lead was opened).
    public mutating func reset() {
        selected = 1
        scroll = 0
    }

    /// Draws `detail` into `rect`, scrolling to keep the selection visible.
    public mutating func draw(_ detail: LeadDetailViewModel, in rect: Rect, canvas: Canvas, theme: Theme, focused: Bool) {
        guard !rect.isEmpty else { return }
        let rows = Self.rows(of: detail).rows
        selected = min(max(0, selected), max(0, rows.count - 1))
        if layout?.rows != rows || layout?.width != rect.width {  // wrapping notes is most of a detail frame
            layout = (rows, rect.width, view.layout(rows, width: rect.width))
        }
        let lines = layout?.lines ?? []
        scroll = view.scroll(toShow: selected, in: lines, height: rect.height, current: scroll)
        view.draw(rows, lines: lines, selected: selected, scroll: scroll, in: rect, canvas: canvas,
                  theme: theme, focused: focused)
    }
}
