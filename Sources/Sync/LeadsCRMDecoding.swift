import Core
import Foundation

/// Turns seed 001 envelopes into records or classified `SyncError`s.
enum LeadsCRMDecoding {
    /// The `data` of a successful envelope, or the error the status and `errors` keys mean:
    /// 401 with key "auth" → credentials rejected; 401 "request" and 400 → this change rejected;
    /// 429 → rate limited; 5xx → server error; a 2xx with a broken body → malformed.
    static func data(of response: HTTPClientResponse, rateLimitReset: (HTTPClientResponse) -> Date?) throws -> Any? {
        let status = response.status
        if status == 429 { throw SyncError.rateLimited(until: rateLimitReset(response)) }
        if status >= 500 { throw SyncError.serverError(status: status) }
        if status == 401 || status == 400 {
            let errors = (try? JSONReader.object(response.body)).map { JSONReader.errors($0["errors"]) } ?? [:]
            if status == 401 {
                if errors["request"] != nil { throw SyncError.rejected(ValidationErrors(errors)) }
                let message = errors["auth"]?.first ?? VendorMessages.invalidCredentials
                throw SyncError.credentialsRejected(message)
            }
            throw SyncError.rejected(ValidationErrors(errors.isEmpty ? ["request": ["Validation Error"]] : errors))
        }
        guard (200..<300).contains(status) else { throw SyncError.unexpectedStatus(status) }
        let envelope = try JSONReader.object(response.body)
        if let code = JSONReader.int(envelope["status_code"]), code >= 400 {
            // An error envelope inside a 200: classify it as if it were the HTTP status.
            let inner = HTTPClientResponse(status: code, headers: response.headers, body: response.body)
            return try data(of: inner, rateLimitReset: rateLimitReset)
        }
        guard envelope.keys.contains("data") else { throw SyncError.malformedResponse("no \"data\" in the envelope") }
        return envelope["data"]
    }

    /// The `data` object (a malformed error when it is not an object).
    static func object(_ data: Any?) throws -> [String: Any] {
        guard let object = data as? [String: Any] else { throw SyncError.malformedResponse("\"data\" is not an object") }
        return object
    }

    /// (Closer's wire name, seed 001's key) of every lead field read from a row or detail.
    static let leadKeys = [("first_name", "first_name"), ("last_name", "last_name"), ("email", "email"),
                           ("phone", "phone"), ("status", "status"), ("source", "source"),
                           ("assignee", "owner"), ("message", "message"), ("location", "location")]

    /// A lead from a list row or detail object; nil when it has no slug.
    static func lead(_ row: [String: Any]) -> LeadsCRMLead? {
        guard let slug = JSONReader.text(row["slug"]), !slug.isEmpty else { return nil }
        var fields: [String: String] = [:]
        for (wire, key) in leadKeys {
            if let value = JSONReader.text(row[key]) { fields[wire] = value }
        }
        if fields["assignee"] == nil, let assignee = JSONReader.text(row["assignee"]) { fields["assignee"] = assignee }
        let added = JSONReader.text(row["added_on"]).flatMap(WireDate.parseTimestamp)
        return LeadsCRMLead(
            id: JSONReader.text(row["id"]) ?? "", slug: slug, fields: fields,
            addedOn: added.map { Date(timeIntervalSince1970: TimeInterval($0)) })
    }

    /// A page of `results` decoded with `item` (rows it cannot read are skipped).
    static func page<T>(_ data: Any?, item: ([String: Any]) -> T?) throws -> LeadsCRMPage<T> {
        let object = try object(data)
        guard let rows = object["results"] as? [Any] else { throw SyncError.malformedResponse("no \"results\" list") }
        let results = rows.compactMap { ($0 as? [String: Any]).flatMap(item) }
        let next = object["next"]
        let hasNext = !(next == nil || next is NSNull || (JSONReader.text(next) ?? "").isEmpty)
        return LeadsCRMPage(results: results, count: JSONReader.int(object["count"]) ?? results.count, hasNext: hasNext)
    }

    /// An appointment list row; nil when its id or dates do not parse.
    static func appointment(_ row: [String: Any]) -> LeadsCRMAppointment? {
        guard let id = JSONReader.text(row["id"]),
              let from = JSONReader.text(row["fromdate"]).flatMap(WireDate.parseAppointment),
              let to = JSONReader.text(row["todate"]).flatMap(WireDate.parseAppointment)
        else { return nil }
        let status = JSONReader.text(row["appointment_status"]).flatMap(AppointmentStatus.init(rawValue:)) ?? .pending
        return LeadsCRMAppointment(
            id: id, leadId: JSONReader.text(row["lead_id"]) ?? "", leadSlug: JSONReader.text(row["leadslug"]) ?? "",
            leadName: JSONReader.text(row["lead"]) ?? "",
            start: Date(timeIntervalSince1970: TimeInterval(from)), end: Date(timeIntervalSince1970: TimeInterval(to)),
            note: JSONReader.text(row["appointment_note"]) ?? "", status: status)
    }

    /// A lead detail.
    static func detail(_ data: Any?) throws -> LeadsCRMLeadDetail {
        let object = try object(data)
        guard let lead = lead(object) else { throw SyncError.malformedResponse("lead detail without a slug") }
        let activities = JSONReader.objects(object["recent_activities"]).compactMap { row -> LeadsCRMActivity? in
            guard let id = JSONReader.text(row["id"]) else { return nil }
            return LeadsCRMActivity(
                id: id, type: JSONReader.text(row["activity_type"]) ?? "", text: JSONReader.text(row["activity"]) ?? "",
                created: timestamp(row["created"]))
        }
        let notes = JSONReader.objects(object["notes"]).compactMap { row -> LeadsCRMNote? in
            guard let id = JSONReader.text(row["id"]) else { return nil }
            return LeadsCRMNote(
                id: id, text: JSONReader.text(row["note"]) ?? "", user: JSONReader.text(row["user"]) ?? "",
                created: timestamp(row["note_created"]))
        }
        return LeadsCRMLeadDetail(lead: lead, activities: activities, notes: notes,
                                  conversion: JSONReader.double(object["conversion"]))
    }

    /// The overview.
    static func overview(_ data: Any?) throws -> LeadsCRMOverview {
        let object = try object(data)
        let leadsData = object["LeadsData"] as? [String: Any] ?? [:]
        let statuses = JSONReader.objects(leadsData["status"]).map { row in
            LeadsCRMOverview.StatusCount(
                status: JSONReader.text(row["status"]) ?? "", count: JSONReader.int(row["count"]) ?? 0,
                description: JSONReader.text(row["Description"]) ?? "", color: JSONReader.text(row["Color"]) ?? "")
        }
        var sources: [String: Int] = [:]
        for row in JSONReader.objects(leadsData["source"]) {
            if let source = JSONReader.text(row["source"]) { sources[source] = JSONReader.int(row["count"]) ?? 0 }
        }
        let appointments = JSONReader.objects(object["appointments"]).map { row in
            var out: [String: String] = [:]
            for (key, value) in row { if let text = JSONReader.text(value) { out[key] = text } }
            return out
        }
        return LeadsCRMOverview(statuses: statuses, sources: sources,
                                totalLeads: JSONReader.int(object["TotalLeads"]) ?? 0, appointments: appointments)
    }

    private static func timestamp(_ value: Any?) -> Date? {
        JSONReader.text(value).flatMap(WireDate.parseTimestamp).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }
}
