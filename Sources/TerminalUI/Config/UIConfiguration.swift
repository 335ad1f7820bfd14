import Foundation

/// Everything the terminal UI reads at start-up, in one call for the executable: the keymap
/// (preset from `--keymap NAME|PATH`, default `default`, plus `$XDG_CONFIG_HOME/closer/keys`),
/// the theme (`--theme NAME|PATH`, default `default`, `NO_COLOR` honoured) and the
/// `FILE:LINE: message` diagnostics to show.
public struct UIConfiguration: Sendable {
    /// The key bindings.
    public var keymap: Keymap
    /// The styles.
    public var theme: Theme
    /// Problems in the files read, to show at start-up (the rest still loaded).
    public var diagnostics: [ConfigDiagnostic]
    /// Whether `NO_COLOR` switched colours off (pass it to the back end too).
    public var noColor: Bool
    /// Where themes are looked up (for `:theme NAME`).
    public var themeLoader: ThemeLoader

    /// Loads keymap and theme. Shipped files are found next to the executable, in
    /// `../share/closer/`, or in the source checkout; `directories` overrides that search.
    public static func load(keymap: String? = nil, theme: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            executablePath: String = CommandLine.arguments.first ?? "",
                            directories: (keymaps: [String], themes: [String])? = nil) -> UIConfiguration {
        let keymapDirectories = directories?.keymaps ?? ConfigPaths.resourceDirectories("keymaps", executablePath: executablePath)
        let themeDirectories = directories?.themes ?? ConfigPaths.resourceDirectories("themes", executablePath: executablePath)
        let keys = KeymapLoader(searchDirectories: keymapDirectories)
            .load(preset: keymap ?? "default", userFile: ConfigPaths.userFile(named: "keys", environment: environment))
        let noColor = ThemeLoader.noColorRequested(environment: environment)
        let themeLoader = ThemeLoader(searchDirectories: themeDirectories)
        let styles = themeLoader.load(theme ?? "default", noColor: noColor)
        return UIConfiguration(keymap: keys.keymap, theme: styles.theme, diagnostics: keys.diagnostics + styles.diagnostics,
                               noColor: noColor, themeLoader: themeLoader)
    }
}

extension UIConfiguration {
    /// The configuration for a terminal showing `depth` colours: on one without colour (`vt100`,
    /// `TERM=dumb`-like) the theme drops its colours and marks focus in reverse, as `NO_COLOR` does,
    /// so every theme shows the selection of lists and pickers everywhere.
    public func adapted(to depth: ColorDepth) -> UIConfiguration {
        guard depth == .none, !noColor else { return self }
        var adapted = self
        adapted.noColor = true
        adapted.theme.colorsEnabled = false
        return adapted
    }
}
