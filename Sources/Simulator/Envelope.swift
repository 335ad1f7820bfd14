import Core

/// seed 001's response envelope `{"status_code", "errors", "data"}` and its error shapes
/// (../shared/api/README.md section 1).
enum Envelope {
    /// 200 with `data`.
    static func ok(_ data: Any) -> HTTPResponse {
        .json(200, ["status_code": 200, "errors": [String: Any](), "data": data])
    }

    /// 400 "Validation Error" (field → messages) or 401 "Request Failed" (`request` → [message]).
    static func failure(_ failure: SimFailure) -> HTTPResponse {
        switch failure {
        case .validation(let errors): return validation(errors)
        case .request(let message): return error(401, key: "request", message)
        }
    }

    static func validation(_ errors: ValidationErrors) -> HTTPResponse {
        .json(400, ["status_code": 400, "errors": errors.messages, "data": [String: Any]()])
    }

    /// 401 with the chosen `auth` key: the client must pause and ask for credentials.
    static func authFailure() -> HTTPResponse {
        error(401, key: "auth", VendorMessages.invalidCredentials)
    }

    /// Any status with `errors = {key: [message]}`.
    static func error(_ status: Int, key: String, _ message: String, headers: [(String, String)] = []) -> HTTPResponse {
        .json(status, ["status_code": status, "errors": [key: [message]], "data": [String: Any]()], headers: headers)
    }
}
