import Foundation

/// `closer doctor`'s harmless request to a seed 004 remote.
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
