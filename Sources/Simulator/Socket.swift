#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A failure of a socket call, with the call's name and `errno`.
public struct SocketError: Error, CustomStringConvertible, Sendable {
    public let call: String
    public let code: Int32

    public var description: String { "\(call) failed: \(String(cString: strerror(code))) (errno \(code))" }
}

/// Every libc socket call the simulator makes, in one place (the only C interop of this module;
/// file descriptors are plain `Int32`, no pointer type leaves this file). IPv4 only.
enum Socket {
    /// Outcome of waiting on a descriptor.
    enum Readiness { case ready, timeout, failed }

    /// A write to a peer that went away must not kill the process.
    static func ignoreSIGPIPE() { _ = signal(SIGPIPE, SIG_IGN) }

    /// Opens a listening TCP socket on `host:port` (port 0 = a free port); returns it and the bound port.
    static func listen(host: String, port: UInt16, backlog: Int32) throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(call: "socket", code: errno) }
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        let numericHost = host == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, numericHost, &address.sin_addr) == 1 else {
            _ = Glibc.close(fd)
            throw SocketError(call: "inet_pton(\(host))", code: EINVAL)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            _ = Glibc.close(fd)
            throw SocketError(call: "bind", code: code)
        }
        guard Glibc.listen(fd, backlog) == 0 else {
            let code = errno
            _ = Glibc.close(fd)
            throw SocketError(call: "listen", code: code)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: actual.sin_port))
    }

    /// Accepts one connection; returns its descriptor and whether the peer is on 127.0.0.0/8.
    static func accept(_ listener: Int32) -> (fd: Int32, loopback: Bool)? {
        var peer = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = withUnsafeMutablePointer(to: &peer) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(listener, $0, &length) }
        }
        guard fd >= 0 else { return nil }
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var sendTimeout = timeval(tv_sec: 10, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        let firstOctet = UInt32(bigEndian: peer.sin_addr.s_addr) >> 24
        return (fd, firstOctet == 127)
    }

    /// Connects to `127.0.0.1:port` (for `RawConnection`); nil when refused.
    static func connect(port: UInt16) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard rc == 0 else {
            _ = Glibc.close(fd)
            return nil
        }
        return fd
    }

    /// Waits until `fd` is readable (or hung up), at most `milliseconds`.
    static func waitReadable(_ fd: Int32, milliseconds: Int32) -> Readiness {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let rc = poll(&entry, 1, max(0, milliseconds))
            if rc > 0 { return .ready }
            if rc == 0 { return .timeout }
            if errno != EINTR { return .failed }
        }
    }

    /// Reads what is available (up to `count` bytes) and appends it; returns the count, 0 at EOF, -1 on error.
    static func read(_ fd: Int32, appendingTo buffer: inout [UInt8], count: Int) -> Int {
        var chunk = [UInt8](repeating: 0, count: count)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, count, 0) }
            if n > 0 { buffer.append(contentsOf: chunk[0..<n]) }
            if n >= 0 { return n }
            if errno != EINTR { return -1 }
        }
    }

    /// Writes every byte (blocking, bounded by the send timeout); false when the peer is gone.
    @discardableResult
    static func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(fd, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n > 0 { offset += n; continue }
            if n < 0 && errno == EINTR { continue }
            return false
        }
        return true
    }

    /// Wakes any thread blocked on `fd` (used by `stop()`).
    static func shutdown(_ fd: Int32) { _ = Glibc.shutdown(fd, Int32(SHUT_RDWR)) }

    static func close(_ fd: Int32) { _ = Glibc.close(fd) }

    /// Monotonic milliseconds, for timeouts.
    static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
