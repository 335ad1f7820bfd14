/// A terminal colour: the terminal's own (`default`), a palette index 0–255 (0–7 the basic eight,
/// 8–15 their bright variants), or a 24-bit RGB value.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background colour.
    case `default`
    /// A palette entry 0–255.
    case indexed(UInt8)
    /// A 24-bit colour, shown as-is on direct-colour terminals and approximated elsewhere.
    case rgb(UInt8, UInt8, UInt8)

    /// The basic eight names in palette order; "bright" variants add 8.
    public static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses a theme colour: a name (`red`, `brightred`, `bright-red`, `default`), 0–255, or `#rrggbb`.
    public init?(parsing text: String) {
        let name = text.lowercased()
        if name == "default" || name == "-1" { self = .default; return }
        if let index = Color.basicNames.firstIndex(of: name) { self = .indexed(UInt8(index)); return }
        for prefix in ["bright-", "bright_", "bright"] where name.hasPrefix(prefix) {
            if let index = Color.basicNames.firstIndex(of: String(name.dropFirst(prefix.count))) {
                self = .indexed(UInt8(index + 8)); return
            }
        }
        if name == "grey" || name == "gray" { self = .indexed(8); return }
        if let number = Int(name), (0...255).contains(number) { self = .indexed(UInt8(number)); return }
        if name.hasPrefix("#"), name.count == 7, let value = UInt32(name.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
            return
        }
        if name.hasPrefix("color"), let number = Int(name.dropFirst(5)), (0...255).contains(number) {
            self = .indexed(UInt8(number)); return
        }
        return nil
    }

    /// The nearest colour a terminal of `depth` can show (`default` stays `default`).
    public func approximated(for depth: ColorDepth) -> Color {
        switch (self, depth) {
        case (.default, _), (_, .none): return .default
        case (_, .direct): return self
        case (.indexed(let i), .indexed256): return .indexed(i)
        case (.indexed(let i), .basic8): return i < 8 ? .indexed(i) : (i < 16 ? .indexed(i - 8) : .indexed(Color.nearestBasic(Color.rgbOf(index: i))))
        case (.indexed(let i), .basic16): return i < 16 ? .indexed(i) : .indexed(Color.nearestBasic16(Color.rgbOf(index: i)))
        case (.rgb(let r, let g, let b), .indexed256): return .indexed(Color.nearest256((r, g, b)))
        case (.rgb(let r, let g, let b), .basic16): return .indexed(Color.nearestBasic16((r, g, b)))
        case (.rgb(let r, let g, let b), .basic8): return .indexed(Color.nearestBasic((r, g, b)))
        }
    }
}

/// How many colours a terminal can show.
public enum ColorDepth: Int, Sendable, Comparable {
    /// No colour at all (monochrome terminal or `NO_COLOR`): attributes only.
    case none = 0
    /// The basic eight.
    case basic8 = 8
    /// The basic eight plus bright variants.
    case basic16 = 16
    /// The xterm 256-colour palette.
    case indexed256 = 256
    /// 24-bit direct colour.
    case direct = 16_777_216

    /// The depth for a terminal reporting `colors` colours (terminfo `colors`) and direct-colour support.
    public init(colors: Int, direct: Bool) {
        if direct && colors >= 0x1000000 { self = .direct }
        else if colors >= 256 { self = .indexed256 }
        else if colors >= 16 { self = .basic16 }
        else if colors >= 8 { self = .basic8 }
        else { self = .none }
    }

    /// Orders depths by how many colours they show.
    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}
