import Foundation
import Simulator
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Calls to the vendors beside seed 001 on the per-test simulator: JSON in, any JSON out.
class VendorTestCase: SimulatorTestCase {
    /// A decoded vendor answer (the body may be an object or an array).
    struct VendorReply {
        let status: Int
        let body: Any?
        let data: Data
        let response: HTTPURLResponse

        var object: [String: Any] { body as? [String: Any] ?? [:] }
        var array: [[String: Any]] { body as? [[String: Any]] ?? [] }
        func header(_ name: String) -> String? { response.value(forHTTPHeaderField: name) }
    }

    /// `method` on `<vendor url><path>` with `headers`, and `json` encoded as the body (or raw `body`).
    func vendor(
        _ kind: VendorKind, _ method: String, _ path: String, json: Any? = nil, body: Data? = nil,
        headers: [String: String] = [:]
    ) async throws -> VendorReply {
        let url = try XCTUnwrap(URL(string: sim.endpoint(kind).url.absoluteString + path))
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        } else if let body {
            request.httpBody = body
        }
        let (data, response) = try await session.data(for: request)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        return VendorReply(status: http.statusCode, body: try? JSONSerialization.jsonObject(with: data), data: data, response: http)
    }

    /// `/_sim/state`'s object for one vendor.
    func vendorState(_ kind: VendorKind) async throws -> [String: Any] {
        let state = try await control("GET", "/_sim/state")
        return try XCTUnwrap(state.json[kind.rawValue] as? [String: Any], "no \(kind.rawValue) in /_sim/state")
    }
}
