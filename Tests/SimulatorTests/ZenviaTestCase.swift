import Core
import Foundation
import Simulator
import XCTest

/// Calls to the simulated Zenvia (seed 004) with the `api-key` query parameter.
class ZenviaTestCase: VendorTestCase {
    var key: String { sim.endpoint(.zenvia).apiKey }

    /// `method` on `<zenvia url><path>?api-key=…&query`.
    func zenvia(_ method: String, _ path: String, query: [String: String] = [:], rawQuery: String = "", json: Any? = nil,
                body: Data? = nil, headers: [String: String] = [:]) async throws -> VendorReply {
        var fields = query
        if fields["api-key"] == nil, headers["api-key"] == nil { fields["api-key"] = key }
        var target = path + "?" + SimulatorTestCase.encode(fields)
        if !rawQuery.isEmpty { target += "&" + rawQuery }
        return try await vendor(.zenvia, method, target, json: json, body: body, headers: headers)
    }

    /// Every seeded prospect (the list with a limit has no 31-day default).
    func allProspects() async throws -> [[String: Any]] {
        try await zenvia("GET", "/prospects", query: ["limit": "1000"]).array
    }

    /// The demo lead of seed 001's generator that seeded prospect `number` (leads 0, 3, 6…).
    func demoLead(forProspect number: Int) -> Lead {
        let generator = DemoDataGenerator(seed: 7, now: sim.state.now, userCount: 3)
        return generator.lead(number * 3)
    }

    /// A prospect whose last inbound message is less than 24 h old (`open`) or not.
    func prospect(windowOpen open: Bool) async throws -> [String: Any] {
        for prospect in try await allProspects() {
            let id = prospect["id"] as? String ?? ""
            let interactions = try await zenvia("GET", "/prospect/\(id)/interactions").array
            let lastInbound = interactions.last { $0["proactive"] as? Bool == false }
            let at = WireDate.parseTimestamp(lastInbound?["createdAt"] as? String ?? "") ?? 0
            let isOpen = Int64(Date().timeIntervalSince1970) - at < 24 * 3600
            if isOpen == open, !(prospect["phones"] as? [String] ?? []).isEmpty { return prospect }
        }
        throw XCTSkip("no prospect with window \(open ? "open" : "closed")")
    }

    func assertError(_ reply: VendorReply, _ status: Int, code: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(reply.status, status, "\(reply.object)", file: file, line: line)
        XCTAssertEqual(reply.object["code"] as? String, code, file: file, line: line)
        XCTAssertFalse((reply.object["message"] as? String ?? "").isEmpty, file: file, line: line)
    }

    static func isObjectId(_ value: Any?) -> Bool {
        guard let text = value as? String else { return false }
        return text.count == 24 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
