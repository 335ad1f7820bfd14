import Foundation

/// `closer doctor`'s harmless request to a seed 001 remote.
extension LeadsCRMProvider: ProbingProvider {
    /// The overview: every count in one small request.
    public func probe() async throws -> ProbeReport {
        let overview = try await api.overview()
        return ProbeReport(detail: "credentials accepted, \(overview.totalLeads) leads on the server",
                           headroom: "no published limit (429s are honoured)")
    }
}
