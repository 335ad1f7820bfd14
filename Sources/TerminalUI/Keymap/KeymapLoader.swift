import Foundation

/// The keymap the application runs with, and what went wrong while reading it.
public struct LoadedKeymap: Sendable {
    /// The bindings.
    public var keymap: Keymap
    /// `FILE:LINE: message` lines to show at start-up.
    public var diagnostics: [ConfigDiagnostic]
}

/// Loads a preset keymap (by name from the shipped `keymaps/` directories, or by path) and then
/// the user's file on top. A missing preset falls back to the built-in default keys.
public struct KeymapLoader: Sendable {
    /// Directories searched for `NAME.keys`.
    public var searchDirectories: [String]
    /// The actions bindings may name.
    public var actions: ActionTable

    /// A loader searching `searchDirectories` for presets.
    public init(searchDirectories: [String], actions: ActionTable = .standard) {
        self.searchDirectories = searchDirectories
        self.actions = actions
    }

    /// Preset `preset` (a name like `vim` or a path) plus `userFile` if given.
    public func load(preset: String, userFile: String? = nil) -> LoadedKeymap {
        var parser = KeymapParser(actions: actions)
        var diagnostics: [ConfigDiagnostic] = []
        if let path = presetPath(preset) {
            parser.read(path: path)
        } else {
            let looked = searchDirectories.isEmpty ? "" : " in \(searchDirectories.joined(separator: ", "))"
            diagnostics.append(ConfigDiagnostic(file: preset, line: nil, message: "keymap not found\(looked); using the built-in default keys"))
            parser.read(text: BuiltinKeymap.defaultKeys, name: "(built-in default.keys)")
        }
        if let userFile { parser.read(path: userFile) }
        return LoadedKeymap(keymap: parser.keymap, diagnostics: diagnostics + parser.diagnostics)
    }

    /// The built-in default keymap with no files at all.
    public static func builtinDefault(actions: ActionTable = .standard) -> Keymap {
        var parser = KeymapParser(actions: actions)
        parser.read(text: BuiltinKeymap.defaultKeys, name: "(built-in default.keys)")
        return parser.keymap
    }

    /// Path of the preset: an existing path as given, else `NAME.keys` in a search directory.
    public func presetPath(_ preset: String) -> String? {
        if preset.contains("/") || preset.hasSuffix(".keys") {
            return FileManager.default.fileExists(atPath: ConfigFileReader.expandHome(preset)) ? preset : nil
        }
        for directory in searchDirectories {
            let candidate = (directory as NSString).appendingPathComponent(preset + ".keys")
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `$XDG_CONFIG_HOME/closer/keys` (or `~/.config/closer/keys`) if that file exists.
    public static func userFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        ConfigPaths.userFile(named: "keys", environment: environment)
    }
}

/// Where Closer's user configuration and shipped resources live.
public enum ConfigPaths {
    /// `$XDG_CONFIG_HOME/closer/NAME`, or `$HOME/.config/closer/NAME`, when it exists.
    public static func userFile(named name: String, environment: [String: String]) -> String? {
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { base = xdg }
        else if let home = environment["HOME"], !home.isEmpty { base = home + "/.config" }
        else { return nil }
        let path = base + "/closer/" + name
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Candidate directories holding the shipped `keymaps/` or `themes/` (`resource`): next to
    /// the executable, `../share/closer/` from it, and the source checkout it was built from.
    public static func resourceDirectories(_ resource: String, executablePath: String = CommandLine.arguments.first ?? "") -> [String] {
        var result: [String] = []
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        result.append(directory.appendingPathComponent(resource).path)
        result.append(directory.deletingLastPathComponent().appendingPathComponent("share/closer/\(resource)").path)
        for _ in 0..<6 {  // .build/debug/closer → repo root
            directory = directory.deletingLastPathComponent()
            let candidate = directory.appendingPathComponent(resource)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("default.\(resource == "keymaps" ? "keys" : "theme")").path) {
                result.append(candidate.path)
            }
        }
        result.append(FileManager.default.currentDirectoryPath + "/" + resource)
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted && FileManager.default.fileExists(atPath: $0) }
    }
}
