import Foundation

/// The theme the application runs with, and what went wrong while reading it.
public struct LoadedTheme: Sendable {
    /// The styles.
    public var theme: Theme
    /// `FILE:LINE: message` lines to show at start-up.
    public var diagnostics: [ConfigDiagnostic]
}

/// Loads a theme by name from the shipped `themes/` directories, or by path; a missing theme
/// falls back to the built-in default. `NO_COLOR` (set and non-empty) switches colours off.
public struct ThemeLoader: Sendable {
    /// Directories searched for `NAME.theme`.
    public var searchDirectories: [String]

    /// A loader searching `searchDirectories`.
    public init(searchDirectories: [String]) {
        self.searchDirectories = searchDirectories
    }

    /// Theme `name` (or path); `noColor` for attributes only.
    public func load(_ name: String, noColor: Bool = ThemeLoader.noColorRequested()) -> LoadedTheme {
        var parser = ThemeParser(theme: Theme(colorsEnabled: !noColor))
        var diagnostics: [ConfigDiagnostic] = []
        if let path = path(of: name) {
            parser.read(path: path)
        } else {
            let looked = searchDirectories.isEmpty ? "" : " in \(searchDirectories.joined(separator: ", "))"
            diagnostics.append(ConfigDiagnostic(file: name, line: nil, message: "theme not found\(looked); using the built-in default theme"))
            parser.read(text: BuiltinTheme.defaultTheme, name: "(built-in default.theme)")
        }
        return LoadedTheme(theme: parser.theme, diagnostics: diagnostics + parser.diagnostics)
    }

    /// The built-in default theme.
    public static func builtinDefault(noColor: Bool = false) -> Theme {
        var parser = ThemeParser(theme: Theme(colorsEnabled: !noColor))
        parser.read(text: BuiltinTheme.defaultTheme, name: "(built-in default.theme)")
        return parser.theme
    }

    /// Path of a theme: an existing path as given, else `NAME.theme` in a search directory.
    public func path(of name: String) -> String? {
        if name.contains("/") || name.hasSuffix(".theme") {
            return FileManager.default.fileExists(atPath: ConfigFileReader.expandHome(name)) ? name : nil
        }
        for directory in searchDirectories {
            let candidate = (directory as NSString).appendingPathComponent(name + ".theme")
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Theme names available in the search directories (for `:theme` completion).
    public func availableThemes() -> [String] {
        var names = Set<String>()
        for directory in searchDirectories {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where file.hasSuffix(".theme") {
                names.insert(String(file.dropLast(6)))
            }
        }
        return names.sorted()
    }

    /// Whether `NO_COLOR` is set to a non-empty value (no-color.org).
    public static func noColorRequested(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let value = environment["NO_COLOR"] else { return false }
        return !value.isEmpty
    }
}
