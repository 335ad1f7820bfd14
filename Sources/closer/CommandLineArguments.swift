/// The parsed arguments of one subcommand: option values, flags and positional arguments.
struct CommandLineArguments: Sendable {
    let command: String
    private(set) var values: [String: String] = [:]
    /// Every value of each option, in order (for options that may repeat, e.g. `--param`).
    private(set) var allValues: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []
    /// `--help` or `-h` was given: print help, run nothing.
    private(set) var wantsHelp = false

    /// Parses `arguments` (the words after the subcommand) against `spec`. Accepts `--name value`,
    /// `--name=value`, `-x value`, flags, and `--` before positionals that start with `-`.
    init(_ arguments: [String], spec: CommandSpec) throws(UsageError) {
        command = spec.name
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if onlyPositionals || word == "-" || !word.hasPrefix("-") {
                positionals.append(word)
                continue
            }
            if word == "--" { onlyPositionals = true; continue }
            if word == "--help" || word == "-h" { wantsHelp = true; continue }
            var name = word
            var inlineValue: String? = nil
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            let option: OptionSpec?
            if name.hasPrefix("--") {
                option = spec.options.first { "--" + $0.name == name }
            } else {
                option = name.count == 2 ? spec.options.first { $0.short.map { "-\($0)" } == name } : nil
            }
            guard let option else { throw UsageError("unknown option '\(name)' for '\(spec.name)'", command: spec.name) }
            if option.valueName == nil {
                if inlineValue != nil {
                    throw UsageError("option '--\(option.name)' of '\(spec.name)' takes no value", command: spec.name)
                }
                flags.insert(option.name)
            } else if let inlineValue {
                values[option.name] = inlineValue
                allValues[option.name, default: []].append(inlineValue)
            } else {
                guard index < arguments.count else {
                    throw UsageError("option '--\(option.name)' of '\(spec.name)' needs a value", command: spec.name)
                }
                values[option.name] = arguments[index]
                allValues[option.name, default: []].append(arguments[index])
                index += 1
            }
        }
        if wantsHelp { return }
        if positionals.count > spec.arguments.count {
            let extra = positionals[spec.arguments.count]
            throw UsageError("unexpected argument '\(extra)' for '\(spec.name)'", command: spec.name)
        }
        if positionals.count < spec.arguments.count {
            throw UsageError("'\(spec.name)' needs \(spec.arguments[positionals.count])", command: spec.name)
        }
    }

    /// The value of `--name`, if given.
    func value(_ name: String) -> String? { values[name] }

    /// Whether the flag `--name` was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The whole number given for `--name` (nil when absent); a usage error outside `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = values[name] else { return nil }
        guard let number = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(number) else {
            let upper = range.upperBound == Int.max ? "" : " and ≤ \(range.upperBound)"
            throw UsageError(
                "invalid value '\(text)' for '--\(name)' of '\(command)': expected a whole number ≥ \(range.lowerBound)\(upper)",
                command: command)
        }
        return number
    }

    /// The value of `--name` if it is one of `choices` (nil when absent); a usage error otherwise.
    func choice(_ name: String, from choices: [String]) throws(UsageError) -> String? {
        guard let text = values[name] else { return nil }
        guard choices.contains(text) else {
            throw UsageError(
                "invalid value '\(text)' for '--\(name)' of '\(command)': expected one of \(choices.joined(separator: ", "))",
                command: command)
        }
        return text
    }
}
