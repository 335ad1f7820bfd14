import Core
import Foundation
import Store

extension DestinationTestCase {
    /// Queues a WhatsApp text reply to `lead` through the messaging remote, as the conversation
    /// pane queues one (payload `{"channel":"whatsapp","content":…,"type":"text"}`).
    @discardableResult
    func queueWhatsAppText(_ text: String, lead: Int64, provider: String = "zenvia") throws -> ConversationEvent {
        let payload = try JSONSerialization.data(withJSONObject: ["channel": "whatsapp", "content": text, "type": "text"],
                                                 options: [.sortedKeys, .withoutEscapingSlashes])
        return try store.queueSend(ConversationEvent(leadId: lead, provider: provider, via: "whatsApp", text: text,
                                                     payload: String(decoding: payload, as: UTF8.self), createdAt: Date()))
    }
}
