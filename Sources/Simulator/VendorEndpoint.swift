import Foundation

/// Where and how to reach one simulated vendor: what a client's remote config needs.
public struct VendorEndpoint: Sendable, Equatable {
    public let kind: VendorKind
    /// The base that the paths of ../shared/api/README.md are appended to
    /// (`<url>/api/v1/leads` for ClosingDealz, `<url>/prospects` for Zenvia...).
    public let url: URL
    /// The vendor's API key (seed 001: the first user's `apikey`; its token is in `users`).
    public let apiKey: String
    /// The chatbot id of seed 003's path; nil for the other vendors.
    public let chatbotId: String?

    /// An endpoint as `SimulatorServer.endpoint(_:)` makes it.
    public init(kind: VendorKind, url: URL, apiKey: String, chatbotId: String? = nil) {
        self.kind = kind
        self.url = url
        self.apiKey = apiKey
        self.chatbotId = chatbotId
    }

    /// The `closer-sim` output line: `vendor=<kind> url=<url> key=<key>[ chatbot_id=<id>]`.
    public var line: String {
        var text = "vendor=\(kind.rawValue) url=\(url.absoluteString) key=\(apiKey)"
        if let chatbotId { text += " chatbot_id=\(chatbotId)" }
        return text
    }
}
