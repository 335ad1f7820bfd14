import Foundation

/// One parsed HTTP/1.x request: method, path, decoded query, lower-cased headers and the raw body.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The request target as sent (path plus query).
    public var target: String
    /// The path without the query, not percent-decoded.
    public var path: String
    public var query: [String: String]
    /// Header names lower-cased; a repeated header keeps its last value.
    public var headers: [String: String]
    public var body: [UInt8]
    /// Whether the peer connected from 127.0.0.0/8 (the `/_sim/` control endpoints require it).
    public var fromLoopback: Bool
    /// Whether the client asked to keep the connection open (HTTP/1.1 default).
    public var keepAlive: Bool

    public init(
        method: String, target: String, headers: [String: String] = [:], body: [UInt8] = [],
        fromLoopback: Bool = true, keepAlive: Bool = true
    ) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.fromLoopback = fromLoopback
        self.keepAlive = keepAlive
        if let mark = target.firstIndex(of: "?") {
            path = String(target[..<mark])
            query = FormDecoder.urlEncoded(String(target[target.index(after: mark)...])) ?? [:]
        } else {
            path = target
            query = [:]
        }
    }

    /// A header by lower-case name.
    public func header(_ name: String) -> String? { headers[name] }

    /// The body's form fields: urlencoded, multipart or a JSON object; nil when the body is malformed.
    public func formFields() -> [String: String]? {
        if body.isEmpty { return [:] }
        let type = (headers["content-type"] ?? "").lowercased()
        if type.hasPrefix("multipart/form-data") {
            return FormDecoder.multipart(body, contentType: headers["content-type"] ?? "")
        }
        if type.hasPrefix("application/json") {
            return FormDecoder.jsonObject(body)
        }
        guard let text = String(bytes: body, encoding: .utf8) else { return nil }
        return FormDecoder.urlEncoded(text)
    }
}
