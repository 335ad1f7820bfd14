import Core
import Foundation
import Store

/// `closer leads`: a filtered, sorted window of leads as a table, JSON or CSV. Reads through
/// the store's keyset pages, so it never loads the whole table.
enum LeadsCommand: Command {
    static let spec = CommandSpec(
        name: "leads", summary: "List leads (filtered, sorted) as a table, JSON or CSV.",
        options: [
            OptionSpec("status", value: "S", help: "only this status (comma-separated for several): "
                + LeadStatus.allCases.map(\.rawValue).joined(separator: ", ")),
            OptionSpec("source", value: "S", help: "only this source (comma-separated for several)"),
            OptionSpec("owner", value: "O", help: "only leads owned by this username (comma-separated for several)"),
            OptionSpec("search", short: "s", value: "TEXT",
                       help: "words that prefix-match name, e-mail, phone, company or notes (accents ignored)"),
            OptionSpec("sort", value: "KEY", help: "name (default), created, updated or status"),
            OptionSpec("reverse", help: "reverse the order"),
            OptionSpec("limit", short: "n", value: "N", help: "at most N leads (default 50; 'all' for every one)"),
            OptionSpec("format", short: "f", value: "F", help: "table (default), json or csv"),
        ],
        details: """
        examples:
          closer leads --status prospect,contact --owner alice --sort updated --reverse
          closer leads --search zoe --limit 5
          closer leads --format json --limit all > leads.json
        """)

    /// Rows read per store query.
    static let pageSize = 500

    static func run(_ arguments: CommandLineArguments, context: CommandContext) async throws -> Int32 {
        let filter = try filter(from: arguments)
        let key = try arguments.choice("sort", from: LeadSort.Key.allCases.map(\.rawValue)).flatMap(LeadSort.Key.init) ?? .name
        let sort = LeadSort(key, ascending: !arguments.flag("reverse"))
        let format = try arguments.choice("format", from: ["table", "json", "csv"]) ?? "table"
        var limit = 50
        if arguments.value("limit") == "all" {
            limit = Int.max
        } else if let number = try arguments.integer("limit", in: 1...Int.max) {
            limit = number
        }

        let store = try context.openStore(for: spec.name)
        let output = Output.standard()
        var writer = LeadWriter(format: format, output: output)
        var remaining = limit
        var cursor: LeadCursor? = nil
        while remaining > 0 {
            let size = min(pageSize, remaining)
            let rows = try cursor.map { try store.leads(filter: filter, sort: sort, after: $0, limit: size) }
                ?? store.leads(filter: filter, sort: sort, limit: size)
            var leads: [Lead] = [], marks: [SyncMark] = []
            for row in rows {
                guard let lead = try store.lead(id: row.id) else { continue }
                leads.append(lead)
                marks.append(row.syncMark)
            }
            try writer.write(leads, marks: marks)
            remaining -= rows.count
            cursor = rows.last?.cursor
            if rows.count < size { break }
        }
        try writer.finish()
        try output.flush()
        return 0
    }

    /// The store filter for `--status`, `--source`, `--owner` and `--search`.
    static func filter(from arguments: CommandLineArguments) throws(UsageError) -> LeadFilter {
        var filter = LeadFilter()
        filter.statuses = Set(try list("status", arguments, LeadStatus.allCases))
        filter.sources = Set(try list("source", arguments, LeadSource.allCases))
        if let owners = arguments.value("owner") {
            filter.owners = Set(owners.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        filter.search = arguments.value("search") ?? ""
        return filter
    }

    private static func list<T: RawRepresentable>(
        _ name: String, _ arguments: CommandLineArguments, _ all: [T]
    ) throws(UsageError) -> [T] where T.RawValue == String {
        guard let text = arguments.value(name) else { return [] }
        var values: [T] = []
        for word in text.split(separator: ",", omittingEmptySubsequences: false) {
            let folded = word.trimmingCharacters(in: .whitespaces).lowercased()
            guard let value = T(rawValue: folded) else {
                throw UsageError(
                    "invalid value '\(word)' for '--\(name)' of 'leads': expected one of "
                        + all.map(\.rawValue).joined(separator: ", "), command: "leads")
            }
            values.append(value)
        }
        return values
    }
}
