import Foundation

/// How dashboard numbers read: percentages, durations, sparklines. Shared by the screen and
/// `closer overview`, so both say the same thing.
public enum DashboardFormat {
    /// The eight bar heights of a sparkline, and the ASCII ones for terminals without them.
    public static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public static let asciiBlocks: [Character] = ["_", ".", "-", "=", "#"]

    /// "42%" (whole percent; "<1%" for a small non-zero share).
    public static func percent(_ share: Double) -> String {
        if share > 0 && share < 0.005 { return "<1%" }
        return "\(Int((share * 100).rounded()))%"
    }

    /// "45s", "12m", "3h20m", "2d4h" ("-" when there is no value).
    public static func duration(_ seconds: Int64?) -> String {
        guard let seconds else { return "-" }
        switch seconds {
        case ..<60: return "\(max(0, seconds))s"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86_400: return "\(seconds / 3600)h" + (seconds % 3600 / 60 == 0 ? "" : "\(seconds % 3600 / 60)m")
        default: return "\(seconds / 86_400)d" + (seconds % 86_400 / 3600 == 0 ? "" : "\(seconds % 86_400 / 3600)h")
        }
    }

    /// One character per value, scaled to the largest (0 is the lowest bar; all zero: all lowest).
    public static func sparkline(_ values: [Int], ascii: Bool) -> String {
        let levels = ascii ? asciiBlocks : blocks
        let top = values.max() ?? 0
        return String(values.map { value -> Character in
            guard top > 0, value > 0 else { return levels[0] }
            let index = 1 + Int((Double(value) / Double(top) * Double(levels.count - 2)).rounded())
            return levels[min(levels.count - 1, max(1, index))]
        })
    }

    /// A count with thousands separators ("1,000,000").
    public static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// `count(value)` when it fits in `width` columns (`width − 1` with `gap`: one column stays free
    /// between two right-aligned table cells), else a short form that does: "11.1k", "125.3k",
    /// "1.0M", then "11k", "1M"; a value that fits no form comes back exact (the cell cuts it).
    public static func count(_ value: Int, fitting width: Int, gap: Bool = false) -> String {
        let room = gap ? width - 1 : width
        let exact = count(value)
        guard exact.count > room else { return exact }
        let magnitude = abs(value), sign = value < 0 ? "-" : ""
        var forms: [String] = []
        // thousands below 999,950 (it would read "1000.0k"), millions from 950,000 ("0.95M" reads "1.0M")
        for (scale, suffix) in [(1_000.0, "k"), (1_000_000.0, "M")] where Double(magnitude) >= scale * 0.95 && Double(magnitude) < scale * 999.95 {
            let scaled = Double(magnitude) / scale
            forms += [String(format: "%.1f", scaled), String(format: "%.0f", scaled)].map { sign + $0 + suffix }
        }
        return forms.first { $0.count <= room } ?? forms.first { $0.count <= width } ?? exact
    }
}
