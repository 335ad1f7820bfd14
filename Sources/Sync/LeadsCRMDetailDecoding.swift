import Core
import Foundation

/// The seed 001 lead detail read with `JSONValue` (the one request per lead of a first pull):
/// the same records and errors as `LeadsCRMDecoding.detail(LeadsCRMDecoding.data(of:))`, without
/// JSONSerialization's `[String: Any]`. Any answer that is not a plain success goes through
/// `LeadsCRMDecoding.data(of:)`, so errors are classified in one place.
enum LeadsCRMDetailDecoding {
    /// The detail in a response, or the error it means.
    static func detail(of response: HTTPClientResponse, rateLimitReset: (HTTPClientResponse) -> Date?) throws -> LeadsCRMLeadDetail {
        if (200..<300).contains(response.status), let envelope = JSONValue.parse(response.body),
           case .object(let members) = envelope, (members["status_code"]?.int).map({ $0 < 400 }) ?? true {
            guard let data = members["data"] else { throw SyncError.malformedResponse("no \"data\" in the envelope") }
            return try detail(data)
        }
        return try LeadsCRMDecoding.detail(LeadsCRMDecoding.data(of: response, rateLimitReset: rateLimitReset))
    }

    /// A detail from the envelope's `data`.
    static func detail(_ data: JSONValue) throws -> LeadsCRMLeadDetail {
        guard case .object = data else { throw SyncError.malformedResponse("\"data\" is not an object") }
        guard let lead = lead(data) else { throw SyncError.malformedResponse("lead detail without a slug") }
        let activities = (data["recent_activities"]?.objects ?? []).compactMap { row -> LeadsCRMActivity? in
            guard let id = row["id"]?.text else { return nil }
            return LeadsCRMActivity(id: id, type: row["activity_type"]?.text ?? "", text: row["activity"]?.text ?? "",
                                    created: timestamp(row["created"]))
        }
        let notes = (data["notes"]?.objects ?? []).compactMap { row -> LeadsCRMNote? in
            guard let id = row["id"]?.text else { return nil }
            return LeadsCRMNote(id: id, text: row["note"]?.text ?? "", user: row["user"]?.text ?? "",
                                created: timestamp(row["note_created"]))
        }
        return LeadsCRMLeadDetail(lead: lead, activities: activities, notes: notes, conversion: data["conversion"]?.double)
    }

    /// The lead of a detail object (as `LeadsCRMDecoding.lead`); nil without a slug.
    static func lead(_ row: JSONValue) -> LeadsCRMLead? {
        guard let slug = row["slug"]?.text, !slug.isEmpty else { return nil }
        var fields: [String: String] = [:]
        for (wire, key) in LeadsCRMDecoding.leadKeys {
            if let value = row[key]?.text { fields[wire] = value }
        }
        if fields["assignee"] == nil, let assignee = row["assignee"]?.text { fields["assignee"] = assignee }
        let added = row["added_on"]?.text.flatMap(WireDate.parseTimestamp)
        return LeadsCRMLead(id: row["id"]?.text ?? "", slug: slug, fields: fields,
                            addedOn: added.map { Date(timeIntervalSince1970: TimeInterval($0)) })
    }

    private static func timestamp(_ value: JSONValue?) -> Date? {
        value?.text.flatMap(WireDate.parseTimestamp).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }
}
