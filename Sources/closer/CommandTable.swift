/// The subcommands of `closer`, in help order. One line per command.
enum CommandTable {
    static let all: [any Command.Type] = [
        SeedCommand.self,
        LeadsCommand.self,
        AgendaCommand.self,
        ImportCommand.self,
        ExportCommand.self,
        DoctorCommand.self,
        SyncCommand.self,
        PushCommand.self,
        DemoCommand.self,
        OverviewCommand.self,
        TimelineCommand.self,  // conversation pane
        SendCommand.self,  // conversation pane
    ]

    /// The command called `name`, if any.
    static func command(named name: String) -> (any Command.Type)? {
        all.first { $0.spec.name == name }
    }

    /// `closer --help`.
    static var help: String {
        let width = all.map { $0.spec.name.count }.max() ?? 0
        var lines = [
            "usage: closer [--db PATH] [--keymap NAME|PATH] [--theme NAME|PATH] [COMMAND] [OPTIONS]",
            "",
            "Closer: a terminal sales workstation. Without a command, opens the terminal UI.",
            "",
            "commands:",
        ]
        for command in all {
            let name = command.spec.name
            lines.append("  " + name + String(repeating: " ", count: width - name.count + 2) + command.spec.summary)
        }
        lines += [
            "",
            "global options:",
            "  --db PATH              database file (default: \(Paths.defaultDatabaseDisplay))",
            "  --keymap NAME|PATH     key bindings for the UI: default, vim, emacs or a file",
            "  --theme NAME|PATH      colours for the UI: default, light, mono, high-contrast or a file",
            "  -h, --help             show this help",
            "",
            "Run 'closer COMMAND --help' for a command's options.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
