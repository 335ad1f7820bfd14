import Foundation

/// A bare TCP connection to a loopback port, for tests that must send what no HTTP client would
/// (garbage, half a header, a chunked body) or hold hundreds of connections open at once.
public final class RawConnection: @unchecked Sendable {
    private var fd: Int32
    /// Bytes read past the last response (pipelined answers).
    private var pending: [UInt8] = []

    /// Connects to `127.0.0.1:port`; nil when the connection is refused.
    public init?(port: UInt16) {
        guard let fd = Socket.connect(port: port) else { return nil }
        self.fd = fd
    }

    deinit { close() }

    /// Sends bytes; false when the peer is gone.
    @discardableResult
    public func send(_ text: String) -> Bool { fd >= 0 && Socket.write(fd, [UInt8](text.utf8)) }

    /// Sends raw bytes; false when the peer is gone.
    @discardableResult
    public func send(bytes: [UInt8]) -> Bool { fd >= 0 && Socket.write(fd, bytes) }

    /// Reads until the peer closes or `timeoutSeconds` pass without data; returns what arrived.
    public func readUntilClosed(timeoutSeconds: Double = 10) -> String {
        var buffer = pending
        pending = []
        while fd >= 0, Socket.waitReadable(fd, milliseconds: Int32(timeoutSeconds * 1000)) == .ready,
              Socket.read(fd, appendingTo: &buffer, count: 64 * 1024) > 0 {}
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Reads one complete response (head plus Content-Length body); nil on close or timeout.
    public func readResponse(timeoutSeconds: Double = 10) -> RawResponse? {
        var buffer = pending
        pending = []
        let deadline = Socket.monotonicMilliseconds() + Int64(timeoutSeconds * 1000)
        while fd >= 0 {
            if let end = FormDecoder.find([13, 10, 13, 10], in: buffer, from: 0) {
                let head = String(decoding: buffer[0..<end], as: UTF8.self)
                let length = RawResponse.contentLength(head)
                if buffer.count >= end + 4 + length {
                    let body = String(decoding: buffer[(end + 4)..<(end + 4 + length)], as: UTF8.self)
                    pending = Array(buffer[(end + 4 + length)...])
                    return RawResponse(head: head, body: body)
                }
            }
            let remaining = deadline - Socket.monotonicMilliseconds()
            guard remaining > 0, Socket.waitReadable(fd, milliseconds: Int32(remaining)) == .ready,
                  Socket.read(fd, appendingTo: &buffer, count: 64 * 1024) > 0 else { return nil }
        }
        return nil
    }

    /// Closes the connection (idempotent).
    public func close() {
        if fd >= 0 { Socket.close(fd) }
        fd = -1
    }
}

/// A response read by `RawConnection`: the head as text and the body.
public struct RawResponse: Sendable {
    public let head: String
    public let body: String

    /// The status code of the status line (0 if unreadable).
    public var status: Int {
        let parts = head.split(separator: " ", maxSplits: 2)
        return parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
    }

    /// A header value by case-insensitive name.
    public func header(_ name: String) -> String? {
        for line in head.split(separator: "\r\n").dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == name.lowercased() {
                return parts[1].trimmingCharacters(in: [" "])
            }
        }
        return nil
    }

    static func contentLength(_ head: String) -> Int {
        RawResponse(head: head, body: "").header("content-length").flatMap { Int($0) } ?? 0
    }
}
