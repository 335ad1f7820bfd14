import Core

/// Lead rows as an aligned text table for a terminal. Every cell goes through
/// `TextSanitizer.line` (the data may come from a CSV or a server) and is padded by display
/// width, so CJK and emoji line up; long cells end in "…".
struct LeadTable {
    /// A column: title, the most columns it may take, and how to read its cell.
    struct Column: Sendable {
        let title: String
        let maxWidth: Int
        let alignRight: Bool
        let cell: @Sendable (Lead) -> String
    }

    static let columns: [Column] = [
        Column(title: "ID", maxWidth: 10, alignRight: true) { String($0.id) },
        Column(title: "NAME", maxWidth: 28, alignRight: false) { $0.displayName },
        Column(title: "E-MAIL", maxWidth: 34, alignRight: false) { $0.email },
        Column(title: "PHONE", maxWidth: 16, alignRight: false) { $0.phone },
        Column(title: "COMPANY", maxWidth: 24, alignRight: false) { $0.company },
        Column(title: "STATUS", maxWidth: 9, alignRight: false) { $0.status.rawValue },
        Column(title: "SOURCE", maxWidth: 9, alignRight: false) { $0.source?.rawValue ?? "" },
        Column(title: "OWNER", maxWidth: 14, alignRight: false) { $0.owner },
    ]

    /// Column widths that fit the titles and `sample` rows, within each column's maximum.
    static func widths(for sample: [Lead]) -> [Int] {
        columns.map { column in
            let widest = sample.map { DisplayWidth.of(TextSanitizer.line(column.cell($0))) }.max() ?? 0
            return min(column.maxWidth, max(DisplayWidth.of(column.title), widest))
        }
    }

    /// The title line.
    static func header(widths: [Int]) -> String {
        line(columns.map(\.title), widths: widths)
    }

    /// One lead's line.
    static func row(_ lead: Lead, widths: [Int]) -> String {
        line(columns.map { TextSanitizer.line($0.cell(lead)) }, widths: widths)
    }

    private static func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let column = columns[index]
            var text = DisplayWidth.fit(cell, to: widths[index], alignRight: column.alignRight)
            if index == cells.count - 1 { while text.hasSuffix(" ") { text.removeLast() } }
            parts.append(text)
        }
        return parts.joined(separator: "  ")
    }
}
