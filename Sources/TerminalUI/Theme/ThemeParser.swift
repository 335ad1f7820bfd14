/// Reads theme files:
///
///     color <element> <fg> <bg> [bold|underline|reverse|dim|italic]...
///     include FILE
///     # comment
///
/// Colours: a name (`red`, `brightred`), `default` (the terminal's own), 0–255, `#rrggbb`, or
/// `inherit` (the parent element's). Every bad line becomes a `FILE:LINE: message` diagnostic.
public struct ThemeParser {
    /// The theme built so far.
    public var theme: Theme
    /// Problems found so far.
    public private(set) var diagnostics: [ConfigDiagnostic] = []

    /// A parser adding to `theme`.
    public init(theme: Theme = Theme()) {
        self.theme = theme
    }

    /// Reads a theme file and its includes; returns whether the file itself was found.
    @discardableResult
    public mutating func read(path: String) -> Bool {
        var reader = ConfigFileReader()
        var collected: [(String, ThemeEntry)] = []
        let found = reader.read(path: path) { ThemeParser.parse($0, into: &collected) }
        theme.define(collected)
        diagnostics += reader.diagnostics
        return found
    }

    /// Reads theme text named `name`.
    public mutating func read(text: String, name: String, directory: String? = nil) {
        var reader = ConfigFileReader()
        var collected: [(String, ThemeEntry)] = []
        reader.read(text: text, name: name, directory: directory) { ThemeParser.parse($0, into: &collected) }
        theme.define(collected)
        diagnostics += reader.diagnostics
    }

    static func parse(_ line: ConfigLine, into collected: inout [(String, ThemeEntry)]) -> String? {
        let tokens = line.tokens
        guard tokens[0] == "color" || tokens[0] == "colour" else {
            return "unknown command '\(tokens[0])' (expected color or include)"
        }
        guard tokens.count >= 4 else { return "color needs ELEMENT FG BG [ATTRIBUTES], e.g. 'color list.selected black cyan bold'" }
        let element = tokens[1]
        guard ThemeElement.all.contains(element) else {
            return "unknown element '\(element)'" + KeymapParser.suggestion(for: element, in: ThemeElement.all)
        }
        let foreground: Color?, background: Color?
        switch (colour(tokens[2]), colour(tokens[3])) {
        case (.success(let fg), .success(let bg)):
            foreground = fg
            background = bg
        case (.failure(let message), _), (_, .failure(let message)):
            return message.message
        }
        var attributes: TextAttributes = []
        for word in tokens.dropFirst(4) {
            if word.lowercased() == "none" || word.lowercased() == "normal" { continue }
            guard let attribute = TextAttributes(name: word) else {
                return "unknown attribute '\(word)' (expected bold, underline, reverse, dim, italic)"
            }
            attributes.insert(attribute)
        }
        collected.append((element, ThemeEntry(foreground: foreground, background: background, attributes: attributes)))
        return nil
    }

    static func colour(_ token: String) -> Result<Color?, KeyNotationError> {
        if token.lowercased() == "inherit" { return .success(nil) }
        if let colour = Color(parsing: token) { return .success(colour) }
        return .failure(KeyNotationError(message: "unknown colour '\(token)' (expected a name, default, inherit, 0-255 or #rrggbb)"))
    }
}
