/// Reads HTTP/1.x requests one after another off a connection, enforcing `HTTPServerLimits`.
/// Bytes of a pipelined next request stay in the buffer for the following call.
struct RequestReader {
    /// What the next read produced.
    enum Outcome {
        case request(HTTPRequest)
        /// The peer closed, errored or stayed idle: close without answering.
        case closed
        /// A protocol error: answer this and close.
        case reject(HTTPResponse)
    }

    let fd: Int32
    let loopback: Bool
    let limits: HTTPServerLimits
    private var buffer: [UInt8] = []
    private static let chunk = 16 * 1024

    init(fd: Int32, loopback: Bool, limits: HTTPServerLimits) {
        self.fd = fd
        self.loopback = loopback
        self.limits = limits
    }

    mutating func next() -> Outcome {
        if buffer.isEmpty {
            let idle = Int32(min(max(0, limits.idleTimeoutSeconds), 86_400) * 1000)
            guard Socket.waitReadable(fd, milliseconds: idle) == .ready,
                  Socket.read(fd, appendingTo: &buffer, count: Self.chunk) > 0 else { return .closed }
        }
        let headerDeadline = Socket.monotonicMilliseconds() + Int64(min(max(0, limits.headerTimeoutSeconds), 86_400) * 1000)
        var headEnd = FormDecoder.find([13, 10, 13, 10], in: buffer, from: 0)
        while headEnd == nil {
            if buffer.count > limits.maxHeaderBytes { return .reject(.text(431, "Request headers too large.", close: true)) }
            let scanFrom = max(0, buffer.count - 3)
            switch readMore(until: headerDeadline) {
            case .some(true): break
            case .some(false): return .reject(.text(408, "Timed out waiting for the request headers.", close: true))
            case .none: return .closed
            }
            headEnd = FormDecoder.find([13, 10, 13, 10], in: buffer, from: scanFrom)
        }
        guard let headEnd else { return .closed }
        if headEnd > limits.maxHeaderBytes { return .reject(.text(431, "Request headers too large.", close: true)) }
        let head: RequestHead
        switch RequestHead.parse(Array(buffer[0..<headEnd])) {
        case .success(let parsed): head = parsed
        case .failure(let problem): return .reject(problem.response)
        }
        let bodyStart = headEnd + 4
        if head.contentLength > limits.maxBodyBytes {
            return .reject(.text(413, "Request body larger than \(limits.maxBodyBytes) bytes.", close: true))
        }
        let needed = bodyStart + head.contentLength
        if buffer.count < needed, head.headers["expect"]?.lowercased() == "100-continue" {
            Socket.write(fd, [UInt8]("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        let bodyDeadline = Socket.monotonicMilliseconds() + Int64(min(max(0, limits.bodyTimeoutSeconds), 86_400) * 1000)
        while buffer.count < needed {
            switch readMore(until: bodyDeadline) {
            case .some(true): break
            case .some(false): return .reject(.text(408, "Timed out waiting for the request body.", close: true))
            case .none: return .closed
            }
        }
        let body = Array(buffer[bodyStart..<needed])
        buffer.removeFirst(needed)
        let request = HTTPRequest(
            method: head.method, target: head.target, headers: head.headers, body: body,
            fromLoopback: loopback, keepAlive: head.keepAlive)
        return .request(request)
    }

    /// Reads once before the deadline: true = got bytes, false = deadline passed, nil = peer gone.
    private mutating func readMore(until deadline: Int64) -> Bool? {
        let remaining = deadline - Socket.monotonicMilliseconds()
        if remaining <= 0 { return false }
        switch Socket.waitReadable(fd, milliseconds: Int32(min(remaining, Int64(Int32.max)))) {
        case .timeout: return false
        case .failed: return nil
        case .ready: return Socket.read(fd, appendingTo: &buffer, count: Self.chunk) > 0 ? true : nil
        }
    }
}
