import Foundation
import Sync

/// The `[dashboard]` section of the config file: `stale_days = N` (default 14).
struct DashboardSettings: Sendable {
    var staleDays = 14

    /// Reads the config file (missing file or section: defaults). A bad value is an error that
    /// names the file and line.
    static func load(command: String, path: String = Paths.configFilePath()) throws -> DashboardSettings {
        var settings = DashboardSettings()
        // A missing file is the usual case: asked first, since a failed read builds a Foundation
        // error (~0.1 ms before the first frame).
        guard FileManager.default.fileExists(atPath: path),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return settings }
        let file: ConfigFile
        do { file = try ConfigFile(text: text, path: path) } catch { throw CommandFailure(command, "\(error)") }
        for section in file.sections where section.name == "dashboard" {
            for entry in section.entries where entry.key == "stale_days" {
                guard let days = Int(entry.value), (1...3650).contains(days) else {
                    throw CommandFailure(command, "\(path):\(entry.line): stale_days must be a whole number of days from 1 to 3650")
                }
                settings.staleDays = days
            }
        }
        return settings
    }
}
