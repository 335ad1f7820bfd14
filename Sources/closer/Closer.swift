import Foundation

/// The `closer` executable: global options, then a subcommand from `CommandTable`, or the
/// terminal UI when there is none.
@main
struct Closer {
    static func main() async {
        StartupTrace.begin()
        Platform.limitMallocArenas()
        let code = await run(Array(CommandLine.arguments.dropFirst()))
        Platform.exit(code)
    }

    /// Runs one command line (without the program name) and returns the exit code. `environment`
    /// is read once here and passed down (`CommandContext.environment`).
    static func run(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) async -> Int32 {
        var commandName = "closer"
        do {
            var words = arguments[...]
            var database: String? = nil
            var keymap: String? = nil
            var theme: String? = nil
            while let word = words.first, word.hasPrefix("-") {
                words = words.dropFirst()
                if word == "-h" || word == "--help" {
                    print(CommandTable.help, terminator: "")
                    return 0
                } else if word == "--db" {
                    guard let path = words.first else { throw UsageError("option '--db' needs a value", command: nil) }
                    database = path
                    words = words.dropFirst()
                } else if word.hasPrefix("--db=") {
                    database = String(word.dropFirst(5))
                } else if word == "--keymap" || word == "--theme" {
                    guard let value = words.first else { throw UsageError("option '\(word)' needs a value", command: nil) }
                    if word == "--keymap" { keymap = value } else { theme = value }
                    words = words.dropFirst()
                } else if word.hasPrefix("--keymap=") {
                    keymap = String(word.dropFirst(9))
                } else if word.hasPrefix("--theme=") {
                    theme = String(word.dropFirst(8))
                } else {
                    throw UsageError("unknown option '\(word)'", command: nil)
                }
            }
            guard let name = words.first else {
                let context = CommandContext(database: database, keymap: keymap, theme: theme, environment: environment)
                return try await runTerminalUI(TerminalUIOptions(database: context.databasePath, keymap: keymap, theme: theme),
                                               context: context)
            }
            if name == "help" {
                guard let topic = words.dropFirst().first else { print(CommandTable.help, terminator: ""); return 0 }
                guard let command = CommandTable.command(named: topic) else {
                    throw UsageError("unknown command '\(topic)'", command: nil)
                }
                print(command.spec.help, terminator: "")
                return 0
            }
            guard let command = CommandTable.command(named: name) else {
                throw UsageError("unknown command '\(name)'", command: nil)
            }
            commandName = "closer \(name)"
            let parsed = try CommandLineArguments(Array(words.dropFirst()), spec: command.spec)
            if parsed.wantsHelp {
                print(command.spec.help, terminator: "")
                return 0
            }
            let context = CommandContext(database: parsed.value("db") ?? database, keymap: keymap, theme: theme,
                                         environment: environment)
            return try await command.run(parsed, context: context)
        } catch let error as UsageError {
            Output.error(error.description)
            return 2
        } catch let error as CommandFailure {
            Output.error(error.description)
            return 1
        } catch {
            Output.error("\(commandName): \(error)")
            return 1
        }
    }
}
