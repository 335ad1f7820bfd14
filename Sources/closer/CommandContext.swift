import Foundation
import Store

/// What every subcommand gets besides its arguments: the global options (database location,
/// and the terminal UI's `--keymap` / `--theme` given before the command).
struct CommandContext: Sendable {
    /// The database path the user gave with `--db`, or nil for the default.
    let explicitDatabase: String?
    /// `--keymap` given before the command (`closer --keymap vim demo`); the command's own wins.
    let keymap: String?
    /// `--theme` given before the command; the command's own wins.
    let theme: String?
    /// The process environment, read once in `main` (building the dictionary costs ~0.1 ms each
    /// time, and the start of the terminal UI needed it eight times).
    let environment: [String: String]

    init(database: String?, keymap: String? = nil, theme: String? = nil,
         environment: [String: String] = ProcessInfo.processInfo.environment) {
        explicitDatabase = database
        self.keymap = keymap
        self.theme = theme
        self.environment = environment
    }

    /// The database file to use.
    var databasePath: String { explicitDatabase ?? Paths.defaultDatabasePath(environment: environment) }

    /// Whether the database file exists yet.
    var databaseExists: Bool { FileManager.default.fileExists(atPath: databasePath) }

    /// Opens (creating and migrating if needed) the database. The default location's directories
    /// are created with mode 0700; a `--db` path's directory must exist.
    func openStore(for command: String) throws -> LeadStore {
        let path = databasePath
        let parent = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if explicitDatabase == nil {
            do {
                try Paths.createParentDirectories(of: path)
            } catch {
                throw CommandFailure(command, "cannot create the directory for \(path): \(error.localizedDescription)")
            }
        } else if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw CommandFailure(command, "cannot open database \(path): directory \(parent) does not exist")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure(command, "cannot open database \(path): it is a directory")
        }
        do {
            // A long upgrade (re-indexing a big file) says what it does on stderr, before any screen.
            return try LeadStore(path: path, notice: { Output.error("closer: \($0)") })
        } catch {
            throw CommandFailure(command, "cannot open database \(path): \(error)")
        }
    }
}
