import Core
import Foundation
import Store
import ViewModels

/// `closer overview`: the manager dashboard's numbers as a table or JSON (the shape is in the
/// README). Computed in SQL by the store; nothing is loaded lead by lead.
enum OverviewCommand: Command {
    static let spec = CommandSpec(
        name: "overview", summary: "The team's pipeline at a glance (the dashboard's numbers) as a table or JSON.",
        options: [
            OptionSpec("period", short: "p", value: "P", help: "today, week (default), month, 90d or all"),
            OptionSpec("owner", value: "O", help: "only this owner's leads (username)"),
            OptionSpec("format", short: "f", value: "F", help: "table (default) or json"),
            OptionSpec("stale-days", value: "N", help: "an open lead with no touch for N days is stale (default: [dashboard] stale_days, else 14)"),
            OptionSpec("now", value: "TIME", help: "compute as if it were TIME (ISO 8601; for scripts and tests)"),
        ],
        details: """
        "today" and "this week" (Monday first) are in the local time zone (TZ).
        examples:
          closer overview
          closer overview --period 90d --owner ben
          closer overview --format json | jq .speed_to_lead
        """)

    static func run(_ arguments: CommandLineArguments, context: CommandContext) async throws -> Int32 {
        let period = try arguments.choice("period", from: DashboardPeriod.allCases.map(\.rawValue)).flatMap(DashboardPeriod.init) ?? .week
        let format = try arguments.choice("format", from: ["table", "json"]) ?? "table"
        var now = Date()
        if let text = arguments.value("now") {
            guard let parsed = LeadCSVTime.parse(text) else {
                throw UsageError("invalid value '\(text)' for '--now' of 'overview': expected an ISO 8601 time", command: spec.name)
            }
            now = parsed
        }
        let staleDays = try arguments.integer("stale-days", in: 1...3650) ?? DashboardSettings.load(command: spec.name).staleDays
        let owner = arguments.value("owner").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let store = try context.openStore(for: spec.name)
        let summary = try store.dashboard(DashboardQuery(period: period, owner: owner, now: now, staleDays: staleDays))
        let output = Output.standard()
        try output.write(format == "json" ? OverviewJSON.document(summary, generatedAt: now) : OverviewText.table(summary))
        try output.flush()
        return 0
    }
}

/// The `--format json` document.
enum OverviewJSON {
    static func string(_ text: String) -> String { LeadCSVMetadata.jsonString(text) }
    static func time(_ seconds: Int64?) -> String { seconds.map { string(WireDate.formatTimestamp($0)) } ?? "null" }
    static func number(_ value: Double?) -> String {
        guard let value else { return "null" }
        return String(format: "%.4f", value)
    }
    static func int(_ value: Int64?) -> String { value.map(String.init) ?? "null" }

    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func speed(_ s: SpeedToLead, full: Bool) -> String {
        var pairs = [("median_s", int(s.medianSeconds)), ("p90_s", int(s.p90Seconds)), ("untouched", String(s.untouched))]
        if full { pairs.insert(("touched", String(s.touched)), at: 2) }
        return object(pairs)
    }

    static func group(_ key: (String, String), _ g: DashboardGroup) -> [(String, String)] {
        [key, ("leads", String(g.leads)), ("new", String(g.new)), ("customers", String(g.customers)),
         ("conversion", number(g.conversion)), ("pending", String(g.pending)), ("rejected", String(g.rejected)),
         ("appointments_today", String(g.appointmentsToday)), ("appointments_week", String(g.appointmentsWeek))]
    }

    /// The whole document, one line per top-level key.
    static func document(_ s: DashboardSummary, generatedAt: Date) -> String {
        let byStatus = s.byStatus.map { row -> String in
            let server = s.server?.status(row.status)
            return object([("status", string(row.status.rawValue)), ("count", String(row.count)),
                           ("share", number(s.share(row.status))),
                           ("color", server.map { string($0.color) } ?? "null"),
                           ("description", string(server?.description ?? row.status.summary))])
        }
        let bySource = s.bySource.map { object(group(("source", $0.source.map { string($0.rawValue) } ?? "null"), $0.numbers)) }
        let byOwner = s.byOwner.map { row in
            object(group(("owner", string(row.owner)), row.numbers)
                   + [("speed_to_lead", speed(row.numbers.speedToLead, full: false)), ("stale", String(row.numbers.stale))])
        }
        let untouched = s.untouchedOldest.map {
            object([("id", String($0.id)), ("name", string($0.name)), ("owner", string($0.owner)),
                    ("created_at", time(Int64($0.createdAt.timeIntervalSince1970)))])
        }
        var speedPairs = [("median_s", int(s.speedToLead.medianSeconds)), ("p90_s", int(s.speedToLead.p90Seconds)),
                          ("touched", String(s.speedToLead.touched)), ("untouched", String(s.speedToLead.untouched))]
        speedPairs.append(("untouched_oldest", "[" + untouched.joined(separator: ",") + "]"))
        let server = s.server.map { o in
            object([("provider", string(o.provider)), ("total", String(o.total)),
                    ("by_status", "[" + o.statuses.map { object([("status", string($0.status)), ("count", String($0.count))]) }
                        .joined(separator: ",") + "]"),
                    ("synced_at", time(Int64(o.syncedAt.timeIntervalSince1970)))])
        } ?? "null"
        let top: [(String, String)] = [
            ("generated_at", time(Int64(generatedAt.timeIntervalSince1970))),
            ("period", string(s.query.period.rawValue)),
            ("period_start", time(s.bounds.periodStart)),
            ("time_zone", string(s.query.timeZone.identifier)),
            ("scope", object([("owner", s.query.owner.map(string) ?? "null")])),
            ("total", String(s.total)),
            ("by_status", "[" + byStatus.joined(separator: ",") + "]"),
            ("by_source", "[" + bySource.joined(separator: ",") + "]"),
            ("by_owner", "[" + byOwner.joined(separator: ",") + "]"),
            ("speed_to_lead", object(speedPairs)),
            ("stale", String(s.stale)),
            ("stale_days", String(s.query.staleDays)),
            ("weekly_created", "[" + s.weeklyCreated.map(String.init).joined(separator: ",") + "]"),
            ("appointments_per_day", "[" + s.appointmentsPerDay.map(String.init).joined(separator: ",") + "]"),
            ("server", server),
        ]
        return "{\n" + top.map { "  " + string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n}\n"
    }
}

/// The `--format table` text (plain, terminal-safe: names are sanitised).
enum OverviewText {
    static func table(_ s: DashboardSummary) -> String {
        var lines: [String] = []
        let scope = s.query.owner.map { "owner \(TextSanitizer.line($0))" } ?? "whole team"
        lines.append("Overview · \(s.query.period.title) · \(scope) · \(s.total) leads")
        lines.append("")
        lines.append(pad(["STATUS", "COUNT", "SHARE", "SERVER"], [12, 8, 7, 8]))
        for row in s.byStatus {
            let server = s.server.map { String($0.status(row.status)?.count ?? 0) } ?? "-"
            lines.append(pad([row.status.rawValue, String(row.count), DashboardFormat.percent(s.share(row.status)), server], [12, 8, 7, 8]))
        }
        lines.append(pad(["total", String(s.total), "", s.server.map { String($0.total) } ?? "-"], [12, 8, 7, 8]))
        if let server = s.server {
            lines.append("server synced \(WireDate.formatTimestamp(Int64(server.syncedAt.timeIntervalSince1970)))"
                         + (server.total == s.total ? "" : " · differs by \(s.total - server.total)"))
        }
        let widths = [12, 7, 6, 6, 6, 5, 5, 6, 6, 8, 8, 6, 6]
        lines.append("")
        lines.append(pad(["OWNER", "LEADS", "NEW", "CUST", "CONV", "PEND", "REJ", "APP-D", "APP-W", "MEDIAN", "P90", "UNTCH", "STALE"], widths))
        for row in s.byOwner {
            let g = row.numbers
            lines.append(pad([TextSanitizer.line(row.owner), String(g.leads), String(g.new), String(g.customers),
                              g.conversion.map(DashboardFormat.percent) ?? "-", String(g.pending), String(g.rejected),
                              String(g.appointmentsToday), String(g.appointmentsWeek),
                              DashboardFormat.duration(g.speedToLead.medianSeconds), DashboardFormat.duration(g.speedToLead.p90Seconds),
                              String(g.speedToLead.untouched), String(g.stale)], widths))
        }
        let t = s.speedToLead
        lines.append(pad(["all", "", "", "", "", "", "", "", "", DashboardFormat.duration(t.medianSeconds),
                          DashboardFormat.duration(t.p90Seconds), String(t.untouched), String(s.stale)], widths))
        lines.append("")
        lines.append(pad(["SOURCE", "LEADS", "NEW", "CUST", "CONV", "PEND", "REJ", "APP-D", "APP-W"], widths))
        for row in s.bySource {
            let g = row.numbers
            lines.append(pad([row.source?.rawValue ?? "(none)", String(g.leads), String(g.new), String(g.customers),
                              g.conversion.map(DashboardFormat.percent) ?? "-", String(g.pending), String(g.rejected),
                              String(g.appointmentsToday), String(g.appointmentsWeek)], widths))
        }
        lines.append("")
        lines.append("created per week (12): " + s.weeklyCreated.map(String.init).joined(separator: " ")
                     + "  " + DashboardFormat.sparkline(s.weeklyCreated, ascii: false))
        lines.append("appointments this week (Mon–Sun): " + s.appointmentsPerDay.map(String.init).joined(separator: " "))
        lines.append("stale (no touch for \(s.query.staleDays) days): \(s.stale)")
        if !s.untouchedOldest.isEmpty {
            lines.append("untouched, oldest first:")
            for lead in s.untouchedOldest {
                lines.append("  #\(lead.id) \(TextSanitizer.line(lead.name)) (\(TextSanitizer.line(lead.owner))) created "
                             + WireDate.formatTimestamp(Int64(lead.createdAt.timeIntervalSince1970)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ cells: [String], _ widths: [Int]) -> String {
        zip(cells, widths).enumerated().map { index, pair in
            let (cell, width) = pair
            let gap = String(repeating: " ", count: max(0, width - DisplayWidth.of(cell)))
            return index == 0 ? cell + gap : gap + cell + " "
        }.joined().trimmingCharacters(in: .whitespaces)
    }
}
