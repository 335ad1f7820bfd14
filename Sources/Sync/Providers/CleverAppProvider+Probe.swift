import Foundation

/// `closer doctor`'s harmless request to a seed 000 remote.
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
