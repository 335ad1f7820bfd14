import Core
import Foundation
import XCTest
@testable import Store

final class CountsAndReadsTests: StoreTestCase {
    /// Counts straight from the leads table, the reference for the maintained cube.
    private func groupBy(_ column: String, where condition: String = "1") throws -> [String: Int] {
        var result: [String: Int] = [:]
        try store.db.prepare("SELECT coalesce(\(column), -1), count(*) FROM leads WHERE deleted = 0 AND \(condition) GROUP BY 1")
            .forEachRow { result[$0.text(0)] = $0.int(1) }
        return result
    }

    func testCountsByStatusFollowEveryKindOfEdit() throws {
        let ids = try (0..<30).map { i in
            try store.createLead(makeLead("L\(i)", "X", status: LeadStatus.allCases[i % 6], owner: i % 2 == 0 ? "ana" : "bo")).id
        }
        try store.setStatus(.customer, forLeads: Array(ids[0..<5]))
        try store.deleteLeads(Array(ids[5..<8]))
        try store.discardOutboxEntry(try XCTUnwrap(store.outboxEntries(forLead: ids[6]).last).id)  // un-delete one
        try store.applyRemoteLead(provider: "crm", RemoteLead(remoteId: "r", fields: ["first_name": "R", "status": "closed"]))
        let counts = try store.countsByStatus()
        let reference = try groupBy("status")
        for status in LeadStatus.allCases {
            XCTAssertEqual(counts[status], reference[String(LeadColumns.code(of: status))] ?? 0, "\(status)")
        }
        XCTAssertEqual(try store.countLeads(), 29, "30 made, 3 deleted, 1 restored, 1 pulled")
        let anaCustomers = try store.countsByStatus(filter: LeadFilter(owners: ["ana"]))[.customer]
        XCTAssertEqual(anaCustomers, try groupBy("status", where: "owner = 'ana'")["5"] ?? 0)
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(statuses: [.customer], owners: ["ana"])), anaCustomers)
    }

    func testCountsBySourceAndOwner() throws {
        try store.createLead(makeLead("A", "X", source: .reddit, owner: "ana"))
        try store.createLead(makeLead("B", "X", source: .reddit, owner: "bo"))
        try store.createLead(makeLead("C", "X", source: nil, owner: "bo"))
        XCTAssertEqual(try store.countsBySource(), [.reddit: 2, nil: 1])
        XCTAssertEqual(try store.countsByOwner(), ["ana": 1, "bo": 2])
        XCTAssertEqual(try store.countsByOwner(filter: LeadFilter(sources: [.reddit])), ["ana": 1, "bo": 1])
        XCTAssertEqual(try store.countsBySource(filter: LeadFilter(hasPending: true)), [.reddit: 2, nil: 1])
    }

    func testAppointmentsInDateRange() throws {
        let lead = try store.createLead(makeLead("Ann", "Lee")).id
        let base: TimeInterval = 1_899_999_960
        for hours in [0, 5, 30, 200] {
            let start = Date(timeIntervalSince1970: base + TimeInterval(hours * 3600))
            try store.createAppointment(Appointment(leadId: lead, start: start, end: start.addingTimeInterval(1800)))
        }
        let day = try store.appointments(from: Date(timeIntervalSince1970: base), to: Date(timeIntervalSince1970: base + 86_400))
        XCTAssertEqual(day.count, 2)
        XCTAssertEqual(day.first?.leadName, "Ann Lee")
        XCTAssertLessThan(try XCTUnwrap(day.first).appointment.start, try XCTUnwrap(day.last).appointment.start)
        try store.deleteLead(id: lead)
        XCTAssertEqual(try store.appointments(from: Date(timeIntervalSince1970: base), to: Date(timeIntervalSince1970: base + 86_400)), [])
    }

    func testLeadDetailAndListRowShowLastActivity() throws {
        let id = try store.createLead(makeLead("Ann", "Lee")).id
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        try store.addNote(toLead: id, text: "note", author: "ana", at: at)
        try store.addActivity(toLead: id, type: "call", text: "Called", at: at.addingTimeInterval(60))
        try store.addMessage(Message(leadId: id, channel: "email", direction: .outbound, body: "Hi", createdAt: at))
        let detail = try XCTUnwrap(store.leadDetail(id: id))
        XCTAssertEqual(detail.notes.map(\.text), ["note"])
        XCTAssertEqual(detail.activities.map(\.type), ["call"])
        XCTAssertEqual(detail.messages.map(\.body), ["Hi"])
        XCTAssertEqual(detail.outbox.map(\.kind), [.lead, .note])
        XCTAssertEqual(detail.syncMark, .pending)
        XCTAssertEqual(try store.leads().first?.lastActivityAt, at.addingTimeInterval(60))
        XCTAssertNil(try store.leadDetail(id: 999))
    }

    func testExportStreamsEveryLiveLeadInIdOrder() throws {
        let ids = try (0..<25).map { try store.createLead(makeLead("L\($0)", "X")).id }
        try store.deleteLead(id: ids[3])
        let exported = store.allLeads(batchSize: 4).map(\.id)
        XCTAssertEqual(exported, ids.filter { $0 != ids[3] })
    }

    func testSavedViewsRoundTrip() throws {
        let view = SavedView(name: "My customers", filter: LeadFilter(statuses: [.customer], owners: ["ana"], search: "zo"),
                             sort: LeadSort(.updated, ascending: false))
        try store.saveView(view)
        XCTAssertEqual(try store.savedViews(), [view])
        try store.deleteView(named: "My customers")
        XCTAssertEqual(try store.savedViews(), [])
    }

    func testDiagnosticsReportIntegrityCountsAndOutbox() throws {
        try store.createLead(makeLead("Ann", "Lee"))
        let report = try store.diagnostics()
        XCTAssertTrue(report.isHealthy)
        XCTAssertEqual(report.schemaVersion, LeadStore.currentSchemaVersion)
        XCTAssertEqual(report.tableCounts["leads"], 1)
        XCTAssertEqual(report.outboxCounts[.pending], 1)
        XCTAssertGreaterThan(report.sizeBytes, 0)
        let quick = try store.quickDiagnostics()
        XCTAssertTrue(quick.isHealthy)
        XCTAssertEqual(quick.tableCounts, report.tableCounts)
    }

    func testTwoConnectionsOnOneFileSeeEachOthersCommits() throws {
        let other = try LeadStore(path: path)
        let id = try store.createLead(makeLead("Ann", "Lee")).id
        XCTAssertEqual(try other.lead(id: id)?.firstName, "Ann")
        try other.updateLead(id: id, changes: [.lastName: "Leigh"])
        XCTAssertEqual(try store.lead(id: id)?.lastName, "Leigh")
        XCTAssertEqual(try store.outboxEntries().count, 1)
    }
}

final class ConnectionTests: StoreTestCase {
    func testOtherConnectionsCommitsMoveTheExternalDataVersion() throws {
        let other = try LeadStore(path: path)
        let before = try store.externalDataVersion()
        try store.createLead(makeLead("Own", "Write"))
        XCTAssertEqual(try store.externalDataVersion(), before, "own writes do not count")
        try other.createLead(makeLead("Sync", "Worker"))
        XCTAssertNotEqual(try store.externalDataVersion(), before)
    }

    func testTwoConnectionsWritingAtOnceLoseNothing() throws {
        let other = try LeadStore(path: path)
        let errors = ErrorBox()
        let group = DispatchGroup()
        for (n, connection) in [store!, other].enumerated() {
            DispatchQueue.global().async(group: group) {
                do {
                    for i in 0..<150 {
                        let lead = Lead(firstName: "C\(n)", lastName: "L\(i)", email: "c\(n).\(i)@example.com",
                                        phone: "+4915112345678", owner: "ana")
                        let id = try connection.createLead(lead).id
                        try connection.addNote(toLead: id, text: "note \(i)", author: "ana")
                    }
                } catch {
                    errors.add(error)
                }
            }
        }
        group.wait()
        XCTAssertEqual(errors.count, 0)
        XCTAssertEqual(try store.countLeads(), 300)
        XCTAssertEqual(try store.outboxEntries(limit: 1000).count, 600)
        XCTAssertTrue(try store.diagnostics().isHealthy)
    }
}

/// Collects errors from several threads.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func add(_ error: Error) { lock.lock(); errors.append(error); lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return errors.count }
}
