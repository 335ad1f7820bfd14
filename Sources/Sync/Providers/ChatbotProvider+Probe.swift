import Foundation

/// `closer doctor`'s harmless request to a seed 003 remote.
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
