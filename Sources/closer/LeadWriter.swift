import Core
import Store

/// Streams leads in one of the output formats: an aligned table, a JSON array or CSV with the
/// export columns. CSV headed for a terminal is sanitised (newlines kept); JSON escapes controls.
struct LeadWriter {
    let format: String
    let output: Output
    private var json: JSONArrayWriter
    private var widths: [Int]? = nil
    private var started = false
    private let csv = CSVWriter(lineEnding: .crlf)

    init(format: String, output: Output) {
        self.format = format
        self.output = output
        json = JSONArrayWriter(output: output)
    }

    /// Writes a batch of leads (the first batch also sets the table's column widths); `marks`
    /// (one per lead) fill the table's SYNC column.
    mutating func write(_ leads: [Lead], marks: [SyncMark]? = nil) throws {
        let rows = Array(zip(leads, marks ?? Array(repeating: .none, count: leads.count)))
        if !started { try start(sample: rows) }
        switch format {
        case "json":
            for lead in leads { try json.element(LeadJSON.object(lead)) }
        case "csv":
            for lead in leads { try output.write(csvRecord(LeadCSVMapper.exportFields(lead))) }
        default:
            let widths = self.widths ?? LeadTable.widths(for: rows)
            for (lead, mark) in rows { try output.line(LeadTable.row(lead, mark: mark, widths: widths)) }
        }
    }

    /// Closes the output (the JSON array; the header when there were no leads).
    mutating func finish() throws {
        if !started { try start(sample: []) }
        if format == "json" { try json.end() }
    }

    private mutating func start(sample: [(Lead, SyncMark)]) throws {
        started = true
        switch format {
        case "json": try json.begin()
        case "csv": try output.write(csvRecord(LeadCSVMapper.exportHeader))
        default:
            let widths = LeadTable.widths(for: sample)
            self.widths = widths
            try output.line(LeadTable.header(widths: widths))
        }
    }

    private func csvRecord(_ fields: [String]) -> String {
        csv.record(output.isTerminal ? fields.map(TextSanitizer.multiline) : fields)
    }
}
