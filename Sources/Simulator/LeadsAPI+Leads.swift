import Core
import Foundation

extension LeadsAPI {
    /// GET /leads/list/
    func listLeads(_ call: Call) throws(SimFailure) -> HTTPResponse {
        let page = try pageRequest(call)
        let filter = try leadFilter(call)
        let result = state.listLeads(filter, offset: page.offset, limit: page.limit)
        return pageResponse(result.items, count: result.count, page: page, call: call, row: Self.writeRow)
    }

    private func leadFilter(_ call: Call) throws(SimFailure) -> LeadListFilter {
        var filter = LeadListFilter()
        func text(_ name: String) -> String? {
            guard let value = call.form[name], !value.isEmpty else { return nil }
            return value
        }
        if let listType = text("list_type") {
            guard listType == "assigned" else { throw .field("list_type", VendorMessages.invalidChoice(listType)) }
            filter.assignedTo = call.user.username
        }
        if let status = text("status") {
            guard let value = LeadStatus(rawValue: status) else { throw .field("status", VendorMessages.invalidChoice(status)) }
            filter.status = value
        }
        filter.firstName = text("first_name")
        filter.lastName = text("last_name")
        filter.email = text("email")
        filter.phone = text("phone")
        filter.owner = text("owner")
        filter.campaignSlug = text("campaign_slug")
        return filter
    }

    /// GET /leads/view/lead/?slug=
    func viewLead(_ call: Call) throws(SimFailure) -> HTTPResponse {
        let detail = try state.leadDetail(slug: call.form["slug"])
        var body = Self.listJSON(detail.lead)
        body["message"] = detail.lead.message
        body["location"] = detail.lead.location
        body["recent_activities"] = detail.activities.map { activity -> [String: Any] in
            ["id": activity.id, "activity_type": activity.type,
             "created": WireDate.formatTimestamp(activity.createdAt), "activity": activity.text]
        }
        body["notes"] = detail.notes.map { note -> [String: Any] in
            ["id": note.id, "note": note.text, "note_created": WireDate.formatTimestamp(note.createdAt), "user": note.author]
        }
        body["conversion"] = detail.lead.conversion
        return Envelope.ok(body)
    }

    /// POST /leads/create/lead/ — seed 001: `"data": {}`, no id.
    func createLead(_ call: Call) throws(SimFailure) -> HTTPResponse {
        try state.createLead(call.form, by: call.user.username)
        return Envelope.ok([String: Any]())
    }

    /// POST /leads/update/lead/
    func updateLead(_ call: Call) throws(SimFailure) -> HTTPResponse {
        try state.updateLead(call.form, by: call.user.username)
        return Envelope.ok([String: Any]())
    }

    /// POST /leads/delete/lead/
    func deleteLead(_ call: Call) throws(SimFailure) -> HTTPResponse {
        try state.deleteLead(slug: call.form["slug"], by: call.user.username)
        return Envelope.ok([String: Any]())
    }

    /// A lead as the list endpoint shows it, streamed (same fields as `listJSON`).
    static func writeRow(_ lead: SimLead, into out: inout JSONWriter) {
        out.beginObject()
        out.field("id", lead.id)
        out.field("slug", lead.slug)
        out.field("first_name", lead.firstName)
        out.field("last_name", lead.lastName)
        out.field("name", lead.name)
        out.field("phone", lead.phone)
        out.field("email", lead.email)
        out.field("added_on", WireDate.formatTimestamp(lead.createdAt))
        out.field("status", lead.status.rawValue)
        out.field("source", lead.source?.rawValue ?? "")
        out.field("owner", lead.owner)
        out.endObject()
    }

    /// A lead as the list endpoint shows it.
    static func listJSON(_ lead: SimLead) -> [String: Any] {
        [
            "id": lead.id, "slug": lead.slug, "first_name": lead.firstName, "last_name": lead.lastName,
            "name": lead.name, "phone": lead.phone, "email": lead.email,
            "added_on": WireDate.formatTimestamp(lead.createdAt), "status": lead.status.rawValue,
            "source": lead.source?.rawValue ?? "", "owner": lead.owner,
        ]
    }
}
