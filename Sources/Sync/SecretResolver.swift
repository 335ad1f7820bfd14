import Foundation

/// Turns a remote's credential sources into `Secret`s: inline values as they are, commands run
/// through `/bin/sh -c` (first line of standard output), environment variables by name.
/// Errors never include a secret or a command's output.
public struct SecretResolver: Sendable {
    /// The environment to read `*_env` variables from.
    public var environment: [String: String]

    /// A resolver over `environment` (the process environment by default).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The API key and token of `remote`.
    public func credentials(for remote: RemoteConfig) throws -> RemoteCredentials {
        RemoteCredentials(
            apiKey: try resolve(remote.apiKey, what: "api_key", remote: remote.name),
            token: remote.kind.needsToken || remote.token != nil
                ? try resolve(remote.token, what: "token", remote: remote.name) : Secret(""))
    }

    /// One credential; `what` and `remote` only name it in errors.
    public func resolve(_ source: CredentialSource?, what: String, remote: String) throws -> Secret {
        switch source {
        case nil:
            throw SyncError.configuration("remote \"\(remote)\": no \(what) (set \(what)_cmd or \(what)_env)")
        case .inline(let secret):
            return secret
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw SyncError.configuration("remote \"\(remote)\": \(what): environment variable \(name) is not set")
            }
            return Secret(value)
        case .command(let command):
            return try run(command, what: what, remote: remote)
        }
    }

    func run(_ command: String, what: String, remote: String) throws -> Secret {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SyncError.configuration("remote \"\(remote)\": \(what)_cmd could not be started")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SyncError.configuration("remote \"\(remote)\": \(what)_cmd failed (exit status \(process.terminationStatus))")
        }
        let text = String(decoding: data, as: UTF8.self)
        let firstLine = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let value = firstLine.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else {
            throw SyncError.configuration("remote \"\(remote)\": \(what)_cmd printed nothing")
        }
        return Secret(value)
    }
}
