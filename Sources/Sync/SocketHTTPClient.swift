import Foundation

/// An HTTP/1.1 `HTTPTransport` on plain sockets, with kept-alive connections per host, for `http://`
/// remotes (the simulator, loopback demos, tests).
///
/// Why not URLSession here: on Linux, FoundationNetworking stops the process with "Transfer completed,
/// but there's no response" when a server closes the connection after the status line but before the
/// headers end (a dropped connection, which the simulator injects on purpose). A sync client must
/// survive that. `https://` remotes still go through URLSession (`HTTPClient`).
public final class SocketHTTPClient: HTTPTransport, @unchecked Sendable {
    private let timeout: TimeInterval
    private let lock = NSLock()
    private var idle: [String: [Int32]] = [:]
    private let maxIdlePerHost: Int
    private let queue = DispatchQueue(label: "closer.sync.http", attributes: .concurrent)

    /// A client whose connects, writes and reads each time out after `timeout` seconds.
    public init(timeout: TimeInterval = 30, maxIdlePerHost: Int = 8) {
        self.timeout = max(0.1, timeout)
        self.maxIdlePerHost = maxIdlePerHost
    }

    deinit {
        for fds in idle.values { for fd in fds { HTTPSocket.close(fd) } }
    }

    public func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        guard request.url.scheme?.lowercased() == "http", let host = request.url.host, !host.isEmpty else {
            throw SyncError.configuration("SocketHTTPClient speaks plain http:// only")
        }
        let port = UInt16(request.url.port ?? 80)
        return try await exchangeOnQueue(Self.serialize(request, host: host, port: port), host: host, port: port, idempotent: request.method == "GET")
    }

    /// The prepared head around `query`, with no `URL` or header work per request. A query
    /// holding a control character, space or `#` goes the long way (FormEncoding never makes one).
    public func send(_ prepared: PreparedRequest, query: String) async throws -> HTTPClientResponse {
        guard let wire = prepared.wire, let bytes = Self.serialize(prepared, query: query) else {
            return try await send(try prepared.request(query: query))
        }
        return try await exchangeOnQueue(bytes, host: wire.host, port: wire.port, idempotent: prepared.method == "GET")
    }

    /// `exchange` on the client's queue (its sockets block), unless the task is already cancelled.
    private func exchangeOnQueue(_ bytes: [UInt8], host: String, port: UInt16, idempotent: Bool) async throws -> HTTPClientResponse {
        try Task.checkCancellation()
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.exchange(bytes, host: host, port: port, idempotent: idempotent) })
            }
        }
    }

    /// One request/response on a pooled or fresh connection. A GET that finds a pooled connection
    /// closed by the server (nothing read) is sent once more on a fresh one.
    private func exchange(_ bytes: [UInt8], host: String, port: UInt16, idempotent: Bool) throws -> HTTPClientResponse {
        let key = "\(host):\(port)"
        if let fd = takeIdle(key) {
            do {
                return try roundTrip(fd, bytes, key: key)
            } catch StaleConnection.closedBeforeAnswer {
                guard idempotent else { throw SyncError.connectionLost }
            }
        }
        let fd = try HTTPSocket.connect(host: host, port: port, timeout: timeout)
        do {
            return try roundTrip(fd, bytes, key: key)
        } catch StaleConnection.closedBeforeAnswer {
            throw SyncError.connectionLost
        }
    }

    private enum StaleConnection: Error { case closedBeforeAnswer }

    private func roundTrip(_ fd: Int32, _ bytes: [UInt8], key: String) throws -> HTTPClientResponse {
        var keep = false
        defer { if keep { putIdle(key, fd) } else { HTTPSocket.close(fd) } }
        try HTTPSocket.write(fd, bytes, timeout: timeout)
        var parser = HTTPWireParser()
        var received = 0
        while true {
            let chunk = try HTTPSocket.read(fd, capacity: 64 * 1024, timeout: timeout, waitFirst: received == 0)
            if chunk.isEmpty && received == 0 { throw StaleConnection.closedBeforeAnswer }
            received += chunk.count
            if case .done(let response, let keepAlive) = try parser.feed(chunk) {
                keep = keepAlive && !chunk.isEmpty
                return response
            }
        }
    }

    private func takeIdle(_ key: String) -> Int32? {
        while let fd = lock.withLock({ idle[key]?.popLast() }) {
            if HTTPSocket.isIdleAndOpen(fd) { return fd }
            HTTPSocket.close(fd)
        }
        return nil
    }

    private func putIdle(_ key: String, _ fd: Int32) {
        let kept: Bool = lock.withLock {
            guard idle[key, default: []].count < maxIdlePerHost else { return false }
            idle[key, default: []].append(fd)
            return true
        }
        if !kept { HTTPSocket.close(fd) }
    }

    /// The request's bytes. Header values lose CR and LF so no value can inject a header.
    static func serialize(_ request: HTTPClientRequest, host: String, port: UInt16) -> [UInt8] {
        var head = request.method
        head += " "
        head += target(of: request.url)
        head += " HTTP/1.1\r\nHost: "
        head += host
        head += ":"
        head += String(port)
        head += "\r\n"
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            head += clean(name)
            head += ": "
            head += clean(value)
            head += "\r\n"
        }
        let body = request.body ?? Data()
        if request.method != "GET" || !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        head += "Connection: keep-alive\r\n\r\n"
        var bytes = [UInt8]()
        bytes.reserveCapacity(head.utf8.count + body.count)
        bytes += head.utf8
        bytes += body
        return bytes
    }

    /// The bytes of `prepared` with `query`, the same as `serialize` writes for
    /// `prepared.request(query:)`; nil when the URL is not plain http or the query holds a
    /// control character, space or `#` (FormEncoding never makes one).
    static func serialize(_ prepared: PreparedRequest, query: String) -> [UInt8]? {
        guard let wire = prepared.wire, !query.utf8.contains(where: { $0 <= 32 || $0 == 35 || $0 == 127 }) else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(wire.before.count + query.utf8.count + 1 + wire.after.count)
        bytes += wire.before
        if !query.isEmpty {
            bytes.append(63)  // ?
            bytes += query.utf8
        }
        bytes += wire.after
        return bytes
    }

    /// The request target: the URL's percent-encoded path and query ("/" when it has no path),
    /// read from its text (no URLComponents parse per request).
    static func target(of url: URL) -> String {
        let text = url.absoluteString
        var rest = Substring(text)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) else { return "/" }
        var target = rest[slash...]
        if let fragment = target.firstIndex(of: "#") { target = target[..<fragment] }
        if target.first == "?" { return "/" + target }
        return target.isEmpty ? "/" : String(target)
    }

    static func clean(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 13 || $0 == 10 }) else { return text }
        return String(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }.map(Character.init))
    }
}

/// The transport for a remote's URL: plain sockets for `http://`, URLSession for `https://`.
public enum DefaultTransport {
    /// A new transport suited to `url`.
    public static func make(for url: URL, timeout: TimeInterval = 30) -> any HTTPTransport {
        url.scheme?.lowercased() == "http" ? SocketHTTPClient(timeout: timeout) : HTTPClient(timeout: timeout)
    }
}
