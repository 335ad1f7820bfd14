import Core
import Foundation

/// seed 002 ClosingDealz: a bulk destination. `POST /api/v1/leads` with `X-API-Key`, a JSON
/// array of 1–100 leads, envelope `{succeeded, statusCode, statusCodeDescription, message}`.
/// It returns no ids and offers no lookup, so a lost answer leaves the outcome unknown.
public struct ClosingDealzProvider: LeadPushProvider {
    /// seed 002: "The maximum amount of leads to create at once is 100".
    public static let batchLimit = 100
    /// seed 002: "only 1000 requests every 5 minutes is allowed".
    public static let requestsPerWindow = 1000
    public static let window: TimeInterval = 300

    public let providerKey: String
    public let client: VendorClient
    public var metrics: RequestMetrics { client.metrics }
    public let capabilities = ProviderCapabilities(
        features: [.pushLeads, .bulkCreate], bulkCreateLimit: ClosingDealzProvider.batchLimit, createRecovery: .none)

    /// A provider for the remote `providerKey` at `baseURL` (`<url>/api/v1/leads` is appended).
    public init(providerKey: String, baseURL: URL, apiKey: Secret, transport: (any HTTPTransport)? = nil,
                retryPolicy: RetryPolicy = RetryPolicy(), clock: any SyncClock = SystemClock()) {
        self.providerKey = providerKey
        client = VendorClient(
            baseURL: baseURL, headers: ["X-API-Key": apiKey.reveal()], transport: transport, retryPolicy: retryPolicy,
            clock: clock, pacer: RequestPacer(limit: Self.requestsPerWindow, window: Self.window, clock: clock))
    }

    /// Requests left in the current 5-minute budget.
    public var headroom: Int { client.pacer?.headroom ?? 0 }

    public func push(_ leads: [PushedLead]) async throws -> [PushResult] {
        guard !leads.isEmpty else { return [] }
        guard leads.count <= Self.batchLimit else {
            throw SyncError.configuration("at most \(Self.batchLimit) leads per ClosingDealz request")
        }
        let response = try await client.send("POST", "/api/v1/leads", json: leads.map(Self.wire), idempotent: false)
        try Self.check(response)
        return leads.map { _ in .created(remoteId: nil) }
    }

    /// One lead as seed 002 takes it.
    static func wire(_ lead: PushedLead) -> [String: Any] {
        var notes = lead.fields["message"] ?? ""
        if let location = lead.fields["location"], !location.isEmpty {
            notes = notes.isEmpty ? location : notes + " (" + location + ")"
        }
        return [
            "company": lead.fields["company"] ?? "", "contactPerson": lead.fullName, "jobTitle": lead.fields["job_title"] ?? "",
            "email": lead.fields["email"] ?? "", "phoneNumber": lead.fields["phone"] ?? "", "notes": notes,
        ]
    }

    /// Classifies the envelope: success, 401, the free plan's refusal (stops the remote), other 400s.
    static func check(_ response: HTTPClientResponse) throws {
        let object = try? VendorJSON.object(response)
        let message = object.flatMap { JSONReader.text($0["message"]) } ?? ""
        let succeeded = object?["succeeded"] as? Bool
        switch response.status {
        case 200..<300:
            guard let object else { throw SyncError.malformedResponse("the body is not a JSON object") }
            if succeeded == false {
                let inner = JSONReader.int(object["statusCode"]) ?? 400
                throw failure(status: inner, message: message)
            }
            guard succeeded == true else { throw SyncError.malformedResponse("no \"succeeded\" in the envelope") }
        default:
            throw failure(status: response.status, message: message)
        }
    }

    static func failure(status: Int, message: String) -> SyncError {
        switch status {
        case 401: return .credentialsRejected(message.isEmpty ? "Invalid API key." : message)
        case 400 where message.lowercased().contains("free plan"): return .remoteRefused(message)
        case 400: return .rejected(ValidationErrors(["request": [message.isEmpty ? "Bad request." : message]]))
        case 429: return .rateLimited(until: nil)
        case 500...: return .serverError(status: status)
        default: return .unexpectedStatus(status)
        }
    }
}
