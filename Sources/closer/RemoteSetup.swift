import Foundation
import Store
import Sync

/// The configured remotes (config file, or `CLOSER_REMOTE_URL`... without one) and the sync
/// coordinator over them, for `sync`, `push`, `doctor` and the terminal UI.
enum RemoteSetup {
    /// Every configured remote, or only `--remote NAME` (an unknown name is an error).
    static func remotes(_ arguments: CommandLineArguments, command: String) throws -> [RemoteConfig] {
        try remotes(arguments, command: command, only: arguments.value("remote"))
    }

    /// Every remote of the config, whatever `--remote` says (routing must know them all).
    static func allRemotes(_ arguments: CommandLineArguments, command: String) throws -> [RemoteConfig] {
        try remotes(arguments, command: command, only: nil)
    }

    /// Every configured remote, or only the one named `only`.
    static func remotes(_ arguments: CommandLineArguments, command: String, only: String?) throws -> [RemoteConfig] {
        do {
            let path = arguments.value("config") ?? Paths.configFilePath()
            if arguments.value("config") == nil, !FileManager.default.fileExists(atPath: path),
               let remote = try RemoteConfig.fromEnvironment(ProcessInfo.processInfo.environment) {
                if let name = only, name != remote.name {
                    throw CommandFailure(command, "no remote named \"\(name)\" (CLOSER_REMOTE_URL names \"\(remote.name)\")")
                }
                return [remote]
            }
            guard FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure(command, "no remote configured: create \(path) with a [remote \"crm\"] section (see 'closer sync --help')")
            }
            let file = try RemoteConfigFile.load(path: path)
            if let name = only { return [try file.remote(named: name)] }
            guard !file.remotes.isEmpty else { throw SyncError.configuration("\(path): no [remote \"NAME\"] section") }
            return file.remotes
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(command, "\(error)")
        }
    }

    /// Providers for `remotes` with their credentials resolved. A remote outside `needed` (nil:
    /// all) whose credentials do not resolve still gets a provider (with empty credentials, never
    /// used to send): routing needs every remote's capabilities.
    static func providers(_ remotes: [RemoteConfig], command: String, retryPolicy: RetryPolicy,
                          needed: Set<String>? = nil) throws -> [SyncCoordinator.Remote] {
        do {
            return try remotes.map { remote in
                let credentials: RemoteCredentials
                if let needed, !needed.contains(remote.name) {
                    credentials = (try? SecretResolver().credentials(for: remote)) ?? RemoteCredentials(apiKey: Secret(""), token: Secret(""))
                } else {
                    credentials = try SecretResolver().credentials(for: remote)
                }
                return SyncCoordinator.Remote(
                    config: remote, provider: try RemoteProviderFactory.make(remote, credentials: credentials, retryPolicy: retryPolicy))
            }
        } catch {
            throw CommandFailure(command, "\(error)")
        }
    }
}
