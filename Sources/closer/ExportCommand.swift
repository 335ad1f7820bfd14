import Core
import Foundation
import Store

/// `closer export`: every lead as CSV (the columns `closer import` reads) or JSON, streamed.
enum ExportCommand: Command {
    static let spec = CommandSpec(
        name: "export", summary: "Export every lead as CSV (re-importable) or JSON.",
        options: [
            OptionSpec("format", short: "f", value: "F", help: "csv (default) or json"),
            OptionSpec("output", short: "o", value: "FILE", help: "write to FILE instead of standard output"),
        ],
        details: """
        CSV columns: \(LeadCSVMapper.exportHeader.joined(separator: ","))
        Times are ISO 8601 UTC; metadata is one JSON object of strings. Records end in CRLF.
        'closer import' of this file into an empty database gives the same leads.
        With --output the file appears only when the export is complete.
        """)

    static func run(_ arguments: CommandLineArguments, context: CommandContext) async throws -> Int32 {
        let format = try arguments.choice("format", from: ["csv", "json"]) ?? "csv"
        let store = try context.openStore(for: spec.name)
        guard let path = arguments.value("output") else {
            let output = Output.standard()
            let count = try export(store, format: format, to: output)
            try output.flush()
            if output.isTerminal { Output.error("exported \(count) leads") }
            return 0
        }
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        let output: Output
        do {
            output = try Output.file(temporary)
        } catch {
            throw CommandFailure(spec.name, "cannot write \(TextSanitizer.line(path))")
        }
        do {
            let count = try export(store, format: format, to: output)
            try output.flush()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
            print("exported \(count) lead\(count == 1 ? "" : "s") to \(TextSanitizer.line(path))")
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        return 0
    }

    /// Writes every (not deleted) lead in id order; returns how many.
    static func export(_ store: LeadStore, format: String, to output: Output) throws -> Int {
        var writer = LeadWriter(format: format, output: output)
        var count = 0
        var after: Int64 = 0
        while true {
            let batch = try store.leadBatch(afterId: after, limit: 1000)
            guard let last = batch.last else { break }
            try writer.write(batch)
            count += batch.count
            after = last.id
        }
        try writer.finish()
        return count
    }
}
