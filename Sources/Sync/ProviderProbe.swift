import Foundation

/// What `closer doctor` learns from one harmless request to a remote.
public struct ProbeReport: Sendable, Equatable {
    /// What answered ("key accepted", "2000 leads").
    public var detail: String
    /// Requests left before the remote's rate limit, as the remote or our pacer tells it; nil when unknown.
    public var headroom: String?

    /// A report.
    public init(detail: String, headroom: String? = nil) {
        self.detail = detail
        self.headroom = headroom
    }
}

/// A provider that can check reachability and credentials without changing anything remote.
/// Throws `.unreachable`, `.credentialsRejected`, ... like any request.
public protocol ProbingProvider: RemoteProvider {
    /// One request that creates nothing.
    func probe() async throws -> ProbeReport
}

extension LeadsCRMProvider: ProbingProvider {
    /// The overview: every count in one small request.
    public func probe() async throws -> ProbeReport {
        let overview = try await api.overview()
        return ProbeReport(detail: "credentials accepted, \(overview.totalLeads) leads on the server",
                           headroom: "no published limit (429s are honoured)")
    }
}

extension ClosingDealzProvider: ProbingProvider {
    /// An empty array: 400 "must contain at least one lead" means the key was accepted; nothing is created.
    public func probe() async throws -> ProbeReport {
        let response = try await client.send("POST", "/api/v1/leads", json: [Any](), idempotent: true)
        let message = VendorJSON.text(response, "message") ?? ""
        if response.status == 401 { throw SyncError.credentialsRejected(message.isEmpty ? "Invalid API key." : message) }
        if response.status >= 500 { throw SyncError.serverError(status: response.status) }
        return ProbeReport(detail: "key accepted", headroom: "\(headroom) of \(Self.requestsPerWindow) requests per 5 min left in this process")
    }
}

extension ChatbotProvider: ProbingProvider {
    /// An empty lead: VALIDATION_ERROR means key and chatbot are right; nothing is created.
    public func probe() async throws -> ProbeReport {
        let response = try await client.send("POST", path, json: [String: Any](), idempotent: true)
        do {
            if case .rejected = try Self.result(response) {
                return ProbeReport(detail: "key and chatbot \(chatbotId) accepted", headroom: "no published limit")
            }
        }
        return ProbeReport(detail: "key accepted", headroom: "no published limit")
    }
}

extension CleverAppProvider: ProbingProvider {
    /// An update of a lead that does not exist: 404 (or 400) means the key was accepted.
    public func probe() async throws -> ProbeReport {
        let response = try await client.send("PUT", "/api/leads/closer-doctor-probe", json: [String: Any](), idempotent: true)
        switch response.status {
        case 400, 403, 404, 200..<300: return ProbeReport(detail: "key accepted", headroom: "no published limit")
        default:
            _ = try Self.check(response)
            return ProbeReport(detail: "key accepted")
        }
    }
}

extension ZenviaProvider: ProbingProvider {
    /// A prospect search for an address nobody has; reads `X-RateLimit-Remaining`.
    public func probe() async throws -> ProbeReport {
        let response = try await client.send("GET", "/prospects/search", query: [("email", "closer-doctor@probe.invalid")],
                                             idempotent: true)
        if response.status != 404 { _ = try Self.value(response) }
        let remaining = response.header("x-ratelimit-remaining")
        let limit = response.header("x-ratelimit-limit")
        let headroom = remaining.map { "\($0)" + (limit.map { " of \($0)" } ?? "") + " requests left this minute" }
        return ProbeReport(detail: "key accepted", headroom: headroom)
    }
}
