import Core
import Foundation
import Store
import Sync
import XCTest

/// Routing by capability: new leads to every remote that forwards them (create on a CRM, push
/// on a destination), edits to the remotes that hold the lead and can edit, nothing lost.
final class OutboxRouterTests: XCTestCase {
    var store: LeadStore!

    override func setUpWithError() throws { store = try LeadStore(path: ":memory:") }

    let crm = OutboxRouter.Target(remote: "crm", capabilities: ProviderCapabilities(
        features: [.pullLeads, .createLeads, .editLeads, .deleteLeads, .notes, .appointments], createRecovery: .lookUp),
        forwardsNewLeads: true)
    let cd = OutboxRouter.Target(remote: "cd", capabilities: ProviderCapabilities(
        features: [.pushLeads, .bulkCreate], bulkCreateLimit: 100, createRecovery: .none), forwardsNewLeads: true)
    let clever = OutboxRouter.Target(remote: "clever", capabilities: ProviderCapabilities(
        features: [.pushLeads, .editLeads, .followUpEmail], createRecovery: .none), forwardsNewLeads: false)

    func lead(_ n: Int) throws -> Lead {
        try store.createLead(Lead(firstName: "R\(n)", lastName: "Lead", email: "r\(n)@example.com", phone: "+1555000000\(n)", owner: "ana"))
    }

    func testANewLeadBecomesACreateOnTheCRMAndAPushOnTheDestination() throws {
        let created = try lead(1)
        try OutboxRouter(targets: [crm, cd, clever]).route(store)
        let entries = try store.outboxEntries(forLead: created.id)
        XCTAssertEqual(entries.map { "\($0.remote ?? "-"):\($0.op.rawValue)" }, ["crm:create", "cd:push"])
    }

    func testAnEditGoesToEveryRemoteThatHoldsTheLeadAndCanEditIt() throws {
        let created = try lead(2)
        try OutboxRouter(targets: [crm, cd, clever]).route(store)
        for entry in try store.outboxEntries(forLead: created.id) { try store.markOutboxDone(entry.id) }
        try store.linkRemote(provider: "crm", kind: .lead, localId: created.id, remoteId: "slug-2")
        try store.linkRemote(provider: "cd", kind: .lead, localId: created.id, remoteId: "sent:\(created.id)")
        try store.linkRemote(provider: "clever", kind: .lead, localId: created.id, remoteId: "123")
        _ = try store.updateLead(id: created.id, changes: [.phone: "+15559999999"])
        _ = try store.addNote(toLead: created.id, text: "called", author: "ana")
        try OutboxRouter(targets: [crm, cd, clever]).route(store)
        let entries = try store.outboxEntries(forLead: created.id)
        XCTAssertEqual(entries.map { "\($0.kind.rawValue):\($0.remote ?? "-"):\($0.op.rawValue)" },
                       ["lead:crm:update", "note:crm:create", "lead:clever:update"])
    }

    func testAChangeNoConfiguredRemoteCanTakeStaysQueuedUnrouted() throws {
        let created = try lead(3)
        try OutboxRouter(targets: [cd]).route(store)
        for entry in try store.outboxEntries(forLead: created.id) { try store.markOutboxDone(entry.id) }
        _ = try store.addNote(toLead: created.id, text: "kept", author: "ana")
        XCTAssertEqual(try OutboxRouter(targets: [cd]).route(store), 0)
        let entries = try store.outboxEntries(forLead: created.id)
        XCTAssertEqual(entries.count, 1)
        XCTAssertNil(entries[0].remote, "not lost: waits for a remote that keeps notes")
    }

    func testQueuingAPushTwiceQueuesOnce() throws {
        let a = try lead(4), b = try lead(5)
        XCTAssertEqual(try store.queuePush(leadIds: [a.id, b.id], remote: "cd"), [a.id, b.id])
        XCTAssertEqual(try store.queuePush(leadIds: [a.id, b.id], remote: "cd"), [])
        XCTAssertEqual(try store.nextOutboxBatch(remote: "cd", op: .push).count, 2)
    }
}
