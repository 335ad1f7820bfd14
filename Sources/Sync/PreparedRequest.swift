import Foundation

/// A request whose method, path and headers are fixed, built once and sent many times with a
/// different query (seed 001's lead detail: one per lead of a first pull). `SocketHTTPClient`
/// sends its wire head as prepared bytes around the query: no `URL`, header dictionary or sort
/// per request. Other transports get the same request as `request(query:)` builds it.
public struct PreparedRequest: Sendable {
    /// The method, e.g. `GET`.
    public let method: String
    /// The URL without its query, as text.
    public let base: String
    /// The URL without its query.
    public let url: URL
    /// Header name → value, the apikey and token revealed: not public, and no description,
    /// debug description or mirror of this request shows a value.
    let headers: [String: String]
    /// The socket client's bytes before and after the query (nil unless the URL is plain http);
    /// they hold the headers too, so they are never printed either.
    let wire: Wire?

    /// The plain-HTTP head of a prepared request: `before` + `?query` + `after` is what
    /// `SocketHTTPClient.serialize` writes for the request with that query.
    struct Wire: Sendable {
        var host: String
        var port: UInt16
        var before: [UInt8]
        var after: [UInt8]
    }

    /// A request to `url` (no query) with `headers`.
    public init(method: String = "GET", url: URL, headers: [String: String]) {
        self.method = method
        base = url.absoluteString
        self.url = url
        self.headers = headers
        wire = Self.wire(method: method, url: url, headers: headers)
    }

    /// The request with `query` (already encoded, without `?`; empty: none). Throws
    /// `SyncError.configuration` when the two make no URL: a request is never sent without its query.
    public func request(query: String) throws -> HTTPClientRequest {
        let text = query.isEmpty ? base : base + "?" + query
        guard let url = URL(string: text) else { throw SyncError.configuration("the query of a request to \(base) makes no URL") }
        return HTTPClientRequest(method: method, url: url, headers: headers)
    }

    /// The socket client's head split at the end of the request target.
    private static func wire(method: String, url: URL, headers: [String: String]) -> Wire? {
        guard url.scheme?.lowercased() == "http", let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil else {
            return nil
        }
        let port = UInt16(url.port ?? 80)
        let bytes = SocketHTTPClient.serialize(HTTPClientRequest(method: method, url: url, headers: headers), host: host, port: port)
        let marker = Array(" HTTP/1.1\r\n".utf8)
        guard let split = bytes.firstRange(of: marker) else { return nil }
        return Wire(host: host, port: port, before: Array(bytes[..<split.lowerBound]), after: Array(bytes[split.lowerBound...]))
    }
}

/// Printed, dumped or mirrored, a prepared request shows its method, URL and header names,
/// never a header's value or the wire bytes (they carry the apikey and the Bearer token).
extension PreparedRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `PreparedRequest(GET http://…/leads/view/lead/, headers: Accept, apikey, …)`.
    public var description: String {
        "PreparedRequest(\(method) \(base), headers: \(headers.keys.sorted().joined(separator: ", ")))"
    }

    /// The same as `description`: no header value.
    public var debugDescription: String { description }

    /// Method, URL and header names only (what `dump` shows).
    public var customMirror: Mirror {
        Mirror(self, children: ["method": method, "url": base, "headerNames": headers.keys.sorted()], displayStyle: .struct)
    }
}

/// The wire head holds the headers' values: printed or dumped, it shows its host, port and sizes.
extension PreparedRequest.Wire: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    var description: String { "Wire(\(host):\(port), \(before.count) + \(after.count) bytes)" }
    var debugDescription: String { description }
    var customMirror: Mirror {
        Mirror(self, children: ["host": host, "port": port, "bytes": before.count + after.count], displayStyle: .struct)
    }
}
