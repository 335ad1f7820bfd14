import Foundation
import Sync

/// Who "the current user" is for commands that need one (the default owner of imported leads):
/// the `username` of the primary remote (config file, else `CLOSER_REMOTE_URL`/`CLOSER_USERNAME`),
/// else `$USER`. A config file that cannot be read does not stop the command; it falls back.
enum CurrentUser {
    /// The username and where it came from ("remote crm", "$USER"), or nil when nothing names one.
    static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> (name: String, origin: String)? {
        if let remote = primaryRemote(environment), let name = remote.username, !name.isEmpty {
            return (name, "remote \(remote.name)")
        }
        if let name = environment["USER"], !name.isEmpty { return (name, "$USER") }
        return nil
    }

    /// The primary remote (`RemoteConfigFile.primary(of:)`, as the terminal UI picks it), if one is configured.
    private static func primaryRemote(_ environment: [String: String]) -> RemoteConfig? {
        let path = Paths.configFilePath()
        if FileManager.default.fileExists(atPath: path) {
            return (try? RemoteConfigFile.load(path: path)).flatMap { RemoteConfigFile.primary(of: $0.remotes) }
        }
        return try? RemoteConfig.fromEnvironment(environment)
    }
}
