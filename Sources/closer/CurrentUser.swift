import Foundation
import Sync

/// Who "the current user" is for commands that need one (the default owner of imported leads):
/// the `username` of the primary remote (config file, else `CLOSER_REMOTE_URL`/`CLOSER_USERNAME`),
/// else `$USER`. A config file that cannot be read does not stop the command; it falls back.
enum CurrentUser {
    /// The username and where it came from ("remote crm", "$USER"), or nil when nothing names one.
    static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> (name: String, origin: String)? {
        resolve(remotes: (try? ConfiguredRemotes.load(environment: environment)) ?? [], environment: environment)
    }

    /// The same from remotes already loaded (the terminal UI has them): the primary remote's
    /// (`RemoteConfigFile.primary(of:)`) non-empty `username`, else `$USER`.
    static func resolve(remotes: [RemoteConfig], environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (name: String, origin: String)? {
        if let remote = RemoteConfigFile.primary(of: remotes), let name = remote.username, !name.isEmpty {
            return (name, "remote \(remote.name)")
        }
        if let name = environment["USER"], !name.isEmpty { return (name, "$USER") }
        return nil
    }
}
