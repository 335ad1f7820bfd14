import Core
import Foundation
import Store
import Sync

/// `closer push`: queues the selected leads (the filters of `closer leads`) for a destination
/// remote and sends them now; `--review` lists pushes whose outcome is unknown, which the user
/// resends or marks sent (never resent on their own).
enum PushCommand: Command {
    static let spec = CommandSpec(
        name: "push", summary: "Send leads to a destination remote (ClosingDealz, chatbot, ...); --review lists unknown outcomes.",
        options: [
            OptionSpec("remote", value: "NAME", help: "the destination: a [remote \"NAME\"] that takes pushed leads"),
            OptionSpec("status", value: "S", help: "only this status (comma-separated for several)"),
            OptionSpec("source", value: "S", help: "only this source (comma-separated for several)"),
            OptionSpec("owner", value: "O", help: "only leads owned by this username (comma-separated for several)"),
            OptionSpec("search", short: "s", value: "TEXT", help: "words that prefix-match name, e-mail, phone, company or notes"),
            OptionSpec("dry-run", help: "say which leads would be queued; queue and send nothing"),
            OptionSpec("no-send", help: "queue only; the next 'closer sync' sends them"),
            OptionSpec("review", help: "list pushes whose outcome is unknown (sent, answer lost)"),
            OptionSpec("resend", value: "LEAD|all", help: "send an unknown-outcome push again (with --remote to choose one remote)"),
            OptionSpec("mark-sent", value: "LEAD|all", help: "record an unknown-outcome push as received by the remote"),
            OptionSpec("format", short: "f", value: "F", help: "table (default) or json, for --review"),
            OptionSpec("config", value: "PATH", help: "config file (default: \(Paths.configFilePath()))"),
        ],
        details: """
            A lead already on the destination, or already queued for it, is not queued again.
            ClosingDealz and CleverApp cannot be asked whether a create arrived: when an answer is
            lost (or Closer is killed while sending), the push is marked "outcome unknown" and
            listed by --review instead of being sent twice.
            examples:
              closer push --remote cd --status contact
              closer push --remote bot --owner ana --dry-run
              closer push --review --format json
              closer push --resend 42 --remote cd     closer push --mark-sent all
            """)

    static func run(_ arguments: CommandLineArguments, context: CommandContext) async throws -> Int32 {
        let format = try arguments.choice("format", from: ["table", "json"]) ?? "table"
        if arguments.flag("review") { return try review(context: context, remote: arguments.value("remote"), format: format) }
        if let which = arguments.value("resend") { return try settle(which, resend: true, arguments, context: context) }
        if let which = arguments.value("mark-sent") { return try settle(which, resend: false, arguments, context: context) }
        guard let name = arguments.value("remote") else {
            throw UsageError("choose the destination with --remote NAME", command: spec.name)
        }
        let all = try RemoteSetup.allRemotes(arguments, command: spec.name)
        guard all.contains(where: { $0.name == name }) else {
            throw CommandFailure(spec.name, "no remote named \"\(name)\" (configured: \(all.map(\.name).joined(separator: ", ")))")
        }
        let dryRun = arguments.flag("dry-run")
        let sendNow = !dryRun && !arguments.flag("no-send")
        let remotes = try RemoteSetup.providers(all, command: spec.name, retryPolicy: RetryPolicy(base: 0.25, cap: 5, maxAttempts: 6),
                                                needed: sendNow ? [name] : [])
        guard let target = remotes.first(where: { $0.config.name == name }), target.provider.capabilities.can(.pushLeads) else {
            throw CommandFailure(spec.name, "remote \"\(name)\" does not take pushed leads (it can: "
                + (remotes.first { $0.config.name == name }?.provider.capabilities.features.names.joined(separator: ", ") ?? "") + ")")
        }
        let filter = try LeadsCommand.filter(from: arguments)
        let store = try context.openStore(for: spec.name)
        let ids = try selectedLeads(store, filter: filter)
        if dryRun {
            var fresh = 0
            for id in ids where try store.remoteLink(provider: name, kind: .lead, localId: id) == nil { fresh += 1 }
            print("would queue \(fresh) of \(ids.count) matching leads for \(TextSanitizer.line(name)) (\(ids.count - fresh) are there already)")
            return 0
        }
        let queued = try store.queuePush(leadIds: ids, remote: name)
        print("queued \(queued.count) of \(ids.count) matching leads for \(TextSanitizer.line(name))"
              + (ids.count > queued.count ? " (\(ids.count - queued.count) there or queued already)" : ""))
        guard sendNow else { return 0 }
        let coordinator = SyncCoordinator(store: store, remotes: remotes)
        let reports = await coordinator.runOnce(only: [name], .push)
        guard let report = reports.first?.1 else { return 1 }
        let counts = try store.outboxCounts(remote: name)
        print("pushed \(report.counters.pushed) · \(report.counters.rejected) rejected · \(counts[.pending] ?? 0) still queued"
              + ((counts[.unknown] ?? 0) > 0 ? " · \(counts[.unknown] ?? 0) outcome unknown (closer push --review)" : ""))
        for line in try SyncCommand.rejectedLines(store) { print(line) }
        if let error = report.error {
            Output.error("closer push: \(TextSanitizer.line(name)): \(error)")
            return error.isTransient ? SyncCommand.unreachableCode : 1
        }
        return 0
    }

    /// Every lead matching the filter, by keyset pages (ids only).
    static func selectedLeads(_ store: LeadStore, filter: LeadFilter) throws -> [Int64] {
        var ids: [Int64] = []
        var cursor: LeadCursor? = nil
        let sort = LeadSort(.created, ascending: true)
        while true {
            let rows = try cursor.map { try store.leads(filter: filter, sort: sort, after: $0, limit: 500) }
                ?? store.leads(filter: filter, sort: sort, limit: 500)
            ids += rows.map(\.id)
            cursor = rows.last?.cursor
            if rows.count < 500 { return ids }
        }
    }

    /// `--review`: the unknown-outcome pushes as a table or a JSON array of `{lead_id, email, remote, since}`.
    static func review(context: CommandContext, remote: String?, format: String) throws -> Int32 {
        let store = try context.openStore(for: spec.name)
        let entries = try store.unknownOutboxEntries(remote: remote)
        var rows: [(Int64, String, String, String)] = []
        for entry in entries {
            let email = try store.lead(id: entry.leadId)?.email ?? ""
            rows.append((entry.leadId, email, entry.remote ?? "", WireDate.formatTimestamp(entry.updatedAt)))
        }
        if format == "json" {
            let items = rows.map { row in
                "{\"lead_id\":\(row.0),\"email\":\(LeadCSVMetadata.jsonString(row.1)),\"remote\":\(LeadCSVMetadata.jsonString(row.2)),\"since\":\(LeadCSVMetadata.jsonString(row.3))}"
            }
            print("[" + items.joined(separator: ",") + "]")
            return 0
        }
        if rows.isEmpty {
            print("no pushes with an unknown outcome")
            return 0
        }
        print("LEAD      EMAIL                                     REMOTE        SINCE")
        for row in rows {
            print(String(row.0).padding(toLength: 10, withPad: " ", startingAt: 0)
                  + TextSanitizer.line(row.1).padding(toLength: 42, withPad: " ", startingAt: 0)
                  + TextSanitizer.line(row.2).padding(toLength: 14, withPad: " ", startingAt: 0) + row.3)
        }
        print("\(rows.count) pushes: closer push --resend LEAD|all or --mark-sent LEAD|all")
        return 0
    }

    /// `--resend` / `--mark-sent` for one lead or all.
    static func settle(_ which: String, resend: Bool, _ arguments: CommandLineArguments, context: CommandContext) throws -> Int32 {
        let store = try context.openStore(for: spec.name)
        let remote = arguments.value("remote")
        var entries = try store.unknownOutboxEntries(remote: remote)
        if which != "all" {
            guard let lead = Int64(which) else {
                throw UsageError("--\(resend ? "resend" : "mark-sent") takes a lead id or 'all'", command: spec.name)
            }
            entries = entries.filter { $0.leadId == lead }
        }
        guard !entries.isEmpty else { throw CommandFailure(spec.name, "no push with an unknown outcome matches") }
        for entry in entries {
            if resend {
                try store.resendOutboxEntry(entry.id)
            } else {
                try store.markOutboxSent(entry.id, remoteId: "sent:\(entry.recordId)")
            }
        }
        print("\(resend ? "queued again" : "marked sent"): \(entries.count) push\(entries.count == 1 ? "" : "es")"
              + (resend ? " (the next 'closer sync' sends them)" : ""))
        return 0
    }
}
