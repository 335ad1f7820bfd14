import Core
import Foundation

/// Sends each request to the control endpoints or to the vendor whose base path it is under
/// (seed 001 for everything else), applying that vendor's faults and logging it.
final class Router: Sendable {
    let vendors: [any VendorAPI]
    let control: ControlAPI
    let faults: FaultBoard
    let log: RequestLog
    let origin = LockedValue("http://127.0.0.1")

    init(state: SimulatorState, vendors: [any VendorAPI], faults: FaultBoard, log: RequestLog) {
        self.vendors = vendors
        self.faults = faults
        self.log = log
        self.control = ControlAPI(state: state, vendors: vendors, faults: faults, log: log)
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        if request.path == "/_sim" || request.path.hasPrefix("/_sim/") {
            guard request.fromLoopback else {
                return .json(403, ["errors": ["request": ["Control endpoints are loopback-only."]]])
            }
            return control.handle(request)
        }
        for vendor in vendors where vendor.kind != .leadsCRM {
            let base = vendor.kind.basePath
            if request.path == base || request.path.hasPrefix(base + "/") {
                return serve(vendor, request, route: String(request.path.dropFirst(base.count)))
            }
        }
        guard request.path.hasPrefix(VendorKind.leadsCRM.basePath + "/"),
              let leads = vendors.first(where: { $0.kind == .leadsCRM }) else {
            return .json(404, ["status_code": 404, "errors": ["request": ["Not found."]], "data": [String: Any]()])
        }
        return serve(leads, request, route: request.path)
    }

    /// Latency, the injected rate limit and 5xx, the vendor's answer, then a malformed body or a drop.
    private func serve(_ vendor: any VendorAPI, _ request: HTTPRequest, route: String) -> HTTPResponse {
        let faults = self.faults.injector(vendor.kind)
        let received = Date().timeIntervalSince1970
        let caller = vendor.caller(of: request)
        let latency = faults.latencyMs
        if latency > 0 { usleep(UInt32(min(latency, 60_000)) * 1000) }  // settings keep it in 0...60000
        var record = RequestRecord(time: received, method: request.method, path: request.path, status: 0, user: caller.label)
        record.vendor = vendor.kind.rawValue
        var response: HTTPResponse
        switch faults.gate(key: caller.key, now: received) {  // a request counts in the window it arrived in
        case .limited(let limited, let reset):
            response = limited
            record.fault = "rate_limit"
            record.resetAt = reset
        case .serverError(let failure):
            response = failure
            record.fault = "error"
        case .pass(let headers):
            let origin = request.header("host").flatMap(Self.safeHost).map { "http://" + $0 } ?? self.origin.get()
            response = vendor.handle(request, route: route, origin: origin)
            response.headers += headers
            record.fault = faults.spoil(&response)
        }
        record.status = response.status
        log.add(record)
        return response
    }

    /// The Host header when it is a plain host[:port] (it ends up in paging URLs).
    static func safeHost(_ host: String) -> String? {
        let allowed = host.utf8.allSatisfy { b in
            (b >= 48 && b <= 58) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 46 || b == 91 || b == 93
        }
        return allowed && !host.isEmpty && host.count <= 255 ? host : nil
    }
}
