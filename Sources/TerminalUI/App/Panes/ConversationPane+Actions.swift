import Core
import Foundation
import ViewModels

/// The conversation pane's actions: movement, fold, search, and the sends (each queued in the
/// store before the pane says "queued").
extension ConversationPane {
    public func perform(_ action: Action, argument: String) -> PaneOutcome {
        guard model != nil else {
            if action == .back || action == .cancel { return .notHandled }
            host.inform("No lead selected: pick one in the Leads tab (1)", error: true)
            return .handled
        }
        let page = max(1, body.height / 3)
        switch action {
        case .cursorDown, .scrollDown: model?.move(by: 1)
        case .cursorUp, .scrollUp: model?.move(by: -1)
        case .pageDown: model?.move(by: page * 2)
        case .pageUp: model?.move(by: -page * 2)
        case .halfPageDown: model?.move(by: page)
        case .halfPageUp: model?.move(by: -page)
        case .cursorTop: model?.jumpToStart()
        case .cursorBottom: model?.jumpToEnd()
        case .toggleFold, .openDetail: model?.toggleFold()
        case .search:
            if !argument.isEmpty { model?.search(argument) } else {
                ask("search-conversation", "Search this conversation", TextFieldState(text: model?.searchText ?? "")) {
                    [unowned self] text in model?.search(text); post(); return nil
                }
            }
        case .searchNext: model?.nextMatch(forward: true)
        case .searchPrevious: model?.nextMatch(forward: false)
        case .reply:
            if !argument.isEmpty { send { $0.reply(argument) } } else {
                let window = model?.window.text ?? ""
                ask("reply", "Reply on \(model?.replyChannel ?? "WhatsApp") (\(window))", TextFieldState(maxLength: 4096)) {
                    [unowned self] text in send { $0.reply(text) }; return nil
                }
            }
        case .sendTemplate: askTemplate(key: argument)
        case .sendFile:
            if !argument.isEmpty { send { $0.sendFile(path: argument) } } else { askFile() }
        case .sendEmail: askEmail(subject: argument)
        case .transfer:
            if !argument.isEmpty { send { $0.transfer(typed: argument) } } else { askTransfer() }
        case .archive:
            if !argument.isEmpty { send { $0.archive(reason: argument) } } else {
                ask("archive", "Archive the prospect: reason", TextFieldState(maxLength: 200)) { [unowned self] reason in
                    send { $0.archive(reason: reason) }; return nil
                }
            }
        case .zenviaCreate: send { $0.zenviaCreate() }
        case .retrySend:
            model?.retrySelected()
            if let pending = model?.pendingResend {
                host.confirm(pending.prompt) { [unowned self] yes in send { $0.answerResend(yes) } }
            }
        case .discardSend:
            guard model?.selectedItem?.sendState != nil else {
                model?.discardSelected()  // says why not
                break
            }
            host.confirm("Discard this message? It will not be sent. (y/n)") { [unowned self] yes in
                if yes { send { $0.discardSelected() } }
            }
        default: return .notHandled
        }
        post()
        return .handled
    }

    /// Runs a send on the view model, then tells the app a local edit was made (the worker pushes).
    func send(_ body: (inout ConversationViewModel) -> Void) {
        guard var current = model else { return }
        body(&current)
        model = current
        post()
        host.didEditLocally()
    }

    func ask(_ purpose: String, _ title: String, _ field: TextFieldState, _ onSubmit: @escaping @MainActor (String) -> String?) {
        host.prompt(PromptRequest(purpose: purpose, title: title, mode: .input(field), onSubmit: onSubmit))
    }

    /// `T`: a template picked from the channel's templates (or typed when none are cached), then
    /// its parameters as `name=value` words, prefilled, with the filled-in preview in the prompt.
    func askTemplate(key: String) {
        let templates = model?.templates ?? []
        func parameters(for key: String) {
            let template = templates.first { $0.key == key }
            let suggested = template.map { model?.suggestedParameters(for: $0) ?? [:] } ?? [:]
            let names = template?.parameterNames ?? []
            let prefill = names.map { "\($0)=\(suggested[$0] ?? "")" }.joined(separator: " ")
            let preview = template.map { TextSanitizer.line($0.preview(suggested)) } ?? key
            ask("template-parameters", "\(key): \(preview)", TextFieldState(text: prefill)) { [unowned self] text in
                var values: [String: String] = [:]
                for word in text.split(separator: " ") {
                    let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, !parts[0].isEmpty else { return "Write name=value, e.g. prospect.firstName=Ana" }
                    values[parts[0]] = parts[1]
                }
                if let missing = names.first(where: { (values[$0] ?? "").isEmpty }) { return "Fill \(missing)" }
                let filled = template?.preview(values)
                    ?? values.keys.sorted().map { "\($0)=\(values[$0] ?? "")" }.joined(separator: ", ")
                send { $0.sendTemplate(key: key, parameters: values, preview: filled) }
                return nil
            }
        }
        if !key.isEmpty { return parameters(for: key) }
        if !templates.isEmpty {
            let options = templates.map { "\($0.key) — \(TextSanitizer.line($0.name))" }
            host.prompt(PromptRequest(purpose: "send-template", title: "Template", mode: .choice(options: options, selected: 0)) { choice in
                let picked = String(choice.prefix { $0 != " " })
                parameters(for: picked)  // the app closed this prompt before calling: the next one opens
                return nil
            })
            return
        }
        ask("send-template", "Template key (none cached yet: sync first)", TextFieldState()) { key in
            let trimmed = key.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return "Give the template's key" }
            parameters(for: trimmed)
            return nil
        }
    }

    /// `E`: the subject, then the body in `$VISUAL`/`$EDITOR` with the lead's name prefilled.
    func askEmail(subject: String) {
        func compose(_ subject: String) {
            guard let control = host.control else { return host.inform("No terminal to run the editor in", error: true) }
            let name = model?.title ?? ""
            do {
                let body = try ExternalEditor(environment: host.environment)
                    .edit("Hola \(name),\n\n\n", runner: { try control.runExternal($0) })
                send { $0.sendFollowUp(subject: subject, body: body) }
            } catch {
                host.inform("\(error)", error: true)
            }
        }
        if !subject.isEmpty { return compose(subject) }
        ask("send-email", "Follow-up e-mail: subject", TextFieldState(maxLength: 200)) { subject in
            guard !subject.trimmingCharacters(in: .whitespaces).isEmpty else { return "The e-mail needs a subject" }
            compose(subject)
            return nil
        }
    }
}
