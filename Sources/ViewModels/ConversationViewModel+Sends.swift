import Core
import Foundation
import Store

/// Answering from the conversation pane: every send is committed to the store (the send queue)
/// before the pane says "queued"; the sync worker then marks it sending…, sent or failed.
extension ConversationViewModel {
    /// The largest file `F` queues: the simulator's `send-file` limit (512 KiB); larger ones are
    /// refused before anything is queued or uploaded.
    public static let fileSizeLimit: Int64 = 512 * 1024

    /// `r`: a text reply on the lead's last channel, only inside the 24 h window.
    public mutating func reply(_ text: String) {
        let content = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !content.isEmpty else { return complain("Nothing to send") }
        guard window.isOpen else { return complain("Cannot reply: \(window.text) (T)") }
        queue(ConversationEvent(leadId: leadId, provider: ConversationRole.messaging.rawValue, kind: .message, via: replyChannel, text: content,
                                payload: Self.payload(["type": "text", "channel": replyChannel.lowercased(), "content": content]),
                                createdAt: now()), what: "Reply")
    }

    /// `T`: a template of the channel with its parameters filled (`preview` is what the lead will read).
    public mutating func sendTemplate(key: String, parameters: [String: String], preview: String, channel: String? = nil) {
        guard !key.isEmpty else { return complain("Pick a template") }
        let via = channel ?? replyChannel
        var fields = ["type": "template", "channel": via.lowercased(), "key": key]
        for (name, value) in parameters { fields["param." + name] = value }
        queue(ConversationEvent(leadId: leadId, provider: ConversationRole.messaging.rawValue, kind: .message, via: via, text: preview, template: key,
                                payload: Self.payload(fields), createdAt: now()), what: "Template \(key)")
    }

    /// `F`: a file, checked before it is queued (exists, a regular file, within `fileSizeLimit`).
    public mutating func sendFile(path: String) {
        let expanded = (path as NSString).expandingTildeInPath
        if let problem = Self.fileProblem(path: path) { return complain(problem) }
        let name = (expanded as NSString).lastPathComponent
        queue(ConversationEvent(leadId: leadId, provider: ConversationRole.messaging.rawValue, kind: .message, via: replyChannel, attachment: name,
                                payload: Self.payload(["type": "file", "channel": replyChannel.lowercased(), "path": expanded]),
                                createdAt: now()), what: "File \(name)")
    }

    /// Why `path` cannot be sent (missing, a directory, over `fileSizeLimit`), or nil: the `F`
    /// prompt stays open showing it, `sendFile` refuses with it.
    public static func fileProblem(path: String) -> String? {
        let expanded = (path as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else { return "No such file: \(path)" }
        guard !isDirectory.boolValue else { return "\(path) is a directory" }
        let size = ((try? FileManager.default.attributesOfItem(atPath: expanded))?[.size] as? NSNumber)?.int64Value ?? 0
        guard size <= fileSizeLimit else { return "\(path) is \(megabytes(size)); the limit is \(megabytes(fileSizeLimit))" }
        return nil
    }

    /// `E`: a follow-up e-mail through CleverApp (seed 000 `/api/follow-up`; the worker creates the
    /// CleverApp lead first when the lead has none).
    public mutating func sendFollowUp(subject: String, body: String) {
        guard !subject.trimmingCharacters(in: .whitespaces).isEmpty else { return complain("The e-mail needs a subject") }
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return complain("The e-mail body is empty: not sent") }
        queue(ConversationEvent(leadId: leadId, provider: ConversationRole.followUp.rawValue, kind: .email, via: "email", subject: subject, text: body,
                                payload: Self.payload(["type": "follow-up", "subject": subject, "body": body]),
                                createdAt: now()), what: "Follow-up e-mail")
    }

    /// `:transfer`: to a group or agent of `/prospects/transfer-targets`.
    public mutating func transfer(targetId: String, targetName: String, isGroup: Bool) {
        queue(ConversationEvent(leadId: leadId, provider: ConversationRole.messaging.rawValue, kind: .transfer, text: targetName,
                                payload: Self.payload(["type": "transfer", isGroup ? "group" : "user": targetId]),
                                createdAt: now()), what: "Transfer to \(targetName)")
    }

    /// `:archive`: archives the prospect with a reason (seed 004 `archivingReason`).
    public mutating func archive(reason: String) {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { return complain("Give a reason: :archive REASON") }
        queue(ConversationEvent(leadId: leadId, provider: ConversationRole.messaging.rawValue, kind: .archive, text: reason,
                                payload: Self.payload(["type": "archive", "reason": reason]), createdAt: now()), what: "Archive")
    }

    /// `:zenvia-create`: queues `POST /lead` (utmSource from the lead's source) for a lead with no
    /// Zenvia prospect; the worker links the prospect it gets back.
    public mutating func zenviaCreate() {
        queue(ConversationEvent(leadId: leadId, provider: ConversationRole.messaging.rawValue, kind: .other, text: "Zenvia prospect requested",
                                payload: Self.payload(["type": "zenvia-create"]), createdAt: now()), what: "Zenvia prospect")
    }

    /// `R`: sends the selected failed entry again. One whose outcome is unknown asks first
    /// (`pendingResend`): it may have reached the lead.
    public mutating func retrySelected() {
        guard let item = selectedItem, let id = item.eventId, let state = item.sendState else {
            return complain("Not a send of yours: nothing to retry")
        }
        switch state {
        case .failed:
            do { try store.retrySend(id) } catch { return report(error, doing: "Retrying") }
            inform("Queued again")
            reload()
        case .unknown:
            pendingResend = PendingResend(
                eventId: id, prompt: "Outcome unknown: it may have reached the lead. Send again anyway? (y/n)")
        case .queued, .sending: inform("Already on its way")
        case .sent: complain("Already sent")
        }
    }

    /// The user answered the resend question.
    public mutating func answerResend(_ yes: Bool) {
        guard let pending = pendingResend else { return }
        pendingResend = nil
        guard yes else { return inform("Kept; not sent again") }
        do { try store.retrySend(pending.eventId, confirmedNotSent: true) } catch { return report(error, doing: "Retrying") }
        inform("Queued again")
        reload()
    }

    /// `X`: discards the selected send that has not gone (queued, failed or unknown).
    public mutating func discardSelected() {
        guard let item = selectedItem, let id = item.eventId, item.sendState != nil else {
            return complain("Not a send of yours: nothing to discard")
        }
        do {
            guard try store.discardSend(id) else { return complain("Already sent or on its way: cannot discard") }
        } catch {
            return report(error, doing: "Discarding")
        }
        inform("Discarded")
        reload()
    }

    /// The cached templates of the reply channel (empty until the sync worker has read them).
    public var templates: [MessageTemplate] {
        guard let text = try? store.syncState(provider: MessageTemplate.cacheProvider, key: MessageTemplate.cacheKey),
              let all = try? JSONDecoder().decode([MessageTemplate].self, from: Data(text.utf8)) else { return [] }
        let channel = replyChannel.lowercased()
        let own = all.filter { $0.channel.lowercased() == channel }
        return own.isEmpty ? all.filter { $0.channel.lowercased() == "whatsapp" } : own
    }

    /// Values the pane prefills for a template's parameters: the lead's first name, the agent.
    public func suggestedParameters(for template: MessageTemplate) -> [String: String] {
        let first = (try? store.lead(id: leadId))?.firstName ?? ""
        var values: [String: String] = [:]
        for name in template.parameterNames {
            switch name {
            case "prospect.firstName", "firstName", "name": values[name] = TextSanitizerBridge.line(first)
            default: break
            }
        }
        return values
    }

    mutating func queue(_ send: ConversationEvent, what: String) {
        do { try store.queueSend(send) } catch { return report(error, doing: "Queueing the send") }
        jumpToEnd()
        inform("\(what) queued")
    }

    static func payload(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func megabytes(_ bytes: Int64) -> String {
        bytes < 1_048_576 ? "\((bytes + 1023) / 1024) KiB" : String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }
}
