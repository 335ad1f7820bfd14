import Core
import Foundation
import Store

/// `closer doctor`: database integrity, schema version, counts and outbox state, plus whether
/// the terminal and locale suit the UI. Exits 1 when the database is damaged or too new.
enum DoctorCommand: Command {
    static let spec = CommandSpec(
        name: "doctor", summary: "Check the database (integrity, schema, counts, outbox), every configured remote and the terminal.",
        options: [OptionSpec("full", help: "run SQLite's full integrity_check (about a minute at a million leads) "
            + "instead of the quick_check")],
        details: "Lines start with 'ok', 'warn' or 'FAIL'; the exit status is 1 when any line is FAIL.")

    static func run(_ arguments: CommandLineArguments, context: CommandContext) async throws -> Int32 {
        var failed = false
        func report(_ level: String, _ text: String) {
            if level == "FAIL" { failed = true }
            print(level.padding(toLength: 5, withPad: " ", startingAt: 0) + TextSanitizer.line(text))
        }
        let path = context.databasePath
        print("database \(TextSanitizer.line(path))")
        if !context.databaseExists {
            report("warn", "the database does not exist yet; 'closer seed' or 'closer import' creates it")
        } else {
            do {
                let store = try LeadStore(path: path)
                let full = arguments.flag("full")
                let diagnostics = try full ? store.diagnostics() : store.quickDiagnostics()
                let check = full ? "integrity check" : "quick integrity check"
                if diagnostics.isHealthy {
                    report("ok", "\(check) passed")
                } else {
                    report("FAIL", "\(check): " + diagnostics.integrity.prefix(5).joined(separator: "; "))
                }
                let current = LeadStore.currentSchemaVersion
                report(diagnostics.schemaVersion == current ? "ok" : "FAIL",
                       "schema version \(diagnostics.schemaVersion) (this build writes \(current))")
                let mb = Double(diagnostics.sizeBytes) / 1_048_576
                report("ok", "size \(String(format: "%.1f", mb)) MB")
                let counts = diagnostics.tableCounts
                report("ok", ["leads", "notes", "activities", "appointments", "messages", "users"]
                    .map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", "))
                let outbox = diagnostics.outboxCounts
                let rejected = outbox[.rejected] ?? 0
                report(rejected > 0 ? "warn" : "ok",
                       "outbox: \(outbox[.pending] ?? 0) pending, \(outbox[.inflight] ?? 0) inflight, \(rejected) rejected"
                           + (rejected > 0 ? " (open the lead to fix or discard)" : ""))
            } catch {
                report("FAIL", "cannot open the database: \(error)")
            }
        }
        let config = Paths.configFilePath()
        report("ok", "config \(config)" + (FileManager.default.fileExists(atPath: config) ? "" : " (not present; defaults used)"))
        let remoteStore = context.databaseExists ? try? LeadStore(path: path) : nil
        for (level, text) in await DoctorRemotes.check(store: remoteStore) { report(level, text) }
        let terminal = TerminalCheck(
            environment: ProcessInfo.processInfo.environment,
            stdinIsTerminal: Platform.isTerminal(0), stdoutIsTerminal: Platform.isTerminal(1))
        for finding in terminal.findings { report(finding.ok ? "ok" : "warn", finding.text) }
        return failed ? 1 : 0
    }
}
