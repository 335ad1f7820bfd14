import Core
import Foundation
import Store
import Sync

/// `closer sync`: one sync cycle (`--once`, the default) or a background loop (`--watch`) with
/// the configured remote; progress lines, a summary, and an exit status scripts can test.
enum SyncCommand: Command {
    static let spec = CommandSpec(
        name: "sync", summary: "Pull from and push to the remote (Leads & CRM API); --watch keeps syncing.",
        options: [
            OptionSpec("once", help: "one cycle: pull, push, summary (the default)"),
            OptionSpec("watch", help: "keep syncing every --interval seconds until interrupted"),
            OptionSpec("remote", value: "NAME", help: "the [remote \"NAME\"] of the config file (default: the only one, or \"crm\")"),
            OptionSpec("config", value: "PATH", help: "config file (default: \(Paths.configFilePath()))"),
            OptionSpec("interval", value: "SECONDS", help: "seconds between cycles with --watch (default 60)"),
            OptionSpec("quiet", short: "q", help: "only the summary"),
        ],
        details: """
            config file (git-config style; keep it chmod 600 if it holds api_key/token):
              [remote "crm"]
                  kind = leads-crm
                  url = http://127.0.0.1:8700/api/v1
                  api_key_cmd = pass show closer/crm-key     ; or api_key_env = CRM_KEY
                  token_cmd = pass show closer/crm-token     ; or token_env = CRM_TOKEN
                  username = alice
            Without a config file, CLOSER_REMOTE_URL, CLOSER_API_KEY and CLOSER_TOKEN name the remote.
            exit status: 0 synced; 1 other failure; 3 credentials rejected (sync paused, nothing lost);
            4 server unreachable or failing (changes stay queued).
            """)

    static let credentialsRejectedCode: Int32 = 3
    static let unreachableCode: Int32 = 4

    static func run(_ arguments: CommandLineArguments, context: CommandContext) async throws -> Int32 {
        if arguments.flag("once") && arguments.flag("watch") {
            throw UsageError("choose one of --once and --watch", command: spec.name)
        }
        let interval = try arguments.integer("interval", in: 1...86_400) ?? 60
        let quiet = arguments.flag("quiet")
        let remote = try loadRemote(arguments)
        let credentials: RemoteCredentials
        let provider: any RemoteProvider
        do {
            credentials = try SecretResolver().credentials(for: remote)
            provider = try RemoteProviderFactory.make(
                remote, credentials: credentials, retryPolicy: RetryPolicy(base: 0.25, cap: 5, maxAttempts: 6))
        } catch {
            throw CommandFailure(spec.name, "\(error)")
        }
        let store = try context.openStore(for: spec.name)
        let worker = SyncWorker(store: store, provider: provider,
                                options: SyncOptions(interval: TimeInterval(interval)), username: remote.username)
        let printer = ProgressPrinter(quiet: quiet)
        worker.observeStatus { printer.show($0) }
        if !quiet {
            FileHandle.standardOutput.write(Data("syncing with \(TextSanitizer.line(remote.name)) (\(TextSanitizer.line(remote.url.absoluteString)))\n".utf8))
        }

        if arguments.flag("watch") {
            worker.start()
            await worker.waitUntilStopped()
            return 0
        }
        let report = await worker.runOnce()
        printer.finish()
        print(summary(report))
        for line in try rejectedLines(store) { print(line) }
        switch report.error {
        case nil: return 0
        case .credentialsRejected(let message)?:
            Output.error("closer sync: credentials rejected by the server (\(TextSanitizer.line(message))); sync is paused and nothing was lost. Fix api_key/token and run again.")
            return credentialsRejectedCode
        case let error?:
            Output.error("closer sync: \(error) — changes stay queued; run again later.")
            return error.isTransient ? unreachableCode : 1
        }
    }

    /// The remote from the environment (`CLOSER_REMOTE_URL`...) or the config file.
    static func loadRemote(_ arguments: CommandLineArguments) throws -> RemoteConfig {
        do {
            let path = arguments.value("config") ?? Paths.configFilePath()
            if arguments.value("config") == nil, !FileManager.default.fileExists(atPath: path),
               let remote = try RemoteConfig.fromEnvironment(ProcessInfo.processInfo.environment) {
                return remote
            }
            guard FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure(spec.name, "no remote configured: create \(path) with a [remote \"crm\"] section (see 'closer sync --help')")
            }
            return try RemoteConfigFile.load(path: path).remote(named: arguments.value("remote"))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(spec.name, "\(error)")
        }
    }

    /// "pulled 12 leads (2000 scanned, 12 details, 40 appointments) · pushed 3 changes · 1 rejected · 4 retries · 80 requests".
    static func summary(_ report: SyncWorker.Report) -> String {
        let c = report.counters
        var parts = ["pulled \(c.leadsPulled) leads (\(c.leadsScanned) scanned, \(c.detailsFetched) details, \(c.appointmentsScanned) appointments)"]
        if c.conflicts > 0 { parts.append("\(c.conflicts) conflicts kept local") }
        if c.deletedRemotely > 0 { parts.append("\(c.deletedRemotely) deleted on the server") }
        parts.append("pushed \(c.pushed) changes")
        parts.append("\(c.rejected) rejected")
        parts.append("\(c.retries) retries")
        parts.append("\(c.requests) requests")
        var line = parts.joined(separator: " · ")
        if report.pendingChanges > 0 || report.rejectedChanges > 0 {
            line += "\nqueued: \(report.pendingChanges) pending, \(report.rejectedChanges) rejected"
        }
        return line
    }

    /// One line per rejected change (first 20) with the server's messages.
    static func rejectedLines(_ store: LeadStore) throws -> [String] {
        let rejected = try store.outboxEntries(limit: 100_000).filter { $0.state == .rejected }
        var lines = rejected.prefix(20).map { entry -> String in
            let messages = ValidationErrors(entry.serverMessages).description
            return "rejected: \(entry.kind.rawValue) \(entry.recordId) (\(entry.op.rawValue)): \(TextSanitizer.line(messages))"
        }
        if rejected.count > 20 { lines.append("... and \(rejected.count - 20) more rejected changes") }
        return lines
    }
}

/// Prints a progress line when the phase changes, and at most twice a second within a phase.
final class ProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let quiet: Bool
    private var lastPhase: SyncPhase?
    private var lastPrint = Date.distantPast
    private var lastState: SyncStatus.State?

    init(quiet: Bool) { self.quiet = quiet }

    func show(_ status: SyncStatus) {
        guard !quiet else { return }
        let line: String? = lock.withLock {
            defer { lastState = status.state }
            switch status.state {
            case .syncing(let phase, let done, let total):
                let now = Date()
                guard phase != lastPhase || now.timeIntervalSince(lastPrint) >= 0.5 else { return nil }
                lastPhase = phase
                lastPrint = now
                return total > 0 ? "\(phase.rawValue) \(done)/\(total)" : phase.rawValue
            case .stopped:
                return nil
            default:
                guard status.state != lastState else { return nil }
                lastPhase = nil
                return status.summary
            }
        }
        // Unbuffered: with --watch the process runs until a signal ends it.
        if let line { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    }

    func finish() { lock.withLock { lastPhase = nil } }
}
