import Foundation

/// `closer doctor`'s harmless request to a seed 002 remote.
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
