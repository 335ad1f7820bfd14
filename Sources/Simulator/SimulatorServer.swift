import Core
import Foundation

/// The five simulated vendors on one loopback port, each under its own base path
/// (`VendorKind.basePath`: seed 001 under `/api/v1`, Zenvia `/zenvia/v1`, CleverApp `/cleverapp`,
/// ClosingDealz `/closingdealz`, the chatbot `/chatbot`), the control endpoints under `/_sim/`
/// (see `ControlAPI`), fault injection per vendor and a request log.
///
/// In-process use (tests, the `closer` demo):
/// ```
/// let sim = try SimulatorServer.start(SimulatorConfiguration(leadCount: 50))
/// defer { sim.stop() }
/// sim.baseURL   // http://127.0.0.1:<port>/api/v1
/// sim.users[0]  // username, apiKey, token
/// sim.endpoint(.closingdealz)  // url, apiKey (chatbotId for .chatbot)
/// ```
public final class SimulatorServer: Sendable {
    public let state: SimulatorState
    /// seed 001's fault injector (`faults(for:)` has every vendor's).
    public let faults: FaultInjector
    /// The other vendors' states.
    public let vendors: VendorStates
    private let board: FaultBoard
    private let apis: [any VendorAPI]
    public let log: RequestLog
    /// The port actually bound.
    public let port: UInt16
    public let host: String
    private let server: HTTPServer

    /// Seeds the state, binds and starts serving; throws `SocketError` when the port is taken.
    public static func start(_ configuration: SimulatorConfiguration = SimulatorConfiguration()) throws -> SimulatorServer {
        var configuration = configuration
        // One "now" for seed 001's leads and Zenvia's prospects made from the same demo leads.
        if configuration.dataNow == nil { configuration.dataNow = Int64(Date().timeIntervalSince1970) }
        let state = SimulatorState(
            seed: configuration.seed, leadCount: configuration.leadCount, userCount: configuration.userCount,
            now: configuration.dataNow)
        return try start(configuration, state: state)
    }

    /// Starts serving a state built by the caller.
    public static func start(_ configuration: SimulatorConfiguration, state: SimulatorState) throws -> SimulatorServer {
        let vendors = VendorStates(configuration)
        let apis: [any VendorAPI] = [LeadsAPI(state: state)] + vendors.apis(configuration)
        var injectors: [VendorKind: FaultInjector] = [:]
        for api in apis {
            injectors[api.kind] = FaultInjector(
                settings: configuration.faults(for: api.kind), seed: api.kind == .leadsCRM ? configuration.seed : configuration.seed ^ UInt64(api.kind.basePath.utf8.count),
                responses: api.faultResponses)
        }
        let board = FaultBoard(injectors)
        let log = RequestLog()
        let router = Router(state: state, vendors: apis, faults: board, log: log)
        let server = HTTPServer(limits: configuration.limits) { request in router.handle(request) }
        let port = try server.start(host: configuration.host, port: configuration.port)
        router.origin.set("http://\(configuration.host == "0.0.0.0" ? "127.0.0.1" : configuration.host):\(port)")
        let sim = SimulatorServer(state: state, vendors: vendors, apis: apis, board: board, log: log, port: port,
                                  host: configuration.host, server: server)
        router.control.endpoints.set(sim.endpoints)
        return sim
    }

    private init(state: SimulatorState, vendors: VendorStates, apis: [any VendorAPI], board: FaultBoard, log: RequestLog,
                 port: UInt16, host: String, server: HTTPServer) {
        self.state = state
        self.apis = apis
        self.vendors = vendors
        self.board = board
        self.faults = board.injector(.leadsCRM)
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

    /// The fault injector of one vendor.
    public func faults(for kind: VendorKind) -> FaultInjector { board.injector(kind) }

    /// How to reach one vendor: its base URL and key (seed 001: the first user's apikey).
    public func endpoint(_ kind: VendorKind) -> VendorEndpoint {
        let url = URL(string: origin.absoluteString + kind.basePath) ?? origin
        switch kind {
        case .leadsCRM: return VendorEndpoint(kind: kind, url: url, apiKey: users.first?.apiKey ?? "")
        case .closingdealz: return VendorEndpoint(kind: kind, url: url, apiKey: vendors.closingDealzKey)
        case .zenvia: return VendorEndpoint(kind: kind, url: url, apiKey: vendors.zenviaKey)
        case .cleverapp: return VendorEndpoint(kind: kind, url: url, apiKey: vendors.cleverAppKeys[0])
        case .chatbot: return VendorEndpoint(kind: kind, url: url, apiKey: vendors.chatbotKey, chatbotId: vendors.chatbotId)
        }
    }

    /// One vendor's object of `/_sim/state` (the vendor's own field names), for in-process checks;
    /// seed 001's is `state.dump()`.
    public func vendorState(_ kind: VendorKind) -> [String: Any] {
        guard kind != .leadsCRM, let api = apis.first(where: { $0.kind == kind }) else { return state.dump() }
        let data = (try? JSONSerialization.data(withJSONObject: api.stateJSON(), options: [.withoutEscapingSlashes])) ?? Data("{}".utf8)
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// The vendors beside seed 001, in `closer-sim`'s order.
    public var endpoints: [VendorEndpoint] { VendorKind.others.map(endpoint) }

    /// The users and their credentials.
    public var users: [SimUser] { state.allUsers }

    /// Connections currently open.
    public var openConnections: Int { server.openConnections }

    /// Stops listening and closes every connection.
    public func stop() { server.stop() }
}

/// A value behind a lock, for the few mutable fields of otherwise immutable objects.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
