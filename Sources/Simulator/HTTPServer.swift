import Foundation

/// A small HTTP/1.1 server on POSIX sockets.
///
/// Concurrency model: one acceptor thread polls the listening socket; every accepted connection
/// gets its own thread (blocking reads bounded by `poll` timeouts), up to
/// `HTTPServerLimits.maxConnections` — beyond that a connection is answered 503 and closed.
/// Threads block only on their own socket, so a slow client never holds up another. `stop()`
/// closes the listener and shuts down every open connection.
final class HTTPServer: @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    let limits: HTTPServerLimits
    private let handler: Handler
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var connections: Set<Int32> = []
    private var stopping = false
    private let acceptorFinished = DispatchSemaphore(value: 0)
    private(set) var port: UInt16 = 0

    init(limits: HTTPServerLimits, handler: @escaping Handler) {
        self.limits = limits
        self.handler = handler
    }

    /// Binds and starts accepting; returns the bound port (useful with port 0).
    func start(host: String, port: UInt16) throws -> UInt16 {
        Socket.ignoreSIGPIPE()
        let (fd, bound) = try Socket.listen(host: host, port: port, backlog: 512)
        lock.withLock {
            listener = fd
            self.port = bound
        }
        let thread = Thread { [self] in acceptLoop(fd) }
        thread.name = "closer-sim accept"
        thread.start()
        return bound
    }

    /// Stops accepting, closes every connection and waits (briefly) for the acceptor to finish.
    func stop() {
        let open: Set<Int32> = lock.withLock {
            let wasStopping = stopping
            stopping = true
            return wasStopping ? [] : connections
        }
        for fd in open { Socket.shutdown(fd) }
        _ = acceptorFinished.wait(timeout: .now() + 2)
    }

    /// Number of connections currently open.
    var openConnections: Int { lock.withLock { connections.count } }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func acceptLoop(_ listenFD: Int32) {
        defer {
            Socket.close(listenFD)
            acceptorFinished.signal()
        }
        while !isStopping {
            guard Socket.waitReadable(listenFD, milliseconds: 100) == .ready else { continue }
            guard let (fd, loopback) = Socket.accept(listenFD) else {
                usleep(10_000)  // e.g. out of descriptors: back off instead of spinning
                continue
            }
            let admitted: Bool = lock.withLock {
                guard !stopping, connections.count < limits.maxConnections else { return false }
                connections.insert(fd)
                return true
            }
            guard admitted else {
                let busy = HTTPResponse.text(503, "Too many open connections.", close: true)
                Socket.write(fd, busy.serialized(keepAlive: false))
                Socket.close(fd)
                continue
            }
            let thread = Thread { [self] in serve(fd: fd, loopback: loopback) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Answers requests on one connection until it closes, errs, idles out or breaks a limit.
    private func serve(fd: Int32, loopback: Bool) {
        defer {
            lock.withLock { _ = connections.remove(fd) }
            Socket.close(fd)
        }
        var reader = RequestReader(fd: fd, loopback: loopback, limits: limits)
        while true {
            switch reader.next() {
            case .closed:
                return
            case .reject(let response):
                Socket.write(fd, response.serialized(keepAlive: false))
                return
            case .request(let request):
                let response = handler(request)
                let keepAlive = request.keepAlive && !response.closeConnection && !isStopping
                let bytes = response.serialized(keepAlive: keepAlive)
                if let cut = response.dropAfterBytes {
                    Socket.write(fd, Array(bytes.prefix(max(0, min(cut, bytes.count - 1)))))
                    return
                }
                guard Socket.write(fd, bytes), keepAlive else { return }
            }
        }
    }
}
