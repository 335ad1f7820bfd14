/// One option of a subcommand: `--name VALUE` (when `valueName` is set) or a flag `--name`.
struct OptionSpec: Sendable {
    let name: String
    let short: Character?
    /// The value placeholder shown in help ("N", "PATH"); nil for a flag.
    let valueName: String?
    let help: String
    /// Shown without brackets in the usage line (the command checks it is there).
    let required: Bool

    init(_ name: String, short: Character? = nil, value valueName: String? = nil, required: Bool = false, help: String) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.required = required
        self.help = help
    }

    /// `--db PATH`, shared by every subcommand.
    static let database = OptionSpec("db", value: "PATH", help: "database file (default: \(Paths.defaultDatabaseDisplay))")
}

/// What a subcommand accepts and how its help reads.
struct CommandSpec: Sendable {
    /// The word after `closer` ("leads").
    let name: String
    /// One line for `closer --help`.
    let summary: String
    /// Positional arguments as shown in the usage line ("FILE.csv"); all required.
    let arguments: [String]
    let options: [OptionSpec]
    /// Extra paragraphs for `--help` (examples, formats).
    let details: String

    init(name: String, summary: String, arguments: [String] = [], options: [OptionSpec], details: String = "") {
        self.name = name
        self.summary = summary
        self.arguments = arguments
        self.options = options + [.database]
        self.details = details
    }

    /// The full `--help` text.
    var help: String {
        var usage = "usage: closer \(name)"
        for option in options where option.name != "db" {
            let text = "--\(option.name)" + (option.valueName.map { " " + $0 } ?? "")
            usage += option.required ? " " + text : " [" + text + "]"
        }
        usage += arguments.map { " " + $0 }.joined()
        var lines = [usage, "", summary, "", "options:"]
        let rows = options.map { option -> (String, String) in
            var left = option.short.map { "-\($0), " } ?? "    "
            left += "--\(option.name)" + (option.valueName.map { " " + $0 } ?? "")
            return (left, option.help)
        } + [("-h, --help", "show this help")]
        let width = rows.map { $0.0.count }.max() ?? 0
        for (left, right) in rows {
            lines.append("  " + left + String(repeating: " ", count: width - left.count + 2) + right)
        }
        if !details.isEmpty { lines += ["", details] }
        return lines.joined(separator: "\n") + "\n"
    }
}
