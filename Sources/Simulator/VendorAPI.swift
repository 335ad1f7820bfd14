/// One simulated vendor behind the router: its path prefix, how to tell callers apart (for the
/// fault injector's rate windows and the request log), its handler and its part of `/_sim/state`.
protocol VendorAPI: Sendable {
    var kind: VendorKind { get }
    /// How injected 429s and 5xx look in this vendor's own error shape.
    var faultResponses: FaultResponses { get }
    /// The key that identifies the caller (rate windows), and a name for the log (never the key).
    func caller(of request: HTTPRequest) -> (key: String, label: String?)
    /// Answers one request; `route` is the path below `kind.basePath` ("/api/v1/leads").
    func handle(_ request: HTTPRequest, route: String, origin: String) -> HTTPResponse
    /// Everything the vendor stores, in its own field names, for `/_sim/state`.
    func stateJSON() -> [String: Any]
    /// The vendor's own `/_sim/<kind>/<route>` control endpoints; nil = unknown route.
    func control(_ method: String, _ route: String, _ form: [String: String]) -> HTTPResponse?
}

extension VendorAPI {
    /// No control endpoints of its own.
    func control(_ method: String, _ route: String, _ form: [String: String]) -> HTTPResponse? { nil }
}
