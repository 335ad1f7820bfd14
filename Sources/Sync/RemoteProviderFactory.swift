import Foundation

/// Builds the adapter for a configured remote (one per vendor kind).
public enum RemoteProviderFactory {
    /// The provider for `remote` with resolved `credentials`. Kinds without an adapter yet are a configuration error.
    public static func make(
        _ remote: RemoteConfig, credentials: RemoteCredentials, transport: (any HTTPTransport)? = nil,
        retryPolicy: RetryPolicy = RetryPolicy(), clock: any SyncClock = SystemClock()
    ) throws -> any RemoteProvider {
        switch remote.kind {
        case .leadsCRM:
            let api = LeadsCRMAPI(baseURL: remote.url, credentials: credentials, transport: transport,
                                  retryPolicy: retryPolicy, clock: clock)
            return LeadsCRMProvider(providerKey: remote.name, api: api)
        case .zenvia, .cleverapp, .closingdealz, .chatbot:
            throw SyncError.configuration("remote \"\(remote.name)\": kind \(remote.kind.rawValue) has no sync adapter yet")
        }
    }
}
