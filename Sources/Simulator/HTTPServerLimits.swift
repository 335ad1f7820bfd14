/// The protections of the HTTP server against careless and hostile clients.
public struct HTTPServerLimits: Sendable {
    /// Request line plus headers; larger → 431 and close.
    public var maxHeaderBytes: Int
    /// Content-Length above this → 413 and close (the body is not read).
    public var maxBodyBytes: Int
    /// Time allowed from a request's first byte to the end of its headers (slowloris guard) → 408.
    public var headerTimeoutSeconds: Double
    /// Time allowed to receive a body once the headers are in → 408.
    public var bodyTimeoutSeconds: Double
    /// An idle keep-alive connection is closed after this long without a new request.
    public var idleTimeoutSeconds: Double
    /// Open connections beyond this are answered 503 and closed at once.
    public var maxConnections: Int

    public init(
        maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 1024 * 1024, headerTimeoutSeconds: Double = 10,
        bodyTimeoutSeconds: Double = 10, idleTimeoutSeconds: Double = 15, maxConnections: Int = 1024
    ) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.headerTimeoutSeconds = headerTimeoutSeconds
        self.bodyTimeoutSeconds = bodyTimeoutSeconds
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maxConnections = maxConnections
    }
}
