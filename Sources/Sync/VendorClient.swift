import Foundation

/// The HTTP plumbing the JSON vendors share (Zenvia, CleverApp, ClosingDealz, chatbot): base URL,
/// auth headers or query, the remote's rate-limit gate and pacer, retries of idempotent requests,
/// and metrics. Each provider classifies the answers itself (their envelopes differ).
///
/// A 429 closes the gate until the reset its headers name and the same request is sent again
/// (the server did not act on it). Transient failures are retried only for idempotent requests;
/// "unreachable" (nothing was sent) is retried for every request.
public struct VendorClient: Sendable {
    public let baseURL: URL
    let headers: [String: String]
    let query: [(String, String)]
    let transport: any HTTPTransport
    public let retryPolicy: RetryPolicy
    public let gate: RateLimitGate
    public let pacer: RequestPacer?
    let clock: any SyncClock
    public let metrics: RequestMetrics
    /// Reads rate-limit headers of every answer (Zenvia `X-RateLimit-Remaining` 0 closes the gate early).
    let watchRemaining: Bool

    /// A client. `headers`/`query` carry the auth (never printed).
    public init(baseURL: URL, headers: [String: String], query: [(String, String)] = [], transport: (any HTTPTransport)? = nil,
                retryPolicy: RetryPolicy = RetryPolicy(), clock: any SyncClock = SystemClock(), pacer: RequestPacer? = nil,
                watchRemaining: Bool = false, metrics: RequestMetrics = RequestMetrics()) {
        self.baseURL = baseURL
        self.headers = headers
        self.query = query
        self.transport = transport ?? DefaultTransport.make(for: baseURL)
        self.retryPolicy = retryPolicy
        self.clock = clock
        self.gate = RateLimitGate(clock: clock)
        self.pacer = pacer
        self.watchRemaining = watchRemaining
        self.metrics = metrics
    }

    /// `baseURL` + `path` + query (the auth query last).
    func url(_ path: String, _ extra: [(String, String)]) -> URL {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += path.hasPrefix("/") ? path : "/" + path
        let all = extra + query
        if !all.isEmpty { text += "?" + FormEncoding.encode(all) }
        return URL(string: text) ?? baseURL
    }

    /// Sends a request with a JSON body (or none) and returns the answer; 429 and retries handled here.
    public func send(_ method: String, _ path: String, query extra: [(String, String)] = [], json: Any? = nil,
                     idempotent: Bool) async throws -> HTTPClientResponse {
        var body: Data? = nil
        var headers = self.headers
        headers["Accept"] = "application/json"
        if let json {
            body = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
            headers["Content-Type"] = "application/json"
        }
        let request = HTTPClientRequest(method: method, url: url(path, extra), headers: headers, body: body)
        return try await perform(request, idempotent: idempotent)
    }

    /// Sends a prepared request (multipart uploads build their own body).
    public func perform(_ request: HTTPClientRequest, idempotent: Bool) async throws -> HTTPClientResponse {
        var failures = 0
        while true {
            try Task.checkCancellation()
            try await gate.waitUntilOpen()
            do {
                try await pacer?.acquire()
            } catch {
                throw SyncError.cancelled
            }
            metrics.record { $0.requests += 1 }
            let response: HTTPClientResponse
            do {
                response = try await transport.send(request)
            } catch let error as SyncError {
                let retry = error.isTransient && (idempotent || { if case .unreachable = error { return true } else { return false } }())
                metrics.record { $0.transientFailures += error.isTransient ? 1 : 0 }
                failures += 1
                guard retry, retryPolicy.allowsAnotherAttempt(after: failures) else { throw error }
                metrics.record { $0.retries += 1 }
                try await clock.sleep(seconds: retryPolicy.delay(retry: failures - 1))
                continue
            } catch is CancellationError {
                throw SyncError.cancelled
            }
            if response.status == 429 {
                gate.closeAfter429(headers: response.headers)
                metrics.record { $0.rateLimited += 1; $0.retries += 1 }
                continue
            }
            if watchRemaining, response.header("x-ratelimit-remaining").flatMap(Int.init) == 0,
               let reset = RateLimitGate.reset(from: response.headers, now: clock.now()) {
                gate.close(until: reset.addingTimeInterval(gate.margin))
            }
            if response.status >= 500, idempotent {
                failures += 1
                metrics.record { $0.transientFailures += 1 }
                guard retryPolicy.allowsAnotherAttempt(after: failures) else { throw SyncError.serverError(status: response.status) }
                metrics.record { $0.retries += 1 }
                try await clock.sleep(seconds: retryPolicy.delay(retry: failures - 1))
                continue
            }
            return response
        }
    }
}

/// Decoding helpers shared by the JSON vendors.
enum VendorJSON {
    /// The body as a JSON value (object or array), or a malformed error.
    static func value(_ response: HTTPClientResponse) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed])
        } catch {
            throw SyncError.malformedResponse("the body is not JSON (\(response.body.count) bytes)")
        }
    }

    /// The body as a JSON object, or a malformed error.
    static func object(_ response: HTTPClientResponse) throws -> [String: Any] {
        guard let object = try value(response) as? [String: Any] else {
            throw SyncError.malformedResponse("the body is not a JSON object")
        }
        return object
    }

    /// A string field of an error body, if the body is a JSON object.
    static func text(_ response: HTTPClientResponse, _ key: String) -> String? {
        ((try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]).flatMap { JSONReader.text($0[key]) }
    }
}
