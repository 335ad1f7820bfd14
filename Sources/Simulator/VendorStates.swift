import Core
import Foundation

/// The simulated vendors beside seed 001: their states and deterministic credentials per seed.
public final class VendorStates: Sendable {
    /// seed 002's `X-API-Key`.
    public let closingDealzKey: String
    let closingDealz: ClosingDealzState
    let closingDealzGate: RateGate

    /// seed 003's workspace key (`sk-workspace_...`) and the chatbot of its path.
    public let chatbotKey: String
    public let chatbotId: String
    let chatbot: ChatbotState

    /// seed 000's keys: `[0]` is printed by `closer-sim`, `[1]` is another account's (gets 403 on `[0]`'s leads).
    public let cleverAppKeys: [String]
    let cleverApp = CleverAppState()

    /// seed 004's `api-key`.
    public let zenviaKey: String
    let zenvia: ZenviaState
    let zenviaGate: RateGate

    init(_ configuration: SimulatorConfiguration) {
        let seed = configuration.seed
        closingDealzKey = "cdz_" + VendorKeys.hex(seed: seed, salt: 0xC105_1D3A, count: 32)
        closingDealz = ClosingDealzState(plan: configuration.closingDealzPlan)
        closingDealzGate = RateGate(limit: configuration.closingDealzRateLimit)
        zenviaKey = VendorKeys.hex(seed: seed, salt: 0x2E7F_A9E1, count: 40)
        zenvia = ZenviaState(seed: seed, maxFileBytes: configuration.zenviaMaxFileBytes)
        zenviaGate = RateGate(limit: configuration.zenviaRateLimit)
        let now = configuration.dataNow ?? Int64(Date().timeIntervalSince1970)
        let generator = DemoDataGenerator(seed: seed, now: now, userCount: configuration.userCount)
        let leads = configuration.leadCount
        zenvia.seed(from: generator, leadCount: leads, prospectCount: configuration.zenviaProspects ?? min(500, (leads + 2) / 3))
        cleverAppKeys = (0..<2).map { "ca_live." + VendorKeys.hex(seed: seed, salt: 0xC1E7_E2A0, index: $0, count: 40) }
        chatbotKey = "sk-workspace_" + VendorKeys.hex(seed: seed, salt: 0xC4A7_B077, count: 32)
        chatbotId = "cb_" + VendorKeys.hex(seed: seed, salt: 0xC4A7_B1D0, count: 16)
        chatbot = ChatbotState(seed: seed, workspaceId: "ws_" + VendorKeys.hex(seed: seed, salt: 0xC4A7_3005, count: 16),
                               chatbotIds: [chatbotId])
    }

    /// The vendors' request handlers.
    func apis(_ configuration: SimulatorConfiguration) -> [any VendorAPI] {
        [ZenviaAPI(account: zenvia, apiKey: zenviaKey, rateGate: zenviaGate),
         ClosingDealzAPI(workspace: closingDealz, apiKey: closingDealzKey, rateGate: closingDealzGate),
         ChatbotAPI(workspace: chatbot, apiKey: chatbotKey), CleverAppAPI(account: cleverApp, keys: cleverAppKeys)]
    }

    /// The leads ClosingDealz has received, in the seed's field names, oldest first.
    public var closingDealzLeads: [[String: String]] { closingDealz.all }

    /// A Zenvia prospect (id, e-mail or phone) writes in now, as `/_sim/zenvia/inbound` does;
    /// returns the new interaction's id, or nil when no such prospect (or `via` is not a message channel).
    @discardableResult
    public func zenviaInbound(prospect: String, content: String, via: String = "whatsApp") -> String? {
        (try? zenvia.addInbound(prospect: prospect, via: via, content: content))?["id"] as? String
    }
}
