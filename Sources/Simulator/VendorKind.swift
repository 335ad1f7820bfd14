/// The five vendor APIs the simulator serves, by the `kind` names of Closer's remote config.
public enum VendorKind: String, Sendable, CaseIterable, Hashable {
    /// seed 001, "Leads & CRM" (the primary backend), under `/api/v1`.
    case leadsCRM = "leads-crm"
    /// seed 004, Zenvia Sales, under `/zenvia/v1`.
    case zenvia
    /// seed 000, CleverApp Sales Automation, under `/cleverapp`.
    case cleverapp
    /// seed 002, ClosingDealz, under `/closingdealz`.
    case closingdealz
    /// seed 003, the chatbot-workspace Leads API, under `/chatbot`.
    case chatbot

    /// The path prefix of the vendor's base URL on the simulator's port (chosen; DECISIONS.md).
    public var basePath: String {
        switch self {
        case .leadsCRM: return "/api/v1"
        case .zenvia: return "/zenvia/v1"
        case .cleverapp: return "/cleverapp"
        case .closingdealz: return "/closingdealz"
        case .chatbot: return "/chatbot"
        }
    }

    /// The four vendors added beside seed 001, in the order `closer-sim` prints them.
    public static let others: [VendorKind] = [.zenvia, .cleverapp, .closingdealz, .chatbot]
}
