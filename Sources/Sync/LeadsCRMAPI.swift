import Core
import Foundation

/// The seed 001 "Leads & CRM" client: every endpoint of ../shared/api/README.md section 1, with
/// both auth headers, form-urlencoded POST bodies, tolerant envelope decoding and classified errors.
///
/// Reads and idempotent writes retry transient failures (5xx, timeouts, dropped connections, garbled
/// answers) with `RetryPolicy`; every request first waits at the shared `RateLimitGate`, and a 429
/// closes the gate until the server's reset before the same request is sent again. Creates are not
/// idempotent: a transient failure is thrown so the caller can look for the record before resending.
public struct LeadsCRMAPI: Sendable {
    /// The base URL, e.g. `http://127.0.0.1:8700/api/v1`.
    public let baseURL: URL
    let credentials: RemoteCredentials
    let transport: any HTTPTransport
    /// Backoff for transient failures.
    public let retryPolicy: RetryPolicy
    /// The shared rate-limit gate.
    public let gate: RateLimitGate
    let clock: any SyncClock
    /// What this client did on the wire.
    public let metrics: RequestMetrics
    /// GET /leads/view/lead/ built once (a first pull sends it once per lead).
    let detailRequest: PreparedRequest

    /// A client; share `gate` and `metrics` between clients of the same remote.
    public init(
        baseURL: URL, credentials: RemoteCredentials, transport: (any HTTPTransport)? = nil,
        retryPolicy: RetryPolicy = RetryPolicy(), clock: any SyncClock = SystemClock(),
        gate: RateLimitGate? = nil, metrics: RequestMetrics = RequestMetrics()
    ) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.transport = transport ?? DefaultTransport.make(for: baseURL)
        self.retryPolicy = retryPolicy
        self.clock = clock
        self.gate = gate ?? RateLimitGate(clock: clock)
        self.metrics = metrics
        detailRequest = PreparedRequest(url: Self.url(baseURL, "leads/view/lead/", []), headers: Self.headers(credentials))
    }

    // MARK: - Reads

    /// GET /leads/overview/ (`appointment` = upcoming, today, week, month).
    public func overview(appointment: String? = nil) async throws -> LeadsCRMOverview {
        let query = appointment.map { [("appointment", $0)] } ?? []
        return try LeadsCRMDecoding.overview(try await get("leads/overview/", query))
    }

    /// GET /leads/list/ with offset/limit and optional filters (list_type, email, status, owner...).
    public func listLeads(offset: Int, limit: Int, filters: [String: String] = [:]) async throws -> LeadsCRMPage<LeadsCRMLead> {
        let query = [("offset", String(offset)), ("limit", String(limit))] + filters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return try LeadsCRMDecoding.page(try await get("leads/list/", query), item: LeadsCRMDecoding.lead)
    }

    /// GET /leads/appointments/list/ with offset/limit and optional filters (datesetting, ondate, status, lead).
    public func listAppointments(offset: Int, limit: Int, filters: [String: String] = [:]) async throws
        -> LeadsCRMPage<LeadsCRMAppointment>
    {
        let query = [("offset", String(offset)), ("limit", String(limit))] + filters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return try LeadsCRMDecoding.page(try await get("leads/appointments/list/", query), item: LeadsCRMDecoding.appointment)
    }

    /// GET /leads/view/lead/?slug=…
    public func leadDetail(slug: String) async throws -> LeadsCRMLeadDetail {
        let (transport, prepared, query) = (transport, detailRequest, FormEncoding.encode([("slug", slug)]))
        return try await perform(idempotent: true, send: { try await transport.send(prepared, query: query) }) { response in
            try LeadsCRMDetailDecoding.detail(of: response) { gate.closeAfter429(headers: $0.headers) }
        }
    }

    // MARK: - Writes

    /// POST /leads/create/lead/ (first_name, last_name, email, phone, location, message, assignee, status, source).
    /// Not idempotent: transient failures are thrown, not retried. The server returns no id.
    public func createLead(_ fields: [String: String]) async throws {
        try await post("leads/create/lead/", fields, idempotent: false)
    }

    /// POST /leads/update/lead/ (slug + every create field).
    public func updateLead(slug: String, fields: [String: String]) async throws {
        var form = fields
        form["slug"] = slug
        try await post("leads/update/lead/", form, idempotent: true)
    }

    /// POST /leads/delete/lead/.
    public func deleteLead(slug: String) async throws {
        try await post("leads/delete/lead/", ["slug": slug], idempotent: true)
    }

    /// POST /leads/create/leadnote/ (note ≤ 499). Not idempotent.
    public func createNote(slug: String, text: String) async throws {
        try await post("leads/create/leadnote/", ["slug": slug, "note": text], idempotent: false)
    }

    /// POST /leads/delete/leadnote/.
    public func deleteNote(id: String) async throws {
        try await post("leads/delete/leadnote/", ["note_id": id], idempotent: true)
    }

    /// POST /leads/create/appointment/ (slug, appointment_date, appointment_to, appointment_note, appointment_status). Not idempotent.
    public func createAppointment(slug: String, fields: [String: String]) async throws {
        var form = fields
        form["slug"] = slug
        try await post("leads/create/appointment/", form, idempotent: false)
    }

    /// POST /leads/update/appointment/ (appointment_id + changed fields).
    public func updateAppointment(id: String, fields: [String: String]) async throws {
        var form = fields
        form["appointment_id"] = id
        try await post("leads/update/appointment/", form, idempotent: true)
    }

    /// POST /leads/delete/appointment/.
    public func deleteAppointment(id: String) async throws {
        try await post("leads/delete/appointment/", ["appointment_id": id], idempotent: true)
    }

    // MARK: - Plumbing

    func url(_ path: String, _ query: [(String, String)]) -> URL {
        Self.url(baseURL, path, query)
    }

    /// `path` under `baseURL` with `query` encoded.
    static func url(_ baseURL: URL, _ path: String, _ query: [(String, String)]) -> URL {
        var text = baseURL.absoluteString
        if !text.hasSuffix("/") { text += "/" }
        text += path
        if !query.isEmpty { text += "?" + FormEncoding.encode(query) }
        return URL(string: text) ?? baseURL
    }

    func headers() -> [String: String] { Self.headers(credentials) }

    /// Both auth headers and `Accept`.
    static func headers(_ credentials: RemoteCredentials) -> [String: String] {
        ["apikey": credentials.apiKey.reveal(), "Authorization": "Bearer \(credentials.token.reveal())",
         "Accept": "application/json"]
    }

    func get(_ path: String, _ query: [(String, String)]) async throws -> Any? {
        let request = HTTPClientRequest(method: "GET", url: url(path, query), headers: headers())
        return try await perform(request, idempotent: true)
    }

    @discardableResult
    func post(_ path: String, _ form: [String: String], idempotent: Bool) async throws -> Any? {
        var headers = headers()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        let request = HTTPClientRequest(method: "POST", url: url(path, []), headers: headers,
                                        body: Data(FormEncoding.encode(form).utf8))
        return try await perform(request, idempotent: idempotent)
    }

    /// GET /leads/list/ answered as raw rows: each result's slug, the hash of its bytes and a way
    /// to decode it, without building values for the rows (an unchanged lead costs a hash).
    /// Falls back to normal decoding when the body is not shaped as expected.
    public func listLeadRows(offset: Int, limit: Int) async throws -> LeadsCRMRowPage {
        let query = [("offset", String(offset)), ("limit", String(limit))]
        let request = HTTPClientRequest(method: "GET", url: url("leads/list/", query), headers: headers())
        return try await perform(request, idempotent: true) { response in
            let bytes = [UInt8](response.body)
            if (200..<300).contains(response.status), let page = LeadRowScanner.scan(bytes),
               page.statusCode.map({ $0 < 400 }) ?? true {
                let rows = page.rows.map { row in
                    LeadsCRMRowPage.Row(slug: row.slug, hash: LeadRowScanner.hash(bytes, row.range),
                                        bytes: bytes[row.range])
                }
                return LeadsCRMRowPage(rows: rows, count: page.count ?? rows.count, hasNext: page.hasNext)
            }
            let data = try LeadsCRMDecoding.data(of: response) { gate.closeAfter429(headers: $0.headers) }
            let decoded = try LeadsCRMDecoding.page(data, item: LeadsCRMDecoding.lead)
            return LeadsCRMRowPage(rows: decoded.results.map { .init(slug: $0.slug, hash: "", bytes: [], decoded: $0) },
                                   count: decoded.count, hasNext: decoded.hasNext)
        }
    }

    /// Sends with the gate and the retry policy; returns the envelope's `data`.
    func perform(_ request: HTTPClientRequest, idempotent: Bool) async throws -> Any? {
        try await perform(request, idempotent: idempotent) { response in
            try LeadsCRMDecoding.data(of: response) { gate.closeAfter429(headers: $0.headers) }
        }
    }

    /// Sends with the gate and the retry policy; `decode` reads the answer (and throws its errors).
    func perform<T>(_ request: HTTPClientRequest, idempotent: Bool, decode: (HTTPClientResponse) throws -> T) async throws -> T {
        let transport = self.transport
        return try await perform(idempotent: idempotent, send: { try await transport.send(request) }, decode: decode)
    }

    /// Sends with `send` under the gate and the retry policy; `decode` reads the answer.
    func perform<T>(idempotent: Bool, send: @Sendable () async throws -> HTTPClientResponse,
                    decode: (HTTPClientResponse) throws -> T) async throws -> T {
        var failures = 0
        while true {
            try Task.checkCancellation()
            try await gate.waitUntilOpen()
            metrics.record { $0.requests += 1 }
            do {
                let response = try await send()
                return try decode(response)
            } catch let error as SyncError {
                switch error {
                case .rateLimited:
                    // The gate is closed until the reset; the server did not act on the request.
                    metrics.record { $0.rateLimited += 1; $0.retries += 1 }
                    continue
                case .unreachable where !idempotent:
                    // Nothing was sent: safe to repeat even for a create.
                    break
                case _ where error.isTransient && idempotent:
                    break
                default:
                    if error.isTransient { metrics.record { $0.transientFailures += 1 } }
                    throw error
                }
                failures += 1
                metrics.record { $0.transientFailures += 1 }
                guard retryPolicy.allowsAnotherAttempt(after: failures) else { throw error }
                metrics.record { $0.retries += 1 }
                try await clock.sleep(seconds: retryPolicy.delay(retry: failures - 1))
            } catch is CancellationError {
                throw SyncError.cancelled
            }
        }
    }
}
