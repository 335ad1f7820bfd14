import Foundation
import Simulator
import Sync

/// The demo's remotes beside seed 001: every vendor the embedded simulator serves, configured
/// in memory (ClosingDealz and the chatbot as push destinations of new leads).
enum DemoRemotes {
    /// The demo name and push policy of each vendor.
    static func setting(_ kind: VendorKind) -> (name: String, push: PushPolicy)? {
        switch kind {
        case .zenvia: return ("zenvia", .none)
        case .cleverapp: return ("clever", .none)
        case .closingdealz: return ("cd", .newLeads)
        case .chatbot: return ("bot", .newLeads)
        case .leadsCRM: return nil
        }
    }

    /// Remotes for the simulator's other vendors (credentials in memory only).
    static func vendors(of server: SimulatorServer) throws -> [SyncCoordinator.Remote] {
        try server.endpoints.compactMap { endpoint in
            guard let setting = setting(endpoint.kind), let kind = RemoteKind(rawValue: endpoint.kind.rawValue) else { return nil }
            let config = RemoteConfig(name: setting.name, kind: kind, url: endpoint.url, apiKey: nil, token: nil,
                                      chatbotId: endpoint.chatbotId, push: setting.push)
            let credentials = RemoteCredentials(apiKey: Secret(endpoint.apiKey), token: Secret(""))
            return SyncCoordinator.Remote(config: config, provider: try RemoteProviderFactory.make(config, credentials: credentials))
        }
    }
}
