import Core
import Foundation
import Store
import ViewModels

/// `closer timeline LEAD-ID|EMAIL`: the lead's merged timeline (notes, activities, conversation
/// events, Closer's own sends), oldest first, as a table or JSON. Reads the newest N by keyset.
enum TimelineCommand: Command {
    static let spec = CommandSpec(
        name: "timeline", summary: "Show a lead's conversation and activity timeline (table or JSON).",
        arguments: ["LEAD-ID|EMAIL"],
        options: [
            OptionSpec("format", short: "f", value: "F", help: "table (default) or json"),
            OptionSpec("limit", short: "n", value: "N", help: "the newest N entries (default 50; 'all' for every one)"),
        ],
        details: """
        examples:
          closer timeline 42
          closer timeline ana@example.com --format json --limit all
        """)

    static func run(_ arguments: CommandLineArguments, context: CommandContext) async throws -> Int32 {
        let format = try arguments.choice("format", from: ["table", "json"]) ?? "table"
        var limit = 50
        if arguments.value("limit") == "all" {
            limit = Int.max
        } else if let number = try arguments.integer("limit", in: 1...Int.max) {
            limit = number
        }
        let store = try context.openStore(for: spec.name)
        let leadId = try LeadReference.resolve(arguments.positionals[0], store: store, command: spec.name)
        let name = try store.lead(id: leadId)?.displayName ?? ""
        // Newest `limit` entries, read backward a page at a time, printed oldest first.
        var pages: [[TimelineEntry]] = []
        var cursor = TimelineCursor.end
        var remaining = limit
        while remaining > 0 {
            let page = try store.timeline(leadId: leadId, before: cursor, limit: min(500, remaining))
            guard let first = page.first else { break }
            pages.append(page)
            remaining -= page.count
            cursor = first.cursor
        }
        let entries = pages.reversed().flatMap { $0 }
        let output = Output.standard()
        if format == "json" {
            var writer = JSONArrayWriter(output: output)
            try writer.begin()
            for entry in entries { try writer.element(TimelineJSON.object(entry, leadName: name)) }
            try writer.end()
        } else {
            try TimelineTable.write(entries, leadName: name, to: output)
        }
        try output.flush()
        return 0
    }
}
