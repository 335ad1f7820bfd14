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
}
