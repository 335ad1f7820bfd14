/// seed 001 behind the router: callers are told apart by `apikey` and named by their username.
extension LeadsAPI: VendorAPI {
    var kind: VendorKind { .leadsCRM }
    var faultResponses: FaultResponses { .leadsCRM }

    func caller(of request: HTTPRequest) -> (key: String, label: String?) {
        let key = request.header("apikey") ?? ""
        return (key, key.isEmpty ? nil : authenticate(request).map(\.username))
    }

    func handle(_ request: HTTPRequest, route: String, origin: String) -> HTTPResponse {
        handle(request, origin: origin)
    }

    /// seed 001's state is the top level of `/_sim/state` (`SimulatorState.dumpJSON`).
    func stateJSON() -> [String: Any] { [:] }
}
