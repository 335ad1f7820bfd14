import Core
import Foundation

extension ZenviaState {
    /// GET /prospects with seed 004's filters.
    func listProspects(_ query: ZenviaQuery) throws(ZenviaError) -> [[String: Any]] {
        try locked { () throws(ZenviaError) in
            let limit = try query.limit()
            let range = try query.createdRange(now: clock(), limited: limit != nil)
            let claimed = (after: try query.date(["claimedAfter", "claimStart"]), before: try query.date(["claimedBefore", "claimEnd"]))
            let transferred = (after: try query.date(["transferredAfter", "transferStart"]),
                               before: try query.date(["transferredBefore", "transferEnd"]))
            let agent = try query.id("agent")
            let group = try query.id("group")
            let withAgent = try query.flag("withAgent")
            let search = query.text("search")?.lowercased()
            let phone = query.text("phoneNumber").map(Self.digits)
            let status = query.text("status")
            let category = query.text("category")
            let matching = prospectOrder.filter { id in
                guard let p = prospects[id], !p.deleted, ZenviaQuery.inRange(p.created, range) else { return false }
                if let status, p.status != status { return false }
                if let category, p.category != category { return false }
                if let agent, p.agentId != agent { return false }
                if let group, p.groupId != group { return false }
                if let withAgent, (p.agentId != nil) != withAgent { return false }
                if let phone, !p.phones.contains(where: { Self.digits($0) == phone }) { return false }
                if let search, !Self.matches(p, search) { return false }
                return ZenviaQuery.inRange(p.assigned, claimed) && ZenviaQuery.inRange(p.transferred, transferred)
            }
            let page = ZenviaQuery.page(matching, after: try query.id("after"), before: try query.id("before"),
                                        limit: limit ?? ZenviaQuery.maxLimit)
            return page.compactMap { prospects[$0].map { json($0) } }
        }
    }

    /// `search`: "a phone number, an email address or a name".
    static func matches(_ prospect: ZenviaProspect, _ search: String) -> Bool {
        let digits = Self.digits(search)
        if (prospect.firstName + " " + prospect.lastName).lowercased().contains(search) { return true }
        if prospect.emails.contains(where: { $0.lowercased().contains(search) }) { return true }
        return digits.count >= 4 && prospect.phones.contains { Self.digits($0).contains(digits) }
    }

    /// GET /prospects/search: by e-mail and/or phone, at least one.
    func searchProspect(email: String?, phone: String?) throws(ZenviaError) -> [String: Any] {
        guard email != nil || phone != nil else { throw .missing("At least one of email or phoneNumber is required.") }
        return try locked { () throws(ZenviaError) in
            guard let prospect = matchingProspect(emails: email.map { [$0] } ?? [], phones: phone.map { [$0] } ?? []) else {
                throw .prospectNotFound
            }
            return json(prospect)
        }
    }

    /// GET /prospect/{id}.
    func prospectJSON(_ id: String) throws(ZenviaError) -> [String: Any] {
        try locked { () throws(ZenviaError) in json(try liveProspect(id)) }
    }

    /// PUT /prospect/{id}: firstName, lastName, label replace; phone and email are added.
    func updateProspect(_ id: String, _ body: [String: Any]) throws(ZenviaError) -> [String: Any] {
        try locked { () throws(ZenviaError) in
            var prospect = try liveProspect(id)
            for field in ["firstName", "lastName", "label", "phone", "email"] {
                switch JSONBody.text(body, field) {
                case .missing: continue
                case .wrongType: throw .invalid("\(field) must be a string.")
                case .value(let text):
                    guard text.count <= LeadRules.maxFieldLength else { throw .invalid("\(field) must be at most 255 characters.") }
                    switch field {
                    case "firstName": prospect.firstName = text
                    case "lastName": prospect.lastName = text
                    case "label": prospect.label = text.isEmpty ? nil : text
                    case "phone":
                        guard !Self.digits(text).isEmpty else { throw .invalid("phone must contain digits.") }
                        if !prospect.phones.contains(where: { Self.digits($0) == Self.digits(text) }) { prospect.phones.append(text) }
                    default:
                        guard LeadRules.isValidEmail(text) else { throw .invalid("email must be a valid e-mail address.") }
                        if !prospect.emails.contains(where: { $0.lowercased() == text.lowercased() }) { prospect.emails.append(text) }
                    }
                }
            }
            prospects[id] = prospect
            return json(prospect)
        }
    }

    /// DELETE /prospect/{id}: gone from every list (kept in `/_sim/state` with `deleted`).
    func deleteProspect(_ id: String) throws(ZenviaError) {
        try locked { () throws(ZenviaError) in
            var prospect = try liveProspect(id)
            prospect.deleted = true
            prospects[id] = prospect
        }
    }

    /// POST /prospect/{id}/archive.
    func archiveProspect(_ id: String, reason: String?) throws(ZenviaError) -> [String: Any] {
        try locked { () throws(ZenviaError) in
            var prospect = try liveProspect(id)
            prospect.status = "archived"
            prospect.archivingReason = reason ?? prospect.archivingReason
            prospects[id] = prospect
            return json(prospect)
        }
    }

    /// POST /prospect/{id}/transfer: to a group and/or an agent from the transfer targets.
    func transferProspect(_ id: String, group: String?, user: String?) throws(ZenviaError) {
        guard group != nil || user != nil else { throw .missing("group or user is required.") }
        for (name, value) in [("group", group), ("user", user)] {
            if let value, !ZenviaVocabulary.isId(value) { throw .invalid("\(name) must match ^[a-z0-9]{24}$.") }
        }
        try locked { () throws(ZenviaError) in
            var prospect = try liveProspect(id)
            let target = user.flatMap { agent($0) }
            if user != nil, target == nil { throw ZenviaError(status: 404, message: "User not found.", code: "NOT_FOUND") }
            if let group, self.group(group) == nil { throw ZenviaError(status: 404, message: "Group not found.", code: "NOT_FOUND") }
            if let target {
                prospect.agentId = target.id
                prospect.assigned = clock()
            }
            prospect.groupId = group ?? target?.groupId ?? prospect.groupId
            prospect.transferred = clock()
            prospects[id] = prospect
        }
    }

    /// GET /prospects/transfer-targets.
    func transferTargets() -> [String: Any] {
        lock.withLock {
            ["agents": agents.map(Self.json), "groups": groups.map { ["id": $0.id, "name": $0.name] }]
        }
    }
}
