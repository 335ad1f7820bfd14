import Core
import Foundation
import Store
import Sync

/// `closer sync`: one sync cycle (`--once`, the default) or a background loop (`--watch`) with
/// the configured remote; progress lines, a summary, and an exit status scripts can test.
enum SyncCommand: Command {
    static let spec = CommandSpec(
        name: "sync", summary: "Pull from and push to every configured remote (or --remote NAME); --watch keeps syncing.",
        options: [
            OptionSpec("once", help: "one cycle: pull, push, summary (the default)"),
            OptionSpec("watch", help: "keep syncing every --interval seconds until interrupted"),
            OptionSpec("remote", value: "NAME", help: "only the [remote \"NAME\"] of the config file (default: every remote)"),
            OptionSpec("config", value: "PATH", help: "config file (default: \(Paths.configFilePath()))"),
            OptionSpec("interval", value: "SECONDS", help: "seconds between cycles with --watch (default 60)"),
            OptionSpec("quiet", short: "q", help: "only the summary"),
            OptionSpec("detail-refresh", value: "N", help: "re-read every lead's detail at least once every N cycles "
                + "(default \(SyncOptions.standardDetailRefreshCycles); 0: only details of changed leads)"),
        ],
        details: """
            config file (git-config style; keep it chmod 600 if it holds api_key/token):
              [remote "crm"]
                  kind = leads-crm
                  url = http://127.0.0.1:8700/api/v1
                  api_key_cmd = pass show closer/crm-key     ; or api_key_env = CRM_KEY
                  token_cmd = pass show closer/crm-token     ; or token_env = CRM_TOKEN
                  username = alice
              [remote "cd"]
                  kind = closingdealz                        ; also zenvia, cleverapp, chatbot
                  url = http://127.0.0.1:8700/closingdealz
                  api_key_env = CD_KEY
                  push = new-leads                           ; forward every new local lead (default: none)
              [remote "bot"]
                  kind = chatbot
                  url = http://127.0.0.1:8700/chatbot
                  chatbot_id = cb_123
                  api_key_env = BOT_KEY
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
        let refreshCycles = try arguments.integer("detail-refresh", in: 0...100_000) ?? SyncOptions.standardDetailRefreshCycles
        let all = try RemoteSetup.allRemotes(arguments, command: spec.name)
        let chosen = try RemoteSetup.remotes(arguments, command: spec.name)
        let remotes = try RemoteSetup.providers(all, command: spec.name,
                                                retryPolicy: RetryPolicy(base: 0.25, cap: 5, maxAttempts: 6),
                                                needed: Set(chosen.map(\.name)))
        let store = try context.openStore(for: spec.name)
        let coordinator = SyncCoordinator(store: store, remotes: remotes, options: SyncOptions(interval: TimeInterval(interval), detailRefreshCycles: refreshCycles))
        let names = Set(chosen.map(\.name))
        let several = names.count > 1
        let printer = ProgressPrinter(quiet: quiet)
        coordinator.observeStatus { name, status in
            if names.contains(name) { printer.show(status, prefix: several ? name + ": " : "") }
        }
        if !quiet {
            for remote in chosen {
                FileHandle.standardOutput.write(Data("syncing with \(TextSanitizer.line(remote.name)) (\(TextSanitizer.line(remote.url.absoluteString)))\n".utf8))
            }
        }

        if arguments.flag("watch") {
            for worker in coordinator.workers where names.contains(worker.remoteName) { worker.start() }
            coordinator.startConversationLoop(only: names)  // conversation pane: sends and new interactions, as in the TUI
            await coordinator.waitUntilStopped()
            return 0
        }
        let reports = await coordinator.runOnce(only: names)
        printer.finish()
        var code: Int32 = 0
        for (name, report) in reports {
            let text = summary(report, pulls: coordinator.worker(named: name)?.capabilities.can(.pullLeads) ?? true)
            print(several ? text.split(separator: "\n").map { "\(name): " + $0 }.joined(separator: "\n") : text)
            let label = several ? "closer sync: \(TextSanitizer.line(name))" : "closer sync"
            switch report.error {
            case nil: break
            case .credentialsRejected(let message)?:
                Output.error("\(label): credentials rejected by the server (\(TextSanitizer.line(message))); sync is paused and nothing was lost. Fix api_key/token and run again.")
                code = max(code, credentialsRejectedCode)
            case .remoteRefused(let message)?:
                Output.error("\(label): the remote refuses more leads: \(TextSanitizer.line(message)) — nothing more is sent there; the rest stays queued.")
                code = max(code, 1)
            case let error?:
                Output.error("\(label): \(error) — changes stay queued; run again later.")
                code = max(code, error.isTransient ? unreachableCode : 1)
            }
        }
        for line in try rejectedLines(store) { print(line) }
        for line in try ConversationSummary.lines(store) { print(line) }  // conversation pane sends
        let unknown = try store.unknownOutboxEntries()
        if !unknown.isEmpty {
            print("outcome unknown: \(unknown.count) pushes (see closer push --review)")
        }
        return code
    }

    /// "pulled 12 leads (2000 scanned, 12 details, 40 appointments) · pushed 3 changes · 1 rejected · 4 retries · 80 requests".
    /// A remote that does not pull (a destination) leaves out the pull part.
    static func summary(_ report: SyncWorker.Report, pulls: Bool = true) -> String {
        let c = report.counters
        var parts = pulls ? ["pulled \(c.leadsPulled) leads (\(c.leadsScanned) scanned, \(c.detailsFetched) details, \(c.appointmentsScanned) appointments)"] : []
        if c.conflicts > 0 { parts.append("\(c.conflicts) conflicts kept local") }
        if c.deletedRemotely > 0 { parts.append("\(c.deletedRemotely) deleted on the server") }
        parts.append("pushed \(c.pushed) changes")
        parts.append("\(c.rejected) rejected")
        parts.append("\(c.retries) retries")
        parts.append("\(c.requests) requests")
        var line = parts.joined(separator: " · ")
        if report.pendingChanges > 0 || report.rejectedChanges > 0 || report.unknownChanges > 0 {
            line += "\nqueued: \(report.pendingChanges) pending, \(report.rejectedChanges) rejected"
            if report.unknownChanges > 0 { line += ", \(report.unknownChanges) outcome unknown (closer push --review)" }
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

    func show(_ status: SyncStatus, prefix: String = "") {
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
        if let line { FileHandle.standardOutput.write(Data((prefix + line + "\n").utf8)) }
    }

    func finish() { lock.withLock { lastPhase = nil } }
}
