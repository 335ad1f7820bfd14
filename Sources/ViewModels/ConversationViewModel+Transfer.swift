import Foundation
import Store

/// `:transfer`: the cached groups and agents of Zenvia's `/prospects/transfer-targets` for the
/// picker, and a typed id or name for scripts (`:transfer ID`).
extension ConversationViewModel {
    /// The cached transfer targets, groups first then agents, names sanitised (empty until the
    /// sync worker has read them: `C-r` syncs).
    public var transferChoices: [TransferChoice] {
        guard let all = (try? store.cachedTransferTargets()) ?? nil else { return [] }
        let clean = all.map { TransferChoice(kind: $0.kind, id: TextSanitizerBridge.line($0.id),
                                             name: TextSanitizerBridge.line($0.name.isEmpty ? $0.id : $0.name)) }
        return clean.filter(\.isGroup) + clean.filter { !$0.isGroup }
    }

    /// The picker's labels for `choices`, unique (a repeated label gets the id after it).
    public static func transferLabels(_ choices: [TransferChoice]) -> [String] {
        var counts: [String: Int] = [:]
        for choice in choices { counts[choice.label, default: 0] += 1 }
        return choices.map { counts[$0.label, default: 0] > 1 ? "\($0.label) · \($0.id)" : $0.label }
    }

    /// Queues the transfer to a picked target.
    public mutating func transfer(to choice: TransferChoice) {
        transfer(targetId: choice.id, targetName: choice.name, isGroup: choice.isGroup)
    }

    /// `:transfer TARGET` typed: a cached target by id or by name (ignoring case) gets its kind and
    /// name; another 24-character id is sent as a group id (as before the picker existed).
    public mutating func transfer(typed target: String) {
        let text = target.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return complain("Give a group or agent: :transfer ID") }
        let choices = transferChoices
        if let known = choices.first(where: { $0.id == text })
            ?? choices.first(where: { $0.name.caseInsensitiveCompare(text) == .orderedSame }) {
            return transfer(to: known)
        }
        let isId = text.count == 24 && text.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) }  // seed 004 ids
        guard isId else {
            return complain("No group or agent named \(TextSanitizerBridge.line(text)) (\(choices.count) known): pick one with :transfer, or give its id")
        }
        transfer(targetId: text, targetName: text, isGroup: true)
    }
}
