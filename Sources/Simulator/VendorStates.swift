/// The simulated vendors beside seed 001: their states and deterministic credentials per seed.
public final class VendorStates: Sendable {
    /// The vendors this build serves beside seed 001.
    static let served: [VendorKind] = [.closingdealz]

    /// seed 002's `X-API-Key`.
    public let closingDealzKey: String
    let closingDealz: ClosingDealzState
    let closingDealzGate: RateGate

    init(_ configuration: SimulatorConfiguration) {
        let seed = configuration.seed
        closingDealzKey = "cdz_" + VendorKeys.hex(seed: seed, salt: 0xC105_1D3A, count: 32)
        closingDealz = ClosingDealzState(plan: configuration.closingDealzPlan)
        closingDealzGate = RateGate(limit: configuration.closingDealzRateLimit)
    }

    /// The vendors' request handlers.
    func apis(_ configuration: SimulatorConfiguration) -> [any VendorAPI] {
        [ClosingDealzAPI(workspace: closingDealz, apiKey: closingDealzKey, rateGate: closingDealzGate)]
    }

    /// The leads ClosingDealz has received, in the seed's field names, oldest first.
    public var closingDealzLeads: [[String: String]] { closingDealz.all }
}
