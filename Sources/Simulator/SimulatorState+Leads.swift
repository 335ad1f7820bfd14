import Core
import Foundation

/// The lead detail of seed 001's view endpoint.
public struct SimLeadDetail: Sendable {
    public var lead: SimLead
    /// Newest first.
    public var notes: [Note]
    /// Newest first.
    public var activities: [Activity]
}

extension SimulatorState {
    /// seed 001 view lead: "This field is required and this may not be blank."
    static let viewSlugRequired = "This field is required and this may not be blank."

    /// seed 001 create lead: validates through `LeadRules` and stores the lead owned by `assignee`.
    @discardableResult
    public func createLead(_ form: [String: String], by actor: String) throws(SimFailure) -> SimLead {
        try locked { () throws(SimFailure) -> SimLead in
            let errors = LeadRules.validateCreate(form, assigneeExists: userExists)
            guard errors.isEmpty else { throw .validation(errors) }
            let now = clock()
            let id = Int64(leads.count + 1)
            let first = form["first_name"] ?? ""
            let last = form["last_name"] ?? ""
            let lead = SimLead(
                id: id, slug: SimLead.makeSlug(firstName: first, lastName: last, id: id),
                firstName: first, lastName: last, email: form["email"] ?? "", phone: form["phone"] ?? "",
                location: form["location"] ?? "", message: form["message"] ?? "",
                status: LeadStatus(rawValue: form["status"] ?? "") ?? .prospect,
                source: LeadSource(rawValue: form["source"] ?? ""),
                owner: trimmed(form["assignee"] ?? ""), createdAt: now, updatedAt: now, deleted: false)
            insert(lead)
            addActivity(leadId: id, type: "created", text: "Lead created by \(actor)", at: now)
            return lead
        }
    }

    /// seed 001 update lead. `actor` nil skips the ownership check (control endpoints);
    /// `partial` fills fields missing from the form with the lead's current values first.
    @discardableResult
    public func updateLead(_ form: [String: String], by actor: String?, partial: Bool = false) throws(SimFailure) -> SimLead {
        try locked { () throws(SimFailure) -> SimLead in
            var form = form
            if partial, let slug = form["slug"], let index = leadIndex(slug: slug) {
                let lead = leads[index]
                let current: [String: String] = [
                    "first_name": lead.firstName, "last_name": lead.lastName, "email": lead.email,
                    "phone": lead.phone, "location": lead.location, "message": lead.message,
                    "status": lead.status.rawValue, "source": lead.source?.rawValue ?? "", "assignee": lead.owner,
                ]
                form.merge(current) { sent, _ in sent }
            }
            let errors = LeadRules.validateUpdate(form, assigneeExists: userExists)
            guard errors.isEmpty else { throw .validation(errors) }
            // seed 001 update lead, 401: "Requested lead does not esixt." / "You are not owner of this lead."
            guard let slug = form["slug"], let index = leadIndex(slug: slug), !leads[index].deleted else {
                throw .request(VendorMessages.leadDoesNotExist)
            }
            if let actor, leads[index].owner != actor { throw .request(VendorMessages.notOwner) }
            return apply(form, to: index, actor: actor ?? "another agent")
        }
    }

    /// Writes validated fields; records "updated" and "status" activities for what changed.
    private func apply(_ form: [String: String], to index: Int, actor: String) -> SimLead {
        var lead = leads[index]
        let before = lead
        lead.firstName = form["first_name"] ?? lead.firstName
        lead.lastName = form["last_name"] ?? lead.lastName
        lead.email = form["email"] ?? lead.email
        lead.phone = form["phone"] ?? lead.phone
        lead.owner = form["assignee"].map(trimmed) ?? lead.owner
        if let location = form["location"] { lead.location = location }
        if let message = form["message"] { lead.message = message }
        if let status = form["status"], let value = LeadStatus(rawValue: status) { lead.status = value }
        if let source = form["source"] { lead.source = LeadSource(rawValue: source) }
        guard lead != before else { return lead }
        let now = clock()
        lead.updatedAt = now
        leads[index] = lead
        var changed: [String] = []
        if lead.firstName != before.firstName { changed.append("first_name") }
        if lead.lastName != before.lastName { changed.append("last_name") }
        if lead.email != before.email { changed.append("email") }
        if lead.phone != before.phone { changed.append("phone") }
        if lead.location != before.location { changed.append("location") }
        if lead.message != before.message { changed.append("message") }
        if lead.source != before.source { changed.append("source") }
        if lead.owner != before.owner { changed.append("assignee") }
        if !changed.isEmpty {
            addActivity(leadId: lead.id, type: "updated", text: "Lead updated by \(actor): " + changed.joined(separator: ", "), at: now)
        }
        if lead.status != before.status {
            addActivity(
                leadId: lead.id, type: "status",
                text: "Status changed from \(before.status.rawValue) to \(lead.status.rawValue) by \(actor)", at: now)
        }
        return lead
    }

    /// seed 001 delete lead (soft delete). `actor` nil skips the ownership check.
    public func deleteLead(slug: String?, by actor: String?) throws(SimFailure) {
        try locked { () throws(SimFailure) in
            let index = try existingLead(slug: slug)
            if let actor, leads[index].owner != actor { throw .request(VendorMessages.cannotDeleteLead) }
            let now = clock()
            leads[index].deleted = true
            leads[index].updatedAt = now
            liveLeadCount -= 1
            addActivity(leadId: leads[index].id, type: "deleted", text: "Lead deleted by \(actor ?? "another agent")", at: now)
        }
    }

    /// seed 001 view lead: the lead with its notes and activities, newest first.
    public func leadDetail(slug: String?) throws(SimFailure) -> SimLeadDetail {
        try locked { () throws(SimFailure) -> SimLeadDetail in
            guard let slug, !trimmed(slug).isEmpty else { throw .field("slug", Self.viewSlugRequired) }
            guard let index = leadIndex(slug: slug) else { throw .field("slug", VendorMessages.invalidSlug) }
            let lead = leads[index]
            // Chosen: a soft-deleted lead reads as not found.
            guard !lead.deleted else { throw .field("slug", VendorMessages.leadNotFound) }
            return SimLeadDetail(
                lead: lead, notes: (notesByLead[lead.id] ?? []).reversed(),
                activities: (activitiesByLead[lead.id] ?? []).reversed())
        }
    }

    /// The slug checks shared by delete lead and create note (400 on `slug`).
    func existingLead(slug: String?) throws(SimFailure) -> Int {
        guard let slug else { throw .field("slug", VendorMessages.required) }
        guard !trimmed(slug).isEmpty else { throw .field("slug", VendorMessages.blank) }
        guard let index = leadIndex(slug: slug) else { throw .field("slug", VendorMessages.leadNotFound) }
        guard !leads[index].deleted else { throw .field("slug", VendorMessages.leadAlreadyDeleted) }
        return index
    }

    func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
