import Core
import Foundation
import Store
import ViewModels

/// `closer send`: queues a message to a lead (text reply, template, file or follow-up e-mail)
/// with the conversation pane's rules (24 h window, file size); `closer sync` sends it.
enum SendCommand: Command {
    static let spec = CommandSpec(
        name: "send", summary: "Queue a message to a lead (text, template, file or follow-up e-mail).",
        options: [
            OptionSpec("lead", value: "ID|EMAIL", required: true, help: "the lead (local id or e-mail)"),
            OptionSpec("text", value: "TEXT", help: "a text reply (only within 24 h of the lead's last message)"),
            OptionSpec("template", value: "KEY", help: "a channel template by key"),
            OptionSpec("param", value: "K=V", help: "a template parameter (repeat for several)"),
            OptionSpec("file", value: "PATH", help: "a file (at most 512 KiB)"),
            OptionSpec("email", help: "a follow-up e-mail through CleverApp (needs --subject and --body-file)"),
            OptionSpec("subject", value: "S", help: "the e-mail's subject"),
            OptionSpec("body-file", value: "F", help: "the e-mail's body ('-' reads standard input)"),
        ],
        details: """
        examples:
          closer send --lead 42 --text "¿Le llamo mañana a las 10?"
          closer send --lead ana@example.com --template follow_up --param name=Ana --param day=martes
          closer send --lead 42 --email --subject "Su cotización" --body-file body.txt
        exit status: 0 queued; 1 refused (window closed, file too large, no such lead); 2 bad usage.
        """)

    static func run(_ arguments: CommandLineArguments, context: CommandContext) async throws -> Int32 {
        guard let reference = arguments.value("lead") else { throw UsageError("'send' needs --lead", command: spec.name) }
        let modes = [arguments.value("text") != nil, arguments.value("template") != nil, arguments.value("file") != nil,
                     arguments.flag("email")].filter { $0 }.count
        guard modes == 1 else {
            throw UsageError("give exactly one of --text, --template, --file or --email", command: spec.name)
        }
        var parameters: [String: String] = [:]
        for pair in arguments.allValues["param"] ?? [] {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw UsageError("--param takes NAME=VALUE, not '\(pair)'", command: spec.name)
            }
            parameters[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        if !parameters.isEmpty && arguments.value("template") == nil {
            throw UsageError("--param goes with --template", command: spec.name)
        }
        let store = try context.openStore(for: spec.name)
        let leadId = try LeadReference.resolve(reference, store: store, command: spec.name)
        var model = ConversationViewModel(store: store, leadId: leadId, markingRead: false)
        if let text = arguments.value("text") {
            model.reply(text)
        } else if let key = arguments.value("template") {
            let preview = parameters.keys.sorted().map { "\($0)=\(parameters[$0] ?? "")" }.joined(separator: ", ")
            model.sendTemplate(key: key, parameters: parameters, preview: preview.isEmpty ? "" : "(\(preview))")
        } else if let path = arguments.value("file") {
            model.sendFile(path: path)
        } else {
            guard let subject = arguments.value("subject"), let bodyPath = arguments.value("body-file") else {
                throw UsageError("--email needs --subject and --body-file", command: spec.name)
            }
            model.sendFollowUp(subject: subject, body: try readBody(bodyPath))
        }
        guard let message = model.message else { throw CommandFailure(spec.name, "nothing was queued") }
        if message.level == .error { throw CommandFailure(spec.name, message.text) }
        let output = Output.standard()
        try output.line(message.text + " (closer sync sends it)")
        try output.flush()
        return 0
    }

    static func readBody(_ path: String) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let read = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(spec.name, "cannot read \(path)")
            }
            data = read
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure(spec.name, "\(path) is not UTF-8 text") }
        return text
    }
}
