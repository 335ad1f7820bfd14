import Foundation

/// seed 003, the chatbot-workspace Leads API, under `/chatbot`:
/// `POST /api/v1/chatbots/{chatbotId}/leads` with `Authorization: Bearer sk-workspace_...`.
/// Success `{success: true, data: {...}}`; errors `{success: false, error, code, details}`.
///
/// Chosen where the seed is silent (DECISIONS.md): a wrong key is 401 UNAUTHORIZED, an unknown
/// chatbot 404 CHATBOT_NOT_FOUND, other paths 404 NOT_FOUND, other methods 405 METHOD_NOT_ALLOWED;
/// only `email` is required; strings ≤ 255 characters; `status` defaults to "new".
struct ChatbotAPI: VendorAPI {
    let workspace: ChatbotState
    let apiKey: String

    var kind: VendorKind { .chatbot }

    var faultResponses: FaultResponses {
        FaultResponses(
            rateLimited: { headers in Self.error(429, "Too many requests", code: "RATE_LIMITED", headers: headers) },
            serverError: { status, headers in Self.error(status, "Internal server error", code: "INTERNAL_ERROR", headers: headers) })
    }

    func caller(of request: HTTPRequest) -> (key: String, label: String?) {
        let key = Self.bearer(request)
        return (key, key == apiKey ? "workspace" : nil)
    }

    func handle(_ request: HTTPRequest, route: String, origin: String) -> HTTPResponse {
        let parts = route.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 5, parts[0] == "api", parts[1] == "v1", parts[2] == "chatbots", parts[4] == "leads" else {
            return Self.error(404, "Not found", code: "NOT_FOUND")
        }
        guard request.method == "POST" else {
            return Self.error(405, "Method not allowed", code: "METHOD_NOT_ALLOWED", headers: [("Allow", "POST")])
        }
        guard Self.bearer(request) == apiKey else { return Self.error(401, "Invalid API key", code: "UNAUTHORIZED") }
        let chatbotId = parts[3].removingPercentEncoding ?? parts[3]
        guard workspace.chatbotIds.contains(chatbotId) else {
            return Self.error(404, "Chatbot not found", code: "CHATBOT_NOT_FOUND", details: ["chatbotId": chatbotId])
        }
        do {
            let lead = try workspace.create(JSONBody.parse(request.body), chatbotId: chatbotId, now: Date().timeIntervalSince1970)
            return .json(200, ["success": true, "data": workspace.json(lead)])
        } catch {
            switch error {
            case .validation(let field, let value, let message):
                return Self.error(400, "Validation failed", code: "VALIDATION_ERROR",
                                  details: ["field": field, "value": value ?? NSNull(), "message": message])
            case .duplicate(let email, let existing):
                return Self.error(409, "Email already exists", code: "DUPLICATE_EMAIL", details: [
                    "email": email, "existingLeadId": existing,
                    "message": "A lead with this email already exists in your workspace",
                ])
            }
        }
    }

    func stateJSON() -> [String: Any] { workspace.stateJSON() }

    /// seed 003's error shape.
    static func error(
        _ status: Int, _ message: String, code: String, details: [String: Any]? = nil, headers: [(String, String)] = []
    ) -> HTTPResponse {
        var body: [String: Any] = ["success": false, "error": message, "code": code]
        body["details"] = details ?? NSNull()
        return .json(status, body, headers: headers)
    }

    static func bearer(_ request: HTTPRequest) -> String {
        let value = request.header("authorization") ?? ""
        return value.lowercased().hasPrefix("bearer ") ? String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces) : ""
    }
}
