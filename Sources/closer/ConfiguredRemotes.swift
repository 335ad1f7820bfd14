import Foundation
import Sync

/// The remotes this machine is configured with, for commands that take them all: the config file
/// when it exists (errors thrown: bad file, loose permissions), else the one remote of
/// `CLOSER_REMOTE_URL`/`CLOSER_USERNAME`..., else none. (`RemoteSetup` adds `--config` and
/// `--remote NAME` for `sync`, `push` and `doctor`'s callers.)
enum ConfiguredRemotes {
    /// Every configured remote; empty when nothing is configured.
    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [RemoteConfig] {
        let path = Paths.configFilePath(environment: environment)
        if FileManager.default.fileExists(atPath: path) { return try RemoteConfigFile.load(path: path).remotes }
        return try RemoteConfig.fromEnvironment(environment).map { [$0] } ?? []
    }
}
