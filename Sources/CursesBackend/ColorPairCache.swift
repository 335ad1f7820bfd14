internal import CNcursesw
import TerminalUI

/// Maps styles to curses attributes and colour pairs, allocating each (fg, bg) pair once.
///
/// The terminal's own colours get a pair of their own too (when the terminal has default colours):
/// ncurses reaches pair 0 with plain attributes by `op` *and* `sgr0` (`ESC[39;49m ESC[m`), while
/// a switch to another pair is only the colours that change (`ESC[39m`), so every return from a
/// coloured cell to plain text costs 3–7 bytes less. The cells look the same.
final class ColorPairCache {
    let depth: ColorDepth
    let defaultColorsAvailable: Bool
    private var pairs: [PairKey: Int32] = [:]
    private var styles: [Style: (attributes: attr_t, pair: Int32)] = [:]
    private var recent: [(style: Style, resolved: (attributes: attr_t, pair: Int32))] = []
    private var nextPair: Int32 = 1
    private let maxPairs: Int32

    struct PairKey: Hashable { let foreground: Int32; let background: Int32 }

    init(depth: ColorDepth, defaultColorsAvailable: Bool, maxPairs: Int32) {
        self.depth = depth
        self.defaultColorsAvailable = defaultColorsAvailable
        self.maxPairs = maxPairs
    }

    /// Attributes and pair number for `style`.
    func resolve(_ style: Style) -> (attributes: attr_t, pair: Int32) {
        if let recent = recent.first(where: { $0.style == style }) { return recent.resolved }  // a row's few styles: no hashing
        if let known = styles[style] {
            remember(style, known)
            return known
        }
        var attributes = attr_t(closer_a_normal())
        if style.attributes.contains(.bold) { attributes |= attr_t(closer_a_bold()) }
        if style.attributes.contains(.underline) { attributes |= attr_t(closer_a_underline()) }
        if style.attributes.contains(.reverse) { attributes |= attr_t(closer_a_reverse()) }
        if style.attributes.contains(.dim) { attributes |= attr_t(closer_a_dim()) }
        if style.attributes.contains(.italic) { attributes |= attr_t(closer_a_italic()) }
        let result = (attributes, pair(foreground: style.foreground, background: style.background))
        styles[style] = result
        remember(style, result)
        return result
    }

    /// Keeps the last few styles resolved (a table row switches between four or five).
    private func remember(_ style: Style, _ resolved: (attributes: attr_t, pair: Int32)) {
        if recent.count == 6 { recent.removeLast() }
        recent.insert((style, resolved), at: 0)
    }

    private func pair(foreground: Color, background: Color) -> Int32 {
        guard depth != .none else { return 0 }
        let key = PairKey(foreground: number(foreground, isForeground: true), background: number(background, isForeground: false))
        if let known = pairs[key] { return known }
        guard nextPair < maxPairs else { return 0 }  // out of pairs: terminal colours rather than failure
        let pair = nextPair
        guard init_extended_pair(pair, key.foreground, key.background) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

    /// The curses colour number for `color` on this terminal (-1 = the terminal's own).
    func number(_ color: Color, isForeground: Bool) -> Int32 {
        switch color.approximated(for: depth) {
        case .default:
            if defaultColorsAvailable { return -1 }
            return isForeground ? 7 : 0
        case .indexed(let index):
            if depth == .direct && index >= 8 {  // direct-colour terminfo reads numbers ≥ 8 as RGB
                let rgb = Color.rgbValue(index: index)
                return Int32(rgb.r) << 16 | Int32(rgb.g) << 8 | Int32(rgb.b)
            }
            return Int32(index)
        case .rgb(let r, let g, let b):
            return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
        }
    }
}
