import Core
import Store

/// `closer sync`'s lines about the conversation pane's sends: how many still wait, and each
/// failed or unknown one with the server's message (first 20), so a script sees them.
enum ConversationSummary {
    /// Nothing when every send went.
    static func lines(_ store: LeadStore) throws -> [String] {
        let unsent = try store.unsentSends(limit: 1_000)
        guard !unsent.isEmpty else { return [] }
        let waiting = unsent.filter { $0.sendState == .queued || $0.sendState == .sending }.count
        let problems = unsent.filter { $0.sendState == .failed || $0.sendState == .unknown }
        var lines = ["conversation: \(waiting) sends waiting, \(problems.count) failed or of unknown outcome"]
        for send in problems.prefix(20) {
            let state = send.sendState == .failed ? "failed" : "outcome unknown"
            lines.append("\(state): lead \(send.leadId) \(send.kind.rawValue) \(TextSanitizer.line(send.via)): \(TextSanitizer.line(send.sendMessage))")
        }
        if problems.count > 20 { lines.append("... and \(problems.count - 20) more") }
        return lines
    }
}
