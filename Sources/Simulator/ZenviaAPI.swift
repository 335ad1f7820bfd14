import Foundation

/// seed 004, Zenvia Sales, under `/zenvia/v1` (README §2's paths): auth by the `api-key` query
/// parameter or header, 120 requests / 60 s per key with `X-RateLimit-*` on every answer, errors
/// `{"message", "code"}`. Handlers are in `ZenviaAPI+Routes.swift`; the data in `ZenviaState`.
struct ZenviaAPI: VendorAPI {
    let account: ZenviaState
    let apiKey: String
    let rateGate: RateGate

    var kind: VendorKind { .zenvia }

    var faultResponses: FaultResponses {
        FaultResponses(
            rateLimited: { headers in Self.error(ZenviaError(status: 429, message: Self.tooManyRequests, code: "RATE_LIMITED"), headers: headers) },
            serverError: { status, headers in
                Self.error(ZenviaError(status: status, message: "Internal server error.", code: "INTERNAL_ERROR"), headers: headers)
            })
    }

    static let tooManyRequests = "Too many requests: the limit resets every 60 seconds."

    /// The key as sent: the `api-key` query parameter, else the `api-key` header.
    static func key(of request: HTTPRequest) -> String {
        if let query = request.query["api-key"], !query.isEmpty { return query }
        return request.header("api-key") ?? ""
    }

    func caller(of request: HTTPRequest) -> (key: String, label: String?) {
        let key = Self.key(of: request)
        return (key, key == apiKey ? "integration" : nil)
    }

    func handle(_ request: HTTPRequest, route: String, origin: String) -> HTTPResponse {
        guard Self.key(of: request) == apiKey else {
            return Self.error(ZenviaError(status: 401, message: "Invalid or missing api-key.", code: "UNAUTHORIZED"))
        }
        let decision = rateGate.admit(apiKey)
        guard decision.allowed else {
            return Self.error(ZenviaError(status: 429, message: Self.tooManyRequests, code: "RATE_LIMITED"), headers: decision.headers)
        }
        let path = route.split(separator: "/", omittingEmptySubsequences: true).map { String($0).removingPercentEncoding ?? String($0) }
        var response: HTTPResponse
        do {
            response = try self.route(request, path, base: origin + kind.basePath)
        } catch {
            response = Self.error(error)
        }
        response.headers += decision.headers
        return response
    }

    func stateJSON() -> [String: Any] { account.stateJSON() }

    /// `/_sim/zenvia/inbound`: fields `prospect` (an id, e-mail or phone), `content`, `via` (default whatsApp).
    func control(_ method: String, _ route: String, _ form: [String: String]) -> HTTPResponse? {
        guard method == "POST", route == "inbound" else { return nil }
        do {
            let item = try account.addInbound(prospect: form["prospect"] ?? "", via: form["via"] ?? "whatsApp",
                                              content: form["content"].flatMap { $0.isEmpty ? nil : $0 } ?? "Hello, is anyone there?")
            return .json(200, ["interaction": item])
        } catch {
            return .json(error.status == 404 ? 404 : 400, ["errors": ["prospect": [error.message]]])
        }
    }

    /// Zenvia's error shape.
    static func error(_ error: ZenviaError, headers: [(String, String)] = []) -> HTTPResponse {
        .json(error.status, ["message": error.message, "code": error.code], headers: headers)
    }
}
