import Core
import Store

/// Lead rows as an aligned text table for a terminal. Every cell goes through
/// `TextSanitizer.line` (the data may come from a CSV or a server) and is padded by display
/// width, so CJK and emoji line up; long cells end in "…".
struct LeadTable {
    /// A column: title, the most columns it may take, and how to read its cell.
    struct Column: Sendable {
        let title: String
        let maxWidth: Int
        let alignRight: Bool
        let cell: @Sendable (Lead, SyncMark) -> String
    }

    static let columns: [Column] = [
        Column(title: "ID", maxWidth: 10, alignRight: true) { lead, _ in String(lead.id) },
        Column(title: "NAME", maxWidth: 28, alignRight: false) { lead, _ in lead.displayName },
        Column(title: "E-MAIL", maxWidth: 34, alignRight: false) { lead, _ in lead.email },
        Column(title: "PHONE", maxWidth: 16, alignRight: false) { lead, _ in lead.phone },
        Column(title: "COMPANY", maxWidth: 24, alignRight: false) { lead, _ in lead.company },
        Column(title: "STATUS", maxWidth: 9, alignRight: false) { lead, _ in lead.status.rawValue },
        Column(title: "SOURCE", maxWidth: 9, alignRight: false) { lead, _ in lead.source?.rawValue ?? "" },
        Column(title: "OWNER", maxWidth: 14, alignRight: false) { lead, _ in lead.owner },
        Column(title: "SYNC", maxWidth: 8, alignRight: false) { _, mark in syncText(mark) },
    ]

    /// The SYNC cell: empty when in sync, else the outbox state the lead is in.
    static func syncText(_ mark: SyncMark) -> String {
        switch mark {
        case .none: return ""
        case .pending: return "pending"
        case .rejected: return "rejected"
        case .conflict: return "conflict"
        case .deletedRemotely: return "deleted"
        }
    }

    /// Column widths that fit the titles and `sample` rows, within each column's maximum.
    static func widths(for sample: [(Lead, SyncMark)]) -> [Int] {
        columns.map { column in
            let widest = sample.map { DisplayWidth.of(TextSanitizer.line(column.cell($0.0, $0.1))) }.max() ?? 0
            return min(column.maxWidth, max(DisplayWidth.of(column.title), widest))
        }
    }

    /// The title line.
    static func header(widths: [Int]) -> String {
        line(columns.map(\.title), widths: widths)
    }

    /// One lead's line.
    static func row(_ lead: Lead, mark: SyncMark, widths: [Int]) -> String {
        line(columns.map { TextSanitizer.line($0.cell(lead, mark)) }, widths: widths)
    }

    private static func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let column = columns[index]
            parts.append(DisplayWidth.fit(cell, to: widths[index], alignRight: column.alignRight))
        }
        var text = parts.joined(separator: "  ")
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
