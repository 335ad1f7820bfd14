#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Every libc call of the Sync module, in one place (its only C interop; descriptors are plain
/// `Int32` and no pointer type leaves this file). Non-blocking sockets waited on with `poll`, so
/// every step has a timeout; `MSG_NOSIGNAL` so a peer that went away never raises SIGPIPE.
enum HTTPSocket {
    /// Connects to `host:port` (a name or a numeric IPv4/IPv6 address) within `timeout` seconds.
    static func connect(host: String, port: UInt16, timeout: TimeInterval) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else { throw SyncError.unreachable("cannot resolve \(host)") }
        defer { freeaddrinfo(list) }
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        var lastError = SyncError.unreachable("cannot connect to \(host):\(port)")
        while let info = cursor {
            cursor = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK)
            var one: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
            guard errno == EINPROGRESS else {
                _ = Glibc.close(fd)
                continue
            }
            switch wait(fd, events: Int16(POLLOUT), timeout: timeout) {
            case .ready:
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
                if error == 0 { return fd }
                _ = Glibc.close(fd)
            case .timeout:
                _ = Glibc.close(fd)
                lastError = .timedOut
            case .failed:
                _ = Glibc.close(fd)
            }
        }
        throw lastError
    }

    /// Writes all of `bytes` within `timeout` seconds per wait.
    static func write(_ fd: Int32, _ bytes: [UInt8], timeout: TimeInterval) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                send(fd, buffer.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
                continue
            }
            if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                switch wait(fd, events: Int16(POLLOUT), timeout: timeout) {
                case .ready: continue
                case .timeout: throw SyncError.timedOut
                case .failed: throw SyncError.connectionLost
                }
            }
            throw SyncError.connectionLost
        }
    }

    /// Reads what is available (up to `capacity` bytes), waiting up to `timeout` seconds; empty at end of stream.
    /// `waitFirst`: wait for data before the first `recv` (right after sending a request nothing has
    /// arrived yet, so trying first costs a failed `recv` and a buffer per response: sync cost).
    static func read(_ fd: Int32, capacity: Int, timeout: TimeInterval, waitFirst: Bool = false) throws -> [UInt8] {
        if waitFirst {
            switch wait(fd, events: Int16(POLLIN), timeout: timeout) {
            case .ready: break
            case .timeout: throw SyncError.timedOut
            case .failed: throw SyncError.connectionLost
            }
        }
        while true {
            // Uninitialised capacity: no zero fill, no second copy of what arrived.
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                let count = recv(fd, buffer.baseAddress, capacity, 0)
                failed = count < 0
                initialized = max(0, count)
            }
            if !failed { return chunk }
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                switch wait(fd, events: Int16(POLLIN), timeout: timeout) {
                case .ready: continue
                case .timeout: throw SyncError.timedOut
                case .failed: throw SyncError.connectionLost
                }
            }
            throw SyncError.connectionLost
        }
    }

    /// Whether an idle pooled connection is still usable (no data and no hang-up waiting on it).
    static func isIdleAndOpen(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let result = poll(&entry, 1, 0)
        return result == 0
    }

    static func close(_ fd: Int32) { _ = Glibc.close(fd) }

    enum Readiness { case ready, timeout, failed }

    static func wait(_ fd: Int32, events: Int16, timeout: TimeInterval) -> Readiness {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let remaining = max(0, deadline.timeIntervalSinceNow)
            let result = poll(&entry, 1, Int32(min(remaining * 1000, Double(Int32.max))))
            if result > 0 {
                return entry.revents & (events | Int16(POLLHUP) | Int16(POLLERR)) != 0 ? .ready : .failed
            }
            if result == 0 { return .timeout }
            if errno != EINTR { return .failed }
        }
    }
}
