import Core
import Foundation
import ViewModels

/// The conversation pane's `:transfer` picker and the `F` prompt's path completion.
extension ConversationPane {
    /// `:transfer`: a filterable picker of the cached groups and agents (type to filter, j/k or
    /// arrows, Enter, Esc); a typed id when none are cached yet.
    func askTransfer() {
        let choices = model?.transferChoices ?? []
        guard !choices.isEmpty else {
            ask("transfer", "Transfer to (no groups or agents cached yet: C-r syncs; or give an id)", TextFieldState()) {
                [unowned self] target in
                let trimmed = target.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return "Give a group or agent id" }
                send { $0.transfer(typed: trimmed) }
                return nil
            }
            return
        }
        let labels = ConversationViewModel.transferLabels(choices)
        let list = FilteredChoices(options: labels)
        host.prompt(PromptRequest(purpose: "transfer", title: "Transfer \(model?.title ?? "the prospect") to",
                                  mode: .filter(list)) { [unowned self] label in
            guard let index = labels.firstIndex(of: label) else { return "Nothing matches: Backspace edits the filter" }
            send { $0.transfer(to: choices[index]) }
            return nil
        })
    }

    /// `F`: the path of the file, with Tab completion (common prefix, `dir/`, `~`, candidates in the hint).
    func askFile() {
        let completion = PathCompletion(home: host.environment["HOME"] ?? NSHomeDirectory())
        var request = PromptRequest(purpose: "send-file", title: "File to send (at most \(ConversationViewModel.fileSizeLimit / 1024) KiB; Tab completes)",
                                    mode: .input(TextFieldState())) { [unowned self] path in
            let trimmed = path.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return "Give a path (Tab completes)" }
            if let problem = ConversationViewModel.fileProblem(path: trimmed) { return TextSanitizer.line(problem) }  // the prompt stays open
            send { $0.sendFile(path: trimmed) }
            return nil
        }
        request.complete = { text in
            let result = completion.complete(text)
            return (TextSanitizer.line(result.text), result.hint().map(TextSanitizer.line))
        }
        host.prompt(request)
    }
}
