import Core
import Foundation
import Simulator
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A simulator on a free loopback port per test, and a small URLSession client for it.
class SimulatorTestCase: XCTestCase {
    var sim: SimulatorServer!
    var session: URLSession!

    /// Override to change the seed, size, faults or limits.
    func configuration() -> SimulatorConfiguration {
        var limits = HTTPServerLimits()
        limits.headerTimeoutSeconds = 1
        limits.bodyTimeoutSeconds = 1
        return SimulatorConfiguration(leadCount: 40, seed: 7, userCount: 3, limits: limits)
    }

    override func setUpWithError() throws {
        sim = try SimulatorServer.start(configuration())
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = 15
        session = URLSession(configuration: config)
    }

    override func tearDown() {
        sim?.stop()
        session?.invalidateAndCancel()
    }

    var ana: SimUser { sim.users[0] }
    var ben: SimUser { sim.users[1] }

    /// A decoded answer.
    struct Reply {
        let status: Int
        let json: [String: Any]
        let response: HTTPURLResponse

        var errors: [String: [String]] { json["errors"] as? [String: [String]] ?? [:] }
        var data: [String: Any] { json["data"] as? [String: Any] ?? [:] }
        var results: [[String: Any]] { data["results"] as? [[String: Any]] ?? [] }
        func header(_ name: String) -> String? { response.value(forHTTPHeaderField: name) }
    }

    /// Calls `/api/v1/<route>/` as `user` (nil: no credentials); POST sends `form` urlencoded or multipart.
    func call(
        _ method: String, _ route: String, query: [String: String] = [:], form: [String: String] = [:],
        multipart: Bool = false, as user: SimUser?, headers: [String: String] = [:]
    ) async throws -> Reply {
        var url = sim.baseURL.absoluteString + "/" + route + "/"
        if !query.isEmpty { url += "?" + Self.encode(query) }
        var request = URLRequest(url: try XCTUnwrap(URL(string: url)))
        request.httpMethod = method
        if let user {
            request.setValue(user.apiKey, forHTTPHeaderField: "apikey")
            request.setValue("Bearer \(user.token)", forHTTPHeaderField: "Authorization")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if method == "POST" {
            if multipart {
                let boundary = "closer-test-boundary-42"
                request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
                var body = ""
                for (name, value) in form {
                    body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
                }
                body += "--\(boundary)--\r\n"
                request.httpBody = Data(body.utf8)
            } else {
                request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
                request.httpBody = Data(Self.encode(form).utf8)
            }
        }
        return try await send(request)
    }

    /// Calls a control endpoint (`/_sim/...`), POST fields urlencoded.
    func control(_ method: String, _ path: String, form: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: try XCTUnwrap(URL(string: sim.origin.absoluteString + path)))
        request.httpMethod = method
        if method == "POST" {
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(Self.encode(form).utf8)
        }
        return try await send(request)
    }

    func send(_ request: URLRequest) async throws -> Reply {
        let (data, response) = try await session.data(for: request)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return Reply(status: http.statusCode, json: json, response: http)
    }

    static func encode(_ fields: [String: String]) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return fields.keys.sorted().map { key in
            let value = fields[key] ?? ""
            return "\(key.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
    }

    /// A live lead owned by `user` (from the list filtered by owner).
    func leadOwned(by user: SimUser) async throws -> [String: Any] {
        let reply = try await call("GET", "leads/list", query: ["owner": user.username, "limit": "1"], as: user)
        return try XCTUnwrap(reply.results.first, "no lead owned by \(user.username)")
    }

    /// The slug of a live lead owned by `user`.
    func slugOwned(by user: SimUser) async throws -> String {
        let lead = try await leadOwned(by: user)
        return try XCTUnwrap(lead["slug"] as? String)
    }

    /// A complete, valid create-lead form.
    func validLeadForm(email: String = "new.lead@example.com", assignee: String) -> [String: String] {
        [
            "first_name": "Zoë", "last_name": "Müller", "email": email, "phone": "+4915112345678",
            "location": "Berlin", "message": "Wants a demo.", "assignee": assignee, "status": "prospect",
            "source": "website",
        ]
    }

    /// `yyyy-mm-dd hh:mm` for `days` days from now at `hour`:`minute` UTC.
    func appointmentTime(daysFromNow days: Int, hour: Int, minute: Int = 0) -> String {
        let now = Int64(Date().timeIntervalSince1970)
        let midnight = now - now % 86_400
        return WireDate.formatAppointment(midnight + Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60))
    }
}
