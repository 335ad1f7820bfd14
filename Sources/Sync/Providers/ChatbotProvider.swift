import Core
import Foundation

/// seed 003 chatbot workspace: a destination for single leads with `metadata`.
/// `POST /api/v1/chatbots/{chatbotId}/leads`, `Authorization: Bearer sk-workspace_…`.
/// `DUPLICATE_EMAIL` carries `existingLeadId`, so a resend after a lost answer links the lead
/// instead of making a second one: retries are safe.
public struct ChatbotProvider: LeadPushProvider {
    public let providerKey: String
    public let chatbotId: String
    public let client: VendorClient
    public var metrics: RequestMetrics { client.metrics }
    public let capabilities = ProviderCapabilities(features: [.pushLeads, .createWithMetadata], createRecovery: .idempotent)

    /// A provider for the chatbot `chatbotId` at `baseURL`.
    public init(providerKey: String, baseURL: URL, chatbotId: String, apiKey: Secret, transport: (any HTTPTransport)? = nil,
                retryPolicy: RetryPolicy = RetryPolicy(), clock: any SyncClock = SystemClock()) {
        self.providerKey = providerKey
        self.chatbotId = chatbotId
        client = VendorClient(baseURL: baseURL, headers: ["Authorization": "Bearer \(apiKey.reveal())"],
                              transport: transport, retryPolicy: retryPolicy, clock: clock)
    }

    var path: String { "/api/v1/chatbots/\(FormEncoding.escape(chatbotId))/leads" }

    public func push(_ leads: [PushedLead]) async throws -> [PushResult] {
        var results: [PushResult] = []
        for lead in leads {
            // Safe to repeat: a second send of the same e-mail answers DUPLICATE_EMAIL with the first id.
            let response = try await client.send("POST", path, json: Self.wire(lead), idempotent: true)
            results.append(try Self.result(response))
        }
        return results
    }

    /// One lead as seed 003 takes it: name, email, phone, source, status and metadata (the lead's
    /// own metadata plus company and job title).
    static func wire(_ lead: PushedLead) -> [String: Any] {
        var metadata: [String: Any] = lead.metadata
        for (field, key) in [("company", "company"), ("job_title", "job_title"), ("location", "location"), ("message", "message")] {
            if let value = lead.fields[field], !value.isEmpty, metadata[key] == nil { metadata[key] = value }
        }
        return [
            "name": lead.fullName, "email": lead.fields["email"] ?? "", "phone": lead.fields["phone"] ?? "",
            "source": lead.fields["source"] ?? "", "status": lead.fields["status"] ?? "", "metadata": metadata,
        ]
    }

    /// What one answer means for its lead.
    static func result(_ response: HTTPClientResponse) throws -> PushResult {
        let object = try? VendorJSON.object(response)
        if (200..<300).contains(response.status) {
            guard let object, object["success"] as? Bool == true, let data = object["data"] as? [String: Any],
                  let id = JSONReader.text(data["id"]), !id.isEmpty
            else { throw SyncError.malformedResponse("no data.id in the answer") }
            return .created(remoteId: id)
        }
        let code = object.flatMap { JSONReader.text($0["code"]) } ?? ""
        let error = object.flatMap { JSONReader.text($0["error"]) } ?? ""
        let details = object?["details"] as? [String: Any] ?? [:]
        if code == "DUPLICATE_EMAIL", let existing = JSONReader.text(details["existingLeadId"]), !existing.isEmpty {
            return .existing(remoteId: existing)
        }
        if code == "CHATBOT_NOT_FOUND" || response.status == 404 {
            // A wrong chatbot_id: nothing sent there can succeed until the config is fixed.
            throw SyncError.remoteRefused(error.isEmpty ? "Chatbot not found" : error + " (check chatbot_id)")
        }
        if code == "VALIDATION_ERROR" || response.status == 400 {
            let field = JSONReader.text(details["field"]) ?? "request"
            let message = JSONReader.text(details["message"]) ?? (error.isEmpty ? "Validation failed" : error)
            return .rejected(ValidationErrors([field == "name" ? "first_name" : field: [message]]))
        }
        switch response.status {
        case 401, 403: throw SyncError.credentialsRejected(error.isEmpty ? "Invalid API key." : error)
        case 500...: throw SyncError.serverError(status: response.status)
        default: throw SyncError.unexpectedStatus(response.status)
        }
    }
}
