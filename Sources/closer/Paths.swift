import Foundation

/// Where Closer keeps its files (XDG base directories).
enum Paths {
    /// How the default database path reads in help text.
    static let defaultDatabaseDisplay = "$XDG_DATA_HOME/closer/closer.db, else ~/.local/share/closer/closer.db"

    /// `$XDG_DATA_HOME/closer/closer.db`, falling back to `~/.local/share/closer/closer.db`.
    static func defaultDatabasePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        baseDirectory("XDG_DATA_HOME", fallback: ".local/share", environment: environment) + "/closer/closer.db"
    }

    /// `$XDG_CONFIG_HOME/closer/config`, falling back to `~/.config/closer/config`.
    static func configFilePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        baseDirectory("XDG_CONFIG_HOME", fallback: ".config", environment: environment) + "/closer/config"
    }

    /// The user's home directory: `$HOME`, else the account's home.
    static func homeDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return NSHomeDirectory()
    }

    /// Creates the missing directories above `file`, each with mode 0700 (private to the user).
    static func createParentDirectories(of file: String) throws {
        let parent = (file as NSString).deletingLastPathComponent
        guard !parent.isEmpty else { return }
        var missing: [String] = []
        var directory = parent
        var isDirectory: ObjCBool = false
        while !directory.isEmpty, directory != "/",
              !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            missing.append(directory)
            directory = (directory as NSString).deletingLastPathComponent
        }
        for path in missing.reversed() {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        }
    }

    /// An XDG variable when it holds an absolute path (the spec says to ignore relative ones), else `~/fallback`.
    private static func baseDirectory(_ variable: String, fallback: String, environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") {
            return value.hasSuffix("/") && value.count > 1 ? String(value.dropLast()) : value
        }
        return homeDirectory(environment: environment) + "/" + fallback
    }
}
