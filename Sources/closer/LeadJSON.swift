import Core

/// A lead as one JSON object: `id`, then the CSV export columns (same names and spellings),
/// `metadata` as an object. Control and bidi characters are `\u` escapes, so it is terminal-safe.
enum LeadJSON {
    /// The compact object for one lead.
    static func object(_ lead: Lead) -> String {
        var out = "{\"id\":\(lead.id)"
        for column in LeadCSVColumn.allCases {
            out += ",\"\(column.rawValue)\":"
            switch column {
            case .createdAt: out += LeadCSVMetadata.jsonString(LeadCSVTime.format(lead.createdAt))
            case .updatedAt: out += LeadCSVMetadata.jsonString(LeadCSVTime.format(lead.updatedAt))
            case .metadata: out += metadataObject(lead.metadata)
            case .source: out += lead.source.map { LeadCSVMetadata.jsonString($0.rawValue) } ?? "null"
            default: out += LeadCSVMetadata.jsonString(column.field.map { lead.value(of: $0) } ?? "")
            }
        }
        return out + "}"
    }

    private static func metadataObject(_ metadata: [String: String]) -> String {
        let pairs = metadata.keys.sorted().map {
            LeadCSVMetadata.jsonString($0) + ":" + LeadCSVMetadata.jsonString(metadata[$0] ?? "")
        }
        return "{" + pairs.joined(separator: ",") + "}"
    }
}

/// Writes a JSON array one element at a time: `[`, elements separated by `,\n`, `]`.
struct JSONArrayWriter {
    private var count = 0
    let output: Output

    init(output: Output) { self.output = output }

    /// Starts the array.
    func begin() throws { try output.write("[") }

    /// Writes one element (already JSON).
    mutating func element(_ json: String) throws {
        try output.write((count == 0 ? "\n  " : ",\n  ") + json)
        count += 1
    }

    /// Ends the array (and the line).
    func end() throws { try output.write(count == 0 ? "]\n" : "\n]\n") }
}
