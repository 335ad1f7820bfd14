import Core
import Foundation

/// What the simulated chatbot workspace (seed 003) holds: its leads, one per e-mail address
/// across the workspace (compared case-insensitively), with their `metadata` kept as sent.
final class ChatbotState: @unchecked Sendable {
    /// One stored lead; `metadata` is the JSON object as sent (serialized, so the type stays Sendable).
    struct Lead: Sendable {
        let id: String
        let chatbotId: String
        let name: String?
        let email: String
        let phone: String?
        let source: String?
        let status: String
        let metadata: [UInt8]
        let createdAt: String
    }

    /// seed 003's two errors (README §5: VALIDATION_ERROR 400, DUPLICATE_EMAIL 409).
    enum Refusal: Error {
        /// `value` is the value sent when it was a string, else nil (null in `details`).
        case validation(field: String, value: String?, message: String)
        case duplicate(email: String, existingLeadId: String)
    }

    let workspaceId: String
    let chatbotIds: [String]
    private let seed: UInt64
    private let lock = NSLock()
    private var leads: [Lead] = []
    private var byEmail: [String: Int] = [:]

    init(seed: UInt64, workspaceId: String, chatbotIds: [String]) {
        self.seed = seed
        self.workspaceId = workspaceId
        self.chatbotIds = chatbotIds
    }

    /// Validates and stores one lead from a decoded JSON body.
    func create(_ body: Any?, chatbotId: String, now: Double) throws(Refusal) -> Lead {
        guard let object = body as? [String: Any] else {
            throw .validation(field: "body", value: nil, message: "Must be a JSON object")
        }
        var texts: [String: String] = [:]
        for field in ["name", "email", "phone", "source", "status"] {
            switch JSONBody.text(object, field) {
            case .missing: break
            case .wrongType: throw .validation(field: field, value: nil, message: "Must be a string")
            case .value(let text):
                guard text.count <= LeadRules.maxFieldLength else {
                    throw .validation(field: field, value: text, message: "Must be at most \(LeadRules.maxFieldLength) characters")
                }
                texts[field] = text
            }
        }
        guard let email = texts["email"], !email.isEmpty else {
            throw .validation(field: "email", value: texts["email"], message: "Email is required")
        }
        guard LeadRules.isValidEmail(email) else { throw .validation(field: "email", value: email, message: "Must be a valid email address") }
        var metadata: [UInt8] = Array("{}".utf8)
        if let raw = object["metadata"], !(raw is NSNull) {
            guard raw is [String: Any], let data = try? JSONSerialization.data(withJSONObject: raw, options: [.sortedKeys]) else {
                throw .validation(field: "metadata", value: nil, message: "Must be an object")
            }
            metadata = [UInt8](data)
        }
        lock.lock()
        defer { lock.unlock() }
        let folded = email.lowercased()
        if let existing = byEmail[folded] { throw .duplicate(email: email, existingLeadId: leads[existing].id) }
        let lead = Lead(
            id: "lead_" + VendorKeys.hex(seed: seed, salt: 0x1EAD_C4A7, index: leads.count, count: 16), chatbotId: chatbotId,
            name: texts["name"], email: email, phone: texts["phone"], source: texts["source"], status: texts["status"] ?? "new",
            metadata: metadata, createdAt: MillisecondTime.format(now))
        byEmail[folded] = leads.count
        leads.append(lead)
        return lead
    }

    /// A lead as seed 003's success sample shows it.
    func json(_ lead: Lead) -> [String: Any] {
        func orNull(_ text: String?) -> Any { text.map { $0 as Any } ?? NSNull() }
        return [
            "id": lead.id, "name": orNull(lead.name), "email": lead.email, "phone": orNull(lead.phone),
            "source": orNull(lead.source), "status": lead.status,
            "metadata": (try? JSONSerialization.jsonObject(with: Data(lead.metadata))) ?? [String: Any](),
            "createdAt": lead.createdAt, "updatedAt": lead.createdAt, "workspaceId": workspaceId,
        ]
    }

    /// Every lead, oldest first.
    var all: [Lead] { lock.withLock { leads } }

    /// `/_sim/state` part: the leads with the chatbot each came through.
    func stateJSON() -> [String: Any] {
        [
            "workspaceId": workspaceId, "chatbots": chatbotIds,
            "leads": all.map { lead -> [String: Any] in
                var item = json(lead)
                item["chatbotId"] = lead.chatbotId
                return item
            },
        ]
    }
}
