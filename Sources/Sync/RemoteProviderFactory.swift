import Foundation

/// Builds the adapter for a configured remote (one per vendor kind). The only place that maps
/// a kind to a provider type; everything after it asks capabilities.
public enum RemoteProviderFactory {
    /// The provider for `remote` with resolved `credentials`.
    public static func make(
        _ remote: RemoteConfig, credentials: RemoteCredentials, transport: (any HTTPTransport)? = nil,
        retryPolicy: RetryPolicy = RetryPolicy(), clock: any SyncClock = SystemClock()
    ) throws -> any RemoteProvider {
        switch remote.kind {
        case .leadsCRM:
            let api = LeadsCRMAPI(baseURL: remote.url, credentials: credentials, transport: transport,
                                  retryPolicy: retryPolicy, clock: clock)
            return LeadsCRMProvider(providerKey: remote.name, api: api)
        case .closingdealz:
            return ClosingDealzProvider(providerKey: remote.name, baseURL: remote.url, apiKey: credentials.apiKey,
                                        transport: transport, retryPolicy: retryPolicy, clock: clock)
        case .chatbot:
            guard let chatbotId = remote.chatbotId else {
                throw SyncError.configuration("remote \"\(remote.name)\" (kind chatbot) needs chatbot_id")
            }
            return ChatbotProvider(providerKey: remote.name, baseURL: remote.url, chatbotId: chatbotId,
                                   apiKey: credentials.apiKey, transport: transport, retryPolicy: retryPolicy, clock: clock)
        case .cleverapp:
            return CleverAppProvider(providerKey: remote.name, baseURL: remote.url, apiKey: credentials.apiKey,
                                     transport: transport, retryPolicy: retryPolicy, clock: clock)
        case .zenvia:
            return ZenviaProvider(providerKey: remote.name, baseURL: remote.url, apiKey: credentials.apiKey,
                                  transport: transport, retryPolicy: retryPolicy, clock: clock)
        }
    }
}
