import Core
import Foundation

extension ZenviaState {
    /// POST /lead: "Processes lead data and returns the matching prospect. If the prospect already
    /// exists, previous lead data will not be returned." Matching is by e-mail or phone.
    func leadIn(_ body: [String: Any]) throws(ZenviaError) -> [String: Any] {
        func text(_ name: String) throws(ZenviaError) -> String? {
            switch JSONBody.text(body, name) {
            case .missing: return nil
            case .wrongType: throw .invalid("\(name) must be a string.")
            case .value(let value):
                guard value.count <= 4096 else { throw .invalid("\(name) is too long.") }
                return value.isEmpty ? nil : value
            }
        }
        func either(_ name: String, _ alias: String) throws(ZenviaError) -> String? {
            if let value = try text(name) { return value }
            return try text(alias)
        }
        func list(_ name: String) throws(ZenviaError) -> [String] {
            guard let raw = body[name], !(raw is NSNull) else { return [] }
            guard let items = raw as? [Any], items.allSatisfy({ $0 is String }) else { throw .invalid("\(name) must be an array of strings.") }
            return (items as? [String] ?? []).filter { !$0.isEmpty }
        }
        // seed 004: utmSource required (`source` is its deprecated alias).
        guard let utmSource = try either("utmSource", "source") else { throw .missing("utmSource is required.") }
        let phones = try list("phones")
        let emails = try list("emails")
        for email in emails where !LeadRules.isValidEmail(email) { throw .invalid("emails must be valid e-mail addresses; got '\(email)'.") }
        var priority = 0
        if let raw = body["priority"], !(raw is NSNull) {
            guard let number = raw as? NSNumber, !JSONBody.isBool(number) else { throw .invalid("priority must be a number.") }
            priority = number.intValue
        }
        var history: [UInt8]?
        if let raw = body["history"], !(raw is NSNull) {
            guard raw is [Any], let data = try? JSONSerialization.data(withJSONObject: raw) else { throw .invalid("history must be an array.") }
            history = [UInt8](data)
        }
        let firstName = try text("firstName")
        let lastName = try text("lastName")
        let agentReference = try text("agent")
        let comments = try text("comments")
        let company = try text("company")
        let store = try text("store")
        let medium = try either("utmMedium", "medium")
        let campaign = try either("utmCampaign", "campaign")
        let provider = try text("provider")
        let providerLeadId = try either("providerLeadId", "leadId")
        lock.lock()
        defer { lock.unlock() }
        do {
            let now = clock()
            let assignee = agentReference.flatMap { self.agent(matching: $0) }
            let entry = ZenviaLeadEntry(
                priority: priority, created: now, source: utmSource, utmSource: utmSource, utmMedium: medium,
                utmCampaign: campaign, comments: comments, company: company, store: store, agent: agentReference,
                provider: provider, providerLeadId: providerLeadId, history: history)
            var prospect: ZenviaProspect
            if let existing = matchingProspect(emails: emails, phones: phones) {
                prospect = existing
                prospect.leads.append(entry)
                for phone in phones where !prospect.phones.contains(where: { Self.digits($0) == Self.digits(phone) }) {
                    prospect.phones.append(phone)
                }
                for email in emails where !prospect.emails.contains(where: { $0.lowercased() == email.lowercased() }) {
                    prospect.emails.append(email)
                }
                if prospect.firstName.isEmpty, let firstName { prospect.firstName = firstName }
                if prospect.lastName.isEmpty, let lastName { prospect.lastName = lastName }
                if prospect.agentId == nil, let assignee {
                    prospect.agentId = assignee.id
                    prospect.assigned = now
                }
                prospects[prospect.id] = prospect
            } else {
                prospect = ZenviaProspect(
                    id: makeId(at: now), created: now, firstName: firstName ?? "", lastName: lastName ?? "", label: nil,
                    category: "sales", status: assignee == nil ? "unclaimed" : "new", phones: phones, emails: emails, leads: [entry],
                    agentId: assignee?.id, groupId: assignee?.groupId ?? rootGroupId, initialGroupId: rootGroupId,
                    archivingReason: nil, assigned: assignee == nil ? nil : now)
                insert(prospect)
            }
            var answer = json(prospect, leads: [entry])
            answer["interactions"] = [Any]()
            return answer
        }
    }
}
