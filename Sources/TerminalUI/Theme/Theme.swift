import Core

/// One `color` line: colours (or `nil` = inherit from the parent) and attributes.
public struct ThemeEntry: Hashable, Sendable {
    /// Foreground, `nil` to inherit.
    public var foreground: Color?
    /// Background, `nil` to inherit.
    public var background: Color?
    /// Attributes (not inherited: a defined element says all of its own).
    public var attributes: TextAttributes

    /// An entry.
    public init(foreground: Color?, background: Color?, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Styles for the screen's elements, with inheritance, and colour switched off under `NO_COLOR`.
public struct Theme: Sendable {
    /// The `color` lines read, by element.
    public private(set) var entries: [String: ThemeEntry] = [:]
    /// Whether colours are shown; `false` keeps attributes only (and reverse on focus).
    public var colorsEnabled: Bool { didSet { rebuild() } }
    private var resolved: [String: Style] = [:]

    /// An empty theme (everything in the terminal's own colours).
    public init(colorsEnabled: Bool = true) {
        self.colorsEnabled = colorsEnabled
        rebuild()
    }

    /// Defines (or redefines) `element`.
    public mutating func define(_ element: String, _ entry: ThemeEntry) {
        entries[element] = entry
        rebuild()
    }

    /// Defines many elements at once (one rebuild).
    public mutating func define(_ list: [(String, ThemeEntry)]) {
        for (element, entry) in list { entries[element] = entry }
        rebuild()
    }

    /// The style of `element`, resolved through its parents.
    public func style(_ element: String) -> Style {
        if let style = resolved[element] { return style }
        return resolve(element)
    }

    /// The style of a lead status (`status.<wire value>`).
    public func style(for status: LeadStatus) -> Style { style(ThemeElement.status(status)) }

    private mutating func rebuild() {
        var table: [String: Style] = [:]
        for element in ThemeElement.all { table[element] = resolve(element) }
        resolved = table
    }

    private func resolve(_ element: String) -> Style {
        var style = resolveColours(element)
        if !colorsEnabled {
            style.foreground = .default
            style.background = .default
            if ThemeElement.focusElements.contains(element) { style.attributes.insert(.reverse) }
        }
        return style
    }

    private func resolveColours(_ element: String) -> Style {
        let parentStyle = ThemeElement.parent(of: element).map(resolveColours) ?? .plain
        guard let entry = entries[element] else { return parentStyle }
        return Style(foreground: entry.foreground ?? parentStyle.foreground,
                     background: entry.background ?? parentStyle.background,
                     attributes: entry.attributes)
    }
}
