/// The bodies of injected faults in one vendor's own error shape.
struct FaultResponses: Sendable {
    /// A 429 (the rate-limit headers are added by the caller).
    let rateLimited: @Sendable (_ headers: [(String, String)]) -> HTTPResponse
    /// An injected 500 or 503 with the given status.
    let serverError: @Sendable (_ status: Int, _ headers: [(String, String)]) -> HTTPResponse

    /// seed 001's envelope.
    static let leadsCRM = FaultResponses(
        rateLimited: { headers in
            Envelope.error(429, key: "request", "Too many requests: retry after the rate-limit window resets.", headers: headers)
        },
        serverError: { status, headers in
            Envelope.error(status, key: "server", "Injected server error (closer-sim fault).", headers: headers)
        })
}
