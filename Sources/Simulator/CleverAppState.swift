import Core
import Foundation

/// What the simulated CleverApp account (seed 000) holds: captured leads and the follow-up
/// e-mails sent to them. Each lead belongs to the API key that captured it (the 403 rule).
final class CleverAppState: @unchecked Sendable {
    /// A captured lead in the seed's field names; `account` is the index of the key that owns it.
    struct Lead: Sendable {
        let id: String
        var name: String
        var email: String
        var source: String
        var phone: String?
        var status: String?
        let created: Int64
        var timestamp: Int64
        let account: Int
    }

    /// A follow-up e-mail "sent" to a lead.
    struct FollowUp: Sendable {
        let leadId: String
        let subject: String
        let body: String
        let timestamp: Int64
    }

    /// seed 000's error statuses; the messages are in `CleverAppAPI`.
    enum Refusal: Error { case badRequest, forbidden, notFound }

    /// Ids look like the seed's sample ("123456789"): nine digits, counting up from here.
    static let firstId = 100_000_001

    private let lock = NSLock()
    private var leads: [Lead] = []
    private var byId: [String: Int] = [:]
    private var followUps: [FollowUp] = []

    /// POST /api/leads: name and email required (email by Core's rule), source optional.
    func capture(_ body: Any?, account: Int, now: Int64) throws(Refusal) -> Lead {
        guard let object = body as? [String: Any] else { throw .badRequest }
        guard case .value(let name) = JSONBody.text(object, "name"), !name.isEmpty,
              case .value(let email) = JSONBody.text(object, "email"), LeadRules.isValidEmail(email) else { throw .badRequest }
        var source = ""
        switch JSONBody.text(object, "source") {
        case .wrongType: throw .badRequest
        case .value(let text): source = text
        case .missing: break
        }
        guard [name, email, source].allSatisfy({ $0.count <= LeadRules.maxFieldLength }) else { throw .badRequest }
        lock.lock()
        defer { lock.unlock() }
        let lead = Lead(id: String(Self.firstId + leads.count), name: name, email: email, source: source, phone: nil, status: nil,
                        created: now, timestamp: now, account: account)
        byId[lead.id] = leads.count
        leads.append(lead)
        return lead
    }

    /// PUT /api/leads/{id}: any of name, email, phone, status (at least one).
    func update(id: String, _ body: Any?, account: Int, now: Int64) throws(Refusal) -> Lead {
        lock.lock()
        defer { lock.unlock() }
        let index = try owned(id, account: account)
        guard let object = body as? [String: Any] else { throw .badRequest }
        var lead = leads[index]
        var changed = false
        for field in ["name", "email", "phone", "status"] {
            switch JSONBody.text(object, field) {
            case .missing: continue
            case .wrongType: throw .badRequest
            case .value(let text):
                guard text.count <= LeadRules.maxFieldLength else { throw .badRequest }
                switch field {
                case "name":
                    guard !text.isEmpty else { throw .badRequest }
                    lead.name = text
                case "email":
                    guard LeadRules.isValidEmail(text) else { throw .badRequest }
                    lead.email = text
                case "phone": lead.phone = text
                default: lead.status = text
                }
                changed = true
            }
        }
        guard changed else { throw .badRequest }
        lead.timestamp = now
        leads[index] = lead
        return lead
    }

    /// POST /api/follow-up: lead_id (string or integer), subject and body required.
    func followUp(_ body: Any?, account: Int, now: Int64) throws(Refusal) -> String {
        guard let object = body as? [String: Any] else { throw .badRequest }
        var leadId = ""
        if case .value(let text) = JSONBody.text(object, "lead_id") {
            leadId = text
        } else if let number = object["lead_id"] as? NSNumber, !JSONBody.isBool(number), let whole = Int(exactly: number.doubleValue) {
            leadId = String(whole)
        }
        guard !leadId.isEmpty, case .value(let subject) = JSONBody.text(object, "subject"), !subject.isEmpty,
              case .value(let text) = JSONBody.text(object, "body"), !text.isEmpty else { throw .badRequest }
        lock.lock()
        defer { lock.unlock() }
        _ = try owned(leadId, account: account)
        followUps.append(FollowUp(leadId: leadId, subject: subject, body: text, timestamp: now))
        return leadId
    }

    /// The index of a lead `account` may touch: 404 when unknown, 403 when another key's.
    private func owned(_ id: String, account: Int) throws(Refusal) -> Int {
        guard let index = byId[id] else { throw .notFound }
        guard leads[index].account == account else { throw .forbidden }
        return index
    }

    /// `/_sim/state` part: `{"leads": [...], "follow_ups": [...]}` in the seed's field names.
    func stateJSON() -> [String: Any] {
        lock.withLock {
            [
                "leads": leads.map { lead -> [String: Any] in
                    [
                        "id": lead.id, "name": lead.name, "email": lead.email, "source": lead.source,
                        "phone": lead.phone.map { $0 as Any } ?? NSNull(), "status": lead.status.map { $0 as Any } ?? NSNull(),
                        "timestamp": WireDate.formatTimestamp(lead.timestamp), "created": WireDate.formatTimestamp(lead.created),
                        "account": lead.account == 0 ? "primary" : "secondary",
                    ]
                },
                "follow_ups": followUps.map { item -> [String: Any] in
                    ["lead_id": item.leadId, "subject": item.subject, "body": item.body,
                     "timestamp": WireDate.formatTimestamp(item.timestamp)]
                },
            ]
        }
    }
}
