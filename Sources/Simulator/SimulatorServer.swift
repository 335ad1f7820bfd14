import Core
import Foundation

/// The simulated "Leads & CRM" vendor (seed 001) on loopback: the API under `/api/v1`, the
/// control endpoints under `/_sim/` (see `ControlAPI`), fault injection and a request log.
///
/// In-process use (tests, the `closer` demo):
/// ```
/// let sim = try SimulatorServer.start(SimulatorConfiguration(leadCount: 50))
/// defer { sim.stop() }
/// sim.baseURL   // http://127.0.0.1:<port>/api/v1
/// sim.users[0]  // username, apiKey, token
/// ```
public final class SimulatorServer: Sendable {
    public let state: SimulatorState
    public let faults: FaultInjector
    public let log: RequestLog
    /// The port actually bound.
    public let port: UInt16
    public let host: String
    private let server: HTTPServer

    /// Seeds the state, binds and starts serving; throws `SocketError` when the port is taken.
    public static func start(_ configuration: SimulatorConfiguration = SimulatorConfiguration()) throws -> SimulatorServer {
        let state = SimulatorState(
            seed: configuration.seed, leadCount: configuration.leadCount, userCount: configuration.userCount,
            now: configuration.dataNow)
        return try start(configuration, state: state)
    }

    /// Starts serving a state built by the caller.
    public static func start(_ configuration: SimulatorConfiguration, state: SimulatorState) throws -> SimulatorServer {
        let faults = FaultInjector(settings: configuration.faults, seed: configuration.seed)
        let log = RequestLog()
        let router = Router(state: state, faults: faults, log: log)
        let server = HTTPServer(limits: configuration.limits) { request in router.handle(request) }
        let port = try server.start(host: configuration.host, port: configuration.port)
        router.origin.set("http://\(configuration.host == "0.0.0.0" ? "127.0.0.1" : configuration.host):\(port)")
        return SimulatorServer(state: state, faults: faults, log: log, port: port, host: configuration.host, server: server)
    }

    private init(state: SimulatorState, faults: FaultInjector, log: RequestLog, port: UInt16, host: String, server: HTTPServer) {
        self.state = state
        self.faults = faults
        self.log = log
        self.port = port
        self.host = host
        self.server = server
    }

    /// `http://host:port` (the control endpoints live under `/_sim/` here).
    public var origin: URL {
        URL(string: "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)") ?? URL(fileURLWithPath: "/")
    }

    /// `http://host:port/api/v1`, the seed 001 base URL.
    public var baseURL: URL { origin.appendingPathComponent("api").appendingPathComponent("v1") }

    /// The users and their credentials.
    public var users: [SimUser] { state.allUsers }

    /// Connections currently open.
    public var openConnections: Int { server.openConnections }

    /// Stops listening and closes every connection.
    public func stop() { server.stop() }
}

/// Sends each request to the API or the control endpoints, applying faults and logging.
final class Router: Sendable {
    let api: LeadsAPI
    let control: ControlAPI
    let faults: FaultInjector
    let log: RequestLog
    let state: SimulatorState
    let origin = LockedValue("http://127.0.0.1")

    init(state: SimulatorState, faults: FaultInjector, log: RequestLog) {
        self.state = state
        self.api = LeadsAPI(state: state)
        self.control = ControlAPI(state: state, faults: faults, log: log)
        self.faults = faults
        self.log = log
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        if request.path == "/_sim" || request.path.hasPrefix("/_sim/") {
            guard request.fromLoopback else {
                return .json(403, ["errors": ["request": ["Control endpoints are loopback-only."]]])
            }
            return control.handle(request)
        }
        guard request.path.hasPrefix(LeadsAPI.basePath + "/") else {
            return .json(404, ["status_code": 404, "errors": ["request": ["Not found."]], "data": [String: Any]()])
        }
        let received = Date().timeIntervalSince1970
        let key = request.header("apikey") ?? ""
        let user = key.isEmpty ? nil : state.user(apiKey: key, token: bearer(request)).map(\.username)
        let latency = faults.latencyMs
        if latency > 0 { usleep(UInt32(min(latency, 60_000)) * 1000) }  // settings keep it in 0...60000
        var record = RequestRecord(time: received, method: request.method, path: request.path, status: 0, user: user)
        var response: HTTPResponse
        switch faults.gate(key: key, now: received) {  // a request counts in the window it arrived in
        case .limited(let limited, let reset):
            response = limited
            record.fault = "rate_limit"
            record.resetAt = reset
        case .serverError(let failure):
            response = failure
            record.fault = "error"
        case .pass(let headers):
            let origin = request.header("host").flatMap(Self.safeHost).map { "http://" + $0 } ?? self.origin.get()
            response = api.handle(request, origin: origin)
            response.headers += headers
            record.fault = faults.spoil(&response)
        }
        record.status = response.status
        log.add(record)
        return response
    }

    /// The Host header when it is a plain host[:port] (it ends up in paging URLs).
    static func safeHost(_ host: String) -> String? {
        let allowed = host.utf8.allSatisfy { b in
            (b >= 48 && b <= 58) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 46 || b == 91 || b == 93
        }
        return allowed && !host.isEmpty && host.count <= 255 ? host : nil
    }

    private func bearer(_ request: HTTPRequest) -> String {
        let value = request.header("authorization") ?? ""
        return value.lowercased().hasPrefix("bearer ") ? String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces) : ""
    }
}

/// A value behind a lock, for the few mutable fields of otherwise immutable objects.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
