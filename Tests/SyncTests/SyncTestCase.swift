import Core
import Foundation
import Simulator
import Store
import Sync
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A simulator on a free loopback port and a fresh SQLite file per test, plus helpers to sync,
/// act as "another agent" through the control endpoints, and compare both sides.
class SyncTestCase: XCTestCase {
    var sim: SimulatorServer!
    var store: LeadStore!
    var directory: URL!
    let providerKey = "crm"
    let fastRetry = RetryPolicy(base: 0.01, cap: 0.1, maxAttempts: 12)

    /// Override to change the simulator.
    func configuration() -> SimulatorConfiguration {
        SimulatorConfiguration(leadCount: 30, seed: 11, userCount: 3)
    }

    override func setUpWithError() throws {
        sim = try SimulatorServer.start(configuration())
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try LeadStore(path: directory.appendingPathComponent("closer.db").path)
    }

    override func tearDown() {
        sim?.stop()
        store = nil
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    var ana: SimUser { sim.users[0] }

    func makeProvider(user: SimUser? = nil, token: String? = nil) -> LeadsCRMProvider {
        let user = user ?? ana
        let api = LeadsCRMAPI(
            baseURL: sim.baseURL,
            credentials: RemoteCredentials(apiKey: Secret(user.apiKey), token: Secret(token ?? user.token)),
            transport: SocketHTTPClient(timeout: 5), retryPolicy: fastRetry)
        return LeadsCRMProvider(providerKey: providerKey, api: api)
    }

    func makeWorker(user: SimUser? = nil, token: String? = nil, options: SyncOptions? = nil) -> SyncWorker {
        SyncWorker(store: store, provider: makeProvider(user: user, token: token),
                   options: options ?? SyncOptions(pageSize: 7, concurrency: 3, interval: 1),
                   username: (user ?? ana).username, retryPolicy: fastRetry)
    }

    /// Runs cycles until one ends without error and nothing is left to send (at most `limit`).
    @discardableResult
    func syncUntilSettled(_ worker: SyncWorker, limit: Int = 10, file: StaticString = #filePath, line: UInt = #line) async -> SyncWorker.Report {
        var report = await worker.runOnce()
        var cycles = 1
        while (report.error != nil || report.pendingChanges > 0) && cycles < limit {
            report = await worker.runOnce()
            cycles += 1
        }
        XCTAssertNil(report.error, "sync did not settle: \(String(describing: report.error))", file: file, line: line)
        return report
    }

    // MARK: - Another agent (control endpoints)

    @discardableResult
    func control(_ path: String, _ form: [String: String]) async throws -> [String: Any] {
        var request = URLRequest(url: sim.origin.appendingPathComponent("_sim").appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(FormEncoding.encode(form).utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        XCTAssertEqual(status, 200, "control \(path) failed: \(object)")
        return object
    }

    func setFaults(_ form: [String: String]) async throws {
        try await control("faults", form)
    }

    // MARK: - Server state

    struct ServerState {
        var leads: [[String: Any]]
        var notes: [[String: Any]]
        var activities: [[String: Any]]
        var appointments: [[String: Any]]

        var liveLeads: [[String: Any]] { leads.filter { ($0["deleted"] as? Bool) != true } }
        var liveLeadIds: Set<String> { Set(liveLeads.compactMap { text($0["id"]) }) }

        func lead(slug: String) -> [String: Any]? { leads.first { text($0["slug"]) == slug } }
    }

    func serverState() -> ServerState {
        let dump = (try? JSONSerialization.jsonObject(with: Data(sim.state.dumpJSON()))) as? [String: Any] ?? [:]
        return ServerState(
            leads: dump["leads"] as? [[String: Any]] ?? [], notes: dump["notes"] as? [[String: Any]] ?? [],
            activities: dump["activities"] as? [[String: Any]] ?? [],
            appointments: dump["appointments"] as? [[String: Any]] ?? [])
    }

    /// A live server lead owned by `username`, by index among those.
    func serverLead(ownedBy username: String, _ index: Int = 0) throws -> [String: Any] {
        let owned = serverState().liveLeads.filter { text($0["owner"]) == username }
        guard index < owned.count else { throw XCTSkip("the seed gave \(username) too few leads") }
        return owned[index]
    }

    func localId(slug: String) throws -> Int64 {
        try XCTUnwrap(try store.remoteLink(provider: providerKey, kind: .lead, remoteId: slug), "no local lead for \(slug)").localId
    }

    /// Every live server lead has one local twin with the same fields, notes and appointments, and
    /// no other local lead exists. With `activities`, every server activity is present locally too.
    func assertLocalEqualsServer(activities: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws {
        let server = serverState()
        var localIds = Set<Int64>()
        for lead in server.liveLeads {
            let slug = text(lead["slug"]) ?? ""
            guard let link = try store.remoteLink(provider: providerKey, kind: .lead, remoteId: slug) else {
                XCTFail("server lead \(slug) has no local twin", file: file, line: line)
                continue
            }
            localIds.insert(link.localId)
            guard let detail = try store.leadDetail(id: link.localId) else {
                XCTFail("local lead \(link.localId) missing", file: file, line: line)
                continue
            }
            XCTAssertFalse(detail.isDeleted, "\(slug) deleted locally", file: file, line: line)
            let local = detail.lead
            for (wire, key) in [("first_name", "first_name"), ("last_name", "last_name"), ("email", "email"),
                                ("phone", "phone"), ("status", "status"), ("source", "source"), ("assignee", "owner"),
                                ("location", "location"), ("message", "message")] {
                XCTAssertEqual(local.value(of: LeadField(rawValue: wire)!), text(lead[key]) ?? "",
                               "\(slug).\(wire)", file: file, line: line)
            }
            let leadId = text(lead["id"])
            let serverNotes = server.notes.filter { text($0["lead_id"]) == leadId }
            let localNoteLinks = try detail.notes.map { note -> String in
                try store.remoteLink(provider: providerKey, kind: .note, localId: note.id)?.remoteId ?? "unlinked:\(note.text)"
            }
            XCTAssertEqual(Set(localNoteLinks), Set(serverNotes.compactMap { text($0["id"]) }), "\(slug) notes", file: file, line: line)
            XCTAssertEqual(detail.notes.map(\.text).sorted(), serverNotes.compactMap { text($0["note"]) }.sorted(),
                           "\(slug) note texts", file: file, line: line)
            let serverAppointments = server.appointments.filter { text($0["lead_id"]) == leadId }
            var localAppointments: [String: Appointment] = [:]
            for appointment in detail.appointments {
                let id = try store.remoteLink(provider: providerKey, kind: .appointment, localId: appointment.id)?.remoteId
                localAppointments[id ?? "unlinked:\(appointment.id)"] = appointment
            }
            XCTAssertEqual(Set(localAppointments.keys), Set(serverAppointments.compactMap { text($0["id"]) }),
                           "\(slug) appointments", file: file, line: line)
            for remote in serverAppointments {
                guard let id = text(remote["id"]), let mine = localAppointments[id] else { continue }
                XCTAssertEqual(WireDate.formatAppointment(mine.start), text(remote["appointment_date"]), file: file, line: line)
                XCTAssertEqual(WireDate.formatAppointment(mine.end), text(remote["appointment_to"]), file: file, line: line)
                XCTAssertEqual(mine.note, text(remote["appointment_note"]), file: file, line: line)
                XCTAssertEqual(mine.status.rawValue, text(remote["appointment_status"]), file: file, line: line)
            }
            if activities {
                let localTexts = Set(detail.activities.map(\.text))
                for activity in server.activities where text(activity["lead_id"]) == leadId {
                    XCTAssertTrue(localTexts.contains(text(activity["activity"]) ?? ""),
                                  "\(slug) activity \(activity)", file: file, line: line)
                }
            }
        }
        let localLive = Set(store.allLeads().map(\.id))
        XCTAssertEqual(localLive, localIds, "local leads without a live server twin", file: file, line: line)
    }
}

/// Text of a JSON value (strings and numbers).
func text(_ value: Any?) -> String? {
    switch value {
    case let string as String: return string
    case let number as NSNumber: return number.stringValue
    default: return nil
    }
}
