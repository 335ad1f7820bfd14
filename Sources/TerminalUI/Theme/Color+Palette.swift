/// The xterm palette as RGB, used to approximate colours on terminals with fewer of them.
extension Color {
    typealias RGB = (r: UInt8, g: UInt8, b: UInt8)

    /// xterm's default RGB for the sixteen basic colours.
    static let basicRGB: [RGB] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of palette entry `index` in xterm's 256-colour palette.
    static func rgbOf(index: UInt8) -> RGB {
        let i = Int(index)
        if i < 16 { return basicRGB[i] }
        if i >= 232 { let v = UInt8(8 + (i - 232) * 10); return (v, v, v) }
        let c = i - 16
        return (UInt8(cubeLevels[c / 36]), UInt8(cubeLevels[(c / 6) % 6]), UInt8(cubeLevels[c % 6]))
    }

    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
        return dr * dr * 3 + dg * dg * 4 + db * db * 2
    }

    /// Nearest entry of the 6×6×6 cube or the grey ramp (16–255).
    static func nearest256(_ rgb: RGB) -> UInt8 {
        func level(_ v: UInt8) -> Int {
            var best = 0
            for (n, l) in cubeLevels.enumerated() where abs(l - Int(v)) < abs(cubeLevels[best] - Int(v)) { best = n }
            return best
        }
        let cube = UInt8(16 + 36 * level(rgb.r) + 6 * level(rgb.g) + level(rgb.b))
        let average = (Int(rgb.r) + Int(rgb.g) + Int(rgb.b)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let grey = UInt8(232 + greyStep)
        return distance(rgbOf(index: grey), rgb) < distance(rgbOf(index: cube), rgb) ? grey : cube
    }

    /// Nearest of the basic eight, choosing by hue so that dark reds stay red rather than black.
    static func nearestBasic(_ rgb: RGB) -> UInt8 {
        let maxC = max(rgb.r, rgb.g, rgb.b), minC = min(rgb.r, rgb.g, rgb.b)
        if Int(maxC) - Int(minC) < 40 {  // grey-ish: black or white
            return maxC < 100 ? 0 : 7
        }
        let threshold = (Int(maxC) + Int(minC)) / 2
        let r: UInt8 = Int(rgb.r) > threshold ? 1 : 0
        let g: UInt8 = Int(rgb.g) > threshold ? 2 : 0
        let b: UInt8 = Int(rgb.b) > threshold ? 4 : 0
        return r | g | b
    }

    /// Nearest of the sixteen basic and bright colours.
    static func nearestBasic16(_ rgb: RGB) -> UInt8 {
        var best = 0
        for i in 1..<16 where distance(basicRGB[i], rgb) < distance(basicRGB[best], rgb) { best = i }
        return UInt8(best)
    }
}

extension Color {
    /// The xterm RGB value of palette entry `index` (for back ends that need RGB).
    public static func rgbValue(index: UInt8) -> (r: UInt8, g: UInt8, b: UInt8) { rgbOf(index: index) }
}
