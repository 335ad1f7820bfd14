import Foundation

/// seed 002, ClosingDealz, under `/closingdealz`: `POST /api/v1/leads` with `X-API-Key` and a JSON
/// array of 1–100 leads; every answer is the envelope `{succeeded, statusCode, statusCodeDescription, message}`.
///
/// Chosen where the seed is silent (DECISIONS.md): auth is checked before the rate limit, which
/// counts per key (1000 per 5 minutes, fixed windows); an empty array, a body that is not an
/// array, or a lead that is not an object or has a non-string value is 400 with a message of ours;
/// a refused batch stores nothing; unknown paths 404, other methods 405 (enveloped).
struct ClosingDealzAPI: VendorAPI {
    let workspace: ClosingDealzState
    let apiKey: String
    let rateGate: RateGate

    var kind: VendorKind { .closingdealz }

    var faultResponses: FaultResponses {
        FaultResponses(
            rateLimited: { headers in Self.envelope(429, Self.tooManyRequests, headers: headers) },
            serverError: { status, headers in
                Self.envelope(status, "An unexpected error occurred. Please try again later.", headers: headers)
            })
    }

    /// seed 002's 429 message.
    static let tooManyRequests = "Too many requests. Please try again later."

    func caller(of request: HTTPRequest) -> (key: String, label: String?) {
        let key = request.header("x-api-key") ?? ""
        return (key, key == apiKey ? "workspace" : nil)
    }

    func handle(_ request: HTTPRequest, route: String, origin: String) -> HTTPResponse {
        guard route == "/api/v1/leads" || route == "/api/v1/leads/" else { return Self.envelope(404, "Not found.") }
        guard request.method == "POST" else {
            return Self.envelope(405, "Method \(request.method) not allowed.", headers: [("Allow", "POST")])
        }
        guard request.header("x-api-key") == apiKey else { return Self.envelope(401, "Invalid API key.") }
        let decision = rateGate.admit(apiKey)
        guard decision.allowed else {
            return Self.envelope(429, Self.tooManyRequests, headers: [("Retry-After", String(decision.retryAfter))])
        }
        do {
            try workspace.create(JSONBody.parse(request.body))
        } catch {
            return Self.envelope(400, error.message)
        }
        return Self.envelope(200, nil)
    }

    func stateJSON() -> [String: Any] { workspace.json() }

    /// seed 002's envelope; `statusCodeDescription` is "NONE" in every sample.
    static func envelope(_ status: Int, _ message: String?, headers: [(String, String)] = []) -> HTTPResponse {
        .json(status, [
            "succeeded": status == 200, "statusCode": status, "statusCodeDescription": "NONE",
            "message": message.map { $0 as Any } ?? NSNull(),
        ], headers: headers)
    }
}
