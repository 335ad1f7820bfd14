import Core
import Foundation

/// seed 000, CleverApp Sales Automation, under `/cleverapp`: `POST /api/leads`,
/// `POST /api/follow-up`, `PUT /api/leads/{lead_id}`, `Authorization: Bearer <api key>` (chosen),
/// JSON in and out, errors `{"error": "<the seed's message>"}` (chosen body).
///
/// Two keys exist (two accounts): a lead belongs to the key that captured it, and the other key
/// gets 403 on it — the seed's "does not have permission to access the requested resource".
struct CleverAppAPI: VendorAPI {
    let account: CleverAppState
    /// Index 0 is the key `closer-sim` prints; index 1 a second account's.
    let keys: [String]

    static let badRequest = "Bad Request: The request is missing required parameters or contains invalid data."
    static let unauthorized = "Unauthorized: Authentication credentials are missing or invalid. Please provide a valid API key."
    static let forbidden = "Forbidden: You do not have permission to access the requested resource."
    static let notFound = "Not Found: The requested resource could not be found."
    static let serverError = "Internal Server Error: An unexpected error occurred while processing your request. Please try again later."

    var kind: VendorKind { .cleverapp }

    var faultResponses: FaultResponses {
        FaultResponses(
            rateLimited: { headers in .json(429, ["error": "Too Many Requests: Please try again later."], headers: headers) },
            serverError: { status, headers in .json(status, ["error": Self.serverError], headers: headers) })
    }

    func caller(of request: HTTPRequest) -> (key: String, label: String?) {
        let key = ChatbotAPI.bearer(request)
        return (key, keys.firstIndex(of: key).map { $0 == 0 ? "primary" : "secondary" })
    }

    func handle(_ request: HTTPRequest, route: String, origin: String) -> HTTPResponse {
        let parts = route.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let index = keys.firstIndex(of: ChatbotAPI.bearer(request)) else { return .json(401, ["error": Self.unauthorized]) }
        let now = Int64(Date().timeIntervalSince1970)
        let body = JSONBody.parse(request.body)
        do {
            switch (request.method, parts) {
            case ("POST", ["api", "leads"]):
                let lead = try account.capture(body, account: index, now: now)
                return .json(200, ["id": lead.id, "name": lead.name, "email": lead.email, "source": lead.source,
                                   "timestamp": WireDate.formatTimestamp(lead.timestamp)])
            case ("PUT", let path) where path.count == 3 && path[0] == "api" && path[1] == "leads":
                let lead = try account.update(id: path[2].removingPercentEncoding ?? path[2], body, account: index, now: now)
                return .json(200, [
                    "id": lead.id, "name": lead.name, "email": lead.email,
                    "phone": lead.phone.map { $0 as Any } ?? NSNull(), "status": lead.status.map { $0 as Any } ?? NSNull(),
                    "timestamp": WireDate.formatTimestamp(lead.timestamp),
                ])
            case ("POST", ["api", "follow-up"]):
                let id = try account.followUp(body, account: index, now: now)
                return .json(200, ["message": "Follow-up email sent successfully to lead with ID: \(id)"])
            default:
                return .json(404, ["error": Self.notFound])
            }
        } catch {
            switch error {
            case .badRequest: return .json(400, ["error": Self.badRequest])
            case .forbidden: return .json(403, ["error": Self.forbidden])
            case .notFound: return .json(404, ["error": Self.notFound])
            }
        }
    }

    func stateJSON() -> [String: Any] { account.stateJSON() }
}
