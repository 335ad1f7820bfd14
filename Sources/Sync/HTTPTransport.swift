import Foundation

/// An HTTP request as the sync client builds it.
public struct HTTPClientRequest: Sendable, Equatable {
    public var method: String
    public var url: URL
    /// Header name → value. May hold secrets: never print a request's headers.
    public var headers: [String: String]
    public var body: Data?

    /// A request; GET without body by default.
    public init(method: String = "GET", url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An HTTP answer: status, headers (names lower-cased) and body.
public struct HTTPClientResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    /// An answer; header names are lower-cased here so lookups are case-insensitive.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.body = body
    }

    /// An answer whose header names are lower-cased already (the socket client's head parser).
    init(status: Int, lowercasedHeaders: [String: String], body: Data = Data()) {
        self.status = status
        headers = lowercasedHeaders
        self.body = body
    }

    /// A header by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Sends one request and returns the answer, whatever its status; network failures throw `SyncError`.
public protocol HTTPTransport: Sendable {
    /// One attempt, no retry. Throws `SyncError` (.timedOut, .connectionLost, .unreachable, .cancelled).
    func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse
    /// `prepared` with `query` (encoded, without `?`), as `send(prepared.request(query:))` would.
    func send(_ prepared: PreparedRequest, query: String) async throws -> HTTPClientResponse
}

extension HTTPTransport {
    /// Builds the request and sends it (transports without a faster way).
    public func send(_ prepared: PreparedRequest, query: String) async throws -> HTTPClientResponse {
        try await send(try prepared.request(query: query))
    }
}

/// Headers may hold the apikey or a Bearer token: printed, debug-printed or dumped, a request
/// shows its method, URL, header names and body size, never a header value.
extension HTTPClientRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `HTTPClientRequest(GET http://…, headers: Accept, apikey, body: 0 bytes)`.
    public var description: String {
        "HTTPClientRequest(\(method) \(url), headers: \(headers.keys.sorted().joined(separator: ", ")), body: \(body?.count ?? 0) bytes)"
    }

    /// The same as `description`: no header value.
    public var debugDescription: String { description }

    /// Method, URL, header names and body size only (what `dump` shows).
    public var customMirror: Mirror {
        Mirror(self, children: ["method": method, "url": url, "headerNames": headers.keys.sorted(),
                                "bodyBytes": body?.count ?? 0], displayStyle: .struct)
    }
}
