/// How to start a simulator: where to listen, what to seed, which faults and limits apply.
public struct SimulatorConfiguration: Sendable {
    /// IPv4 address to bind ("127.0.0.1" by default; "localhost" means the same).
    public var host: String
    /// 0 = a free port (read it back from `SimulatorServer.port`).
    public var port: UInt16
    public var leadCount: Int
    public var seed: UInt64
    public var userCount: Int
    /// "Now" of the seeded demo data in Unix seconds (nil: the current time).
    public var dataNow: Int64?
    public var faults: FaultSettings
    public var limits: HTTPServerLimits

    public init(
        host: String = "127.0.0.1", port: UInt16 = 0, leadCount: Int = 200, seed: UInt64 = 1, userCount: Int = 3,
        dataNow: Int64? = nil, faults: FaultSettings = FaultSettings(), limits: HTTPServerLimits = HTTPServerLimits()
    ) {
        self.host = host
        self.port = port
        self.leadCount = leadCount
        self.seed = seed
        self.userCount = userCount
        self.dataNow = dataNow
        self.faults = faults
        self.limits = limits
    }
}
