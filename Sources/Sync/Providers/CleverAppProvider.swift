import Core
import Foundation

/// seed 000 CleverApp: lead capture (`POST /api/leads` → `{id, …}`), follow-up e-mail
/// (`POST /api/follow-up`) and lead update (`PUT /api/leads/{id}`), `Authorization: Bearer`.
/// A create cannot be looked up afterwards: a lost answer leaves the outcome unknown.
public struct CleverAppProvider: LeadPushProvider, LeadUpdatingProvider, FollowUpProvider {
    public let providerKey: String
    public let client: VendorClient
    public var metrics: RequestMetrics { client.metrics }
    public let capabilities = ProviderCapabilities(features: [.pushLeads, .editLeads, .followUpEmail], createRecovery: .none)
    /// CleverApp has no lead list: nothing is "detail only".
    public let detailOnlyLeadFields: [String] = []

    /// A provider for the remote `providerKey` at `baseURL` (`/api/...` is appended).
    public init(providerKey: String, baseURL: URL, apiKey: Secret, transport: (any HTTPTransport)? = nil,
                retryPolicy: RetryPolicy = RetryPolicy(), clock: any SyncClock = SystemClock()) {
        self.providerKey = providerKey
        client = VendorClient(baseURL: baseURL, headers: ["Authorization": "Bearer \(apiKey.reveal())"],
                              transport: transport, retryPolicy: retryPolicy, clock: clock)
    }

    public func push(_ leads: [PushedLead]) async throws -> [PushResult] {
        var results: [PushResult] = []
        for lead in leads {
            let body: [String: Any] = ["name": lead.fullName, "email": lead.fields["email"] ?? "",
                                       "source": lead.fields["source"] ?? ""]
            let response = try await client.send("POST", "/api/leads", json: body, idempotent: false)
            do {
                let object = try Self.check(response)
                guard let id = JSONReader.text(object["id"]), !id.isEmpty else {
                    throw SyncError.malformedResponse("no id in the answer")
                }
                results.append(.created(remoteId: id))
            } catch SyncError.rejected(let errors) {
                results.append(.rejected(errors))
            }
        }
        return results
    }

    public func updateLead(remoteId: String, fields: [String: String]) async throws {
        let name = [fields["first_name"] ?? "", fields["last_name"] ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        let body: [String: Any] = ["name": name, "email": fields["email"] ?? "", "phone": fields["phone"] ?? "",
                                   "status": fields["status"] ?? ""]
        let response = try await client.send("PUT", "/api/leads/\(FormEncoding.escape(remoteId))", json: body, idempotent: true)
        _ = try Self.check(response)
    }

    public func sendFollowUp(remoteId: String, subject: String, body: String) async throws -> String {
        let response = try await client.send("POST", "/api/follow-up",
                                             json: ["lead_id": remoteId, "subject": subject, "body": body], idempotent: false)
        let object = try Self.check(response)
        return JSONReader.text(object["message"]) ?? "Follow-up email sent."
    }

    /// The answer's object, or the error its status means (seed 000's messages, body `{"error": …}`).
    static func check(_ response: HTTPClientResponse) throws -> [String: Any] {
        let message = VendorJSON.text(response, "error") ?? ""
        switch response.status {
        case 200..<300: return try VendorJSON.object(response)
        case 401: throw SyncError.credentialsRejected(message.isEmpty ? "Unauthorized" : message)
        case 400, 403, 404:
            throw SyncError.rejected(ValidationErrors(["request": [message.isEmpty ? "HTTP \(response.status)" : message]]))
        case 500...: throw SyncError.serverError(status: response.status)
        default: throw SyncError.unexpectedStatus(response.status)
        }
    }
}
