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
    /// The vendor the `faults` apply to; nil = every vendor (`--fault-vendor`).
    public var faultVendor: VendorKind?
    /// seed 002: `basic` (no lead limit) or `free` (at most 5 leads; `--closingdealz-plan`).
    public var closingDealzPlan: ClosingDealzPlan = .basic
    /// seed 002: "only 1000 requests every 5 minutes is allowed".
    public var closingDealzRateLimit = FaultSettings.RateLimit(requests: 1000, windowSeconds: 300)
    /// seed 004: the permitted requests reset every 60 seconds; 120 per key is chosen (README §2).
    public var zenviaRateLimit = FaultSettings.RateLimit(requests: 120, windowSeconds: 60)
    /// Prospects seeded from the demo leads (nil: one in three of them, at most 500).
    public var zenviaProspects: Int?
    /// The largest file `send-file` takes (chosen: 512 KiB, below the server's body limit).
    public var zenviaMaxFileBytes = 512 * 1024

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

    /// The settings each vendor's fault injector starts with.
    func faults(for kind: VendorKind) -> FaultSettings {
        faultVendor == nil || faultVendor == kind ? faults : FaultSettings()
    }
}
