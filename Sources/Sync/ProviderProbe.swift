import Foundation

/// What `closer doctor` learns from one harmless request to a remote.
public struct ProbeReport: Sendable, Equatable {
    /// What answered ("key accepted", "2000 leads").
    public var detail: String
    /// Requests left before the remote's rate limit, as the remote or our pacer tells it; nil when unknown.
    public var headroom: String?

    /// A report.
    public init(detail: String, headroom: String? = nil) {
        self.detail = detail
        self.headroom = headroom
    }
}

/// A provider that can check reachability and credentials without changing anything remote.
/// Throws `.unreachable`, `.credentialsRejected`, ... like any request.
public protocol ProbingProvider: RemoteProvider {
    /// One request that creates nothing.
    func probe() async throws -> ProbeReport
}
