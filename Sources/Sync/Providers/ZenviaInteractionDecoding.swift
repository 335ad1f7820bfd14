import Core
import Foundation

/// seed 004 interactions decoded into Closer's conversation events (richer than `RemoteMessage`:
/// agent, status, attachment, transfers), for the conversation pane.
enum ZenviaInteractionDecoding {
    /// The event of one interaction object for `leadId`; nil without an id.
    static func event(_ object: [String: Any], leadId: Int64) -> ConversationEvent? {
        guard let id = JSONReader.text(object["id"]), !id.isEmpty else { return nil }
        let via = JSONReader.text(object["via"]) ?? ""
        let output = object["output"] as? [String: Any] ?? [:]
        let message = output["message"] as? [String: Any] ?? [:]
        let agentObject = object["agent"] as? [String: Any] ?? [:]
        let agent = [JSONReader.text(agentObject["firstName"]), JSONReader.text(agentObject["lastName"])]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let attachment = (message["attachment"] as? [String: Any]).flatMap { JSONReader.text($0["url"]) }
            .map { ($0 as NSString).lastPathComponent } ?? ""
        let created = JSONReader.text(object["createdAt"]).flatMap(WireDate.parseTimestamp) ?? 0
        var kind: ConversationEventKind
        switch via.lowercased() {
        case "whatsapp", "facebook", "sms": kind = .message
        case "email": kind = .email
        case "phonecall", "inboundcall", "outboundcall": kind = .call
        case "walkin", "visit", "testdrive": kind = .visit
        default: kind = .other
        }
        var text = JSONReader.text(message["content"]) ?? JSONReader.text(message["body"]) ?? JSONReader.text(output["comment"]) ?? ""
        if let target = object["transferedTo"] as? [String: Any] {
            kind = .transfer
            text = [JSONReader.text(target["firstName"]), JSONReader.text(target["lastName"])].compactMap { $0 }.joined(separator: " ")
        }
        return ConversationEvent(
            leadId: leadId, provider: ConversationRole.messaging.rawValue, remoteId: id, kind: kind, via: via,
            direction: (object["proactive"] as? Bool) == false ? .inbound : .outbound, agent: agent,
            status: JSONReader.text(object["status"]) ?? "", text: text, template: JSONReader.text(message["template"]) ?? "",
            delivered: message["delivered"] as? Bool, attachment: attachment,
            createdAt: Date(timeIntervalSince1970: TimeInterval(created)))
    }
}
