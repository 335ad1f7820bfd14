import Core
import Foundation
import Simulator
import Store
import Sync
import XCTest

/// Pushes to the destinations (ClosingDealz, chatbot, CleverApp) against the simulator over
/// loopback, with its faults: batches, pacing, refusals, and never twice / never silently lost.
final class DestinationPushTests: DestinationTestCase {
    /// One cycle of the coordinator's first remote.
    func firstReport(_ sync: SyncCoordinator) async throws -> SyncWorker.Report {
        let reports = await sync.runOnce()
        return try XCTUnwrap(reports.first?.1)
    }

    override func configuration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(leadCount: 10, seed: 11, userCount: 3)
        if name.contains("FreePlan") { configuration.closingDealzPlan = .free }
        return configuration
    }

    func testClosingDealzGetsEveryLeadOnceInBatchesOfAtMostOneHundred() async throws {
        let ids = try localLeads(250)
        XCTAssertEqual(try store.queuePush(leadIds: ids, remote: "cd").count, 250)
        XCTAssertEqual(try store.queuePush(leadIds: ids, remote: "cd"), [], "a queued lead is not queued twice")
        let sync = try coordinator([(.closingdealz, "cd", nil)], crm: false)
        let report = try await firstReport(sync)
        XCTAssertNil(report.error)
        XCTAssertEqual(report.counters.pushed, 250)
        XCTAssertEqual(report.counters.requests, 3, "250 leads in batches of ≤ 100")
        let emails = try await vendorLeads(.closingdealz).compactMap { $0["email"] as? String }
        XCTAssertEqual(emails.count, 250)
        XCTAssertEqual(Set(emails).count, 250)
        let link = try XCTUnwrap(store.remoteLink(provider: "cd", kind: .lead, localId: ids[0]))
        XCTAssertEqual(link.remoteId, "sent:\(ids[0])", "ClosingDealz returns no id: recorded as sent")
        XCTAssertEqual(try store.queuePush(leadIds: ids, remote: "cd"), [], "a lead already there is not queued again")
    }

    func testClosingDealzLostAnswerIsOutcomeUnknownAndNeverResentOnItsOwn() async throws {
        let ids = try localLeads(7)
        try store.queuePush(leadIds: ids, remote: "cd")
        try await setVendorFaults(.closingdealz, ["drop_rate": "1"])
        let sync = try coordinator([(.closingdealz, "cd", nil)], crm: false)
        let first = try await firstReport(sync)
        XCTAssertNotNil(first.error)
        XCTAssertEqual(first.unknownChanges, 7)
        let unknown = try store.unknownOutboxEntries(remote: "cd")
        XCTAssertEqual(Set(unknown.map(\.leadId)), Set(ids))
        do {
            let value = try await vendorLeads(.closingdealz).count
            XCTAssertEqual(value, 7, "the server took them; only the answer was lost")
        }

        try await setVendorFaults(.closingdealz, ["reset": "1"])
        let second = try await firstReport(sync)
        XCTAssertNil(second.error)
        XCTAssertEqual(second.counters.requests, 0, "an unknown outcome is not resent by the worker")
        do {
            let value = try await vendorLeads(.closingdealz).count
            XCTAssertEqual(value, 7)
        }

        // The user marks one sent and resends another (which then arrives a second time: their choice).
        try store.markOutboxSent(unknown[0].id, remoteId: "sent:\(unknown[0].recordId)")
        try store.resendOutboxEntry(unknown[1].id)
        _ = await sync.runOnce()
        XCTAssertEqual(try store.unknownOutboxEntries(remote: "cd").count, 5)
        XCTAssertNotNil(try store.remoteLink(provider: "cd", kind: .lead, localId: unknown[0].recordId))
        do {
            let value = try await vendorLeads(.closingdealz).count
            XCTAssertEqual(value, 8)
        }
    }

    func testClosingDealzFreePlanRefusalStopsThatRemoteWithTheVendorsMessage() async throws {
        let ids = try localLeads(8)
        try store.queuePush(leadIds: ids, remote: "cd")
        let sync = try coordinator([(.closingdealz, "cd", nil)], crm: false)
        let report = try await firstReport(sync)
        XCTAssertEqual(report.error, .remoteRefused("Can not have more than 5 leads on the free plan."))
        XCTAssertEqual(report.counters.requests, 1, "one refusal, no retry storm")
        XCTAssertEqual(report.state, .refused("Can not have more than 5 leads on the free plan."))
        XCTAssertEqual(try store.outboxCounts(remote: "cd")[.pending], 8, "nothing lost: the leads stay queued")
        let again = try await firstReport(sync)
        XCTAssertEqual(again.counters.requests, 0, "a stopped remote sends nothing until resumed")
        XCTAssertEqual(RemoteStatusFormat.compact(name: "cd", status: sync.workers[0].status), "cd ✖ 8")
    }

    func testChatbotResendAfterLostAnswersLinksTheExistingLeadInsteadOfADuplicate() async throws {
        let ids = try localLeads(3, prefix: "bot")
        try store.queuePush(leadIds: ids, remote: "bot")
        try await setVendorFaults(.chatbot, ["drop_rate": "1"])
        let sync = try coordinator([(.chatbot, "bot", nil)], crm: false)
        let first = try await firstReport(sync)
        XCTAssertNotNil(first.error)
        XCTAssertEqual(first.unknownChanges, 0, "chatbot creates are safe to resend: never 'unknown'")
        do {
            let value = try await vendorLeads(.chatbot).count
            XCTAssertGreaterThan(value, 0)
        }

        try await setVendorFaults(.chatbot, ["reset": "1"])
        let second = try await firstReport(sync)
        XCTAssertNil(second.error)
        let leads = try await vendorLeads(.chatbot)
        XCTAssertEqual(leads.count, 3, "each lead once")
        for id in ids {
            let link = try XCTUnwrap(store.remoteLink(provider: "bot", kind: .lead, localId: id))
            let email = try XCTUnwrap(store.lead(id: id)).email
            XCTAssertEqual(leads.first { ($0["email"] as? String) == email }?["id"] as? String, link.remoteId)
        }
        let metadata = try XCTUnwrap(leads.first?["metadata"] as? [String: Any])
        XCTAssertTrue((metadata["company"] as? String ?? "").hasPrefix("Acme"))
    }

    func testChatbotValidationErrorRejectsOnlyThatLeadWithTheVendorsMessage() async throws {
        var ids = try localLeads(2, prefix: "valid")
        let bad = try store.createLead(Lead(firstName: "No", lastName: "Mail", email: "not-an-email", phone: "+15550000001",
                                            owner: ana.username))
        for entry in try store.outboxEntries(forLead: bad.id) { try store.markOutboxDone(entry.id) }
        ids.append(bad.id)
        try store.queuePush(leadIds: ids, remote: "bot")
        let sync = try coordinator([(.chatbot, "bot", nil)], crm: false)
        let report = try await firstReport(sync)
        XCTAssertNil(report.error)
        XCTAssertEqual(report.counters.pushed, 2)
        XCTAssertEqual(report.counters.rejected, 1)
        let rejected = try XCTUnwrap(store.outboxEntries(forLead: bad.id).first)
        XCTAssertEqual(rejected.state, .rejected)
        XCTAssertFalse(rejected.serverMessages["email"]?.isEmpty ?? true, "\(rejected.serverMessages)")
    }

    func testCleverAppCreatesUpdatesAndSendsAFollowUp() async throws {
        let provider = try vendorProvider(.cleverapp, name: "clever")
        let pusher = try XCTUnwrap(provider as? any LeadPushProvider)
        XCTAssertTrue(provider.capabilities.can([.pushLeads, .editLeads, .followUpEmail]))
        XCTAssertEqual(provider.capabilities.createRecovery, .none)
        let lead = PushedLead(localId: 1, fields: ["first_name": "Jane", "last_name": "Roe", "email": "jane.roe@example.com",
                                                   "source": "website"])
        guard case .created(let id?) = try await pusher.push([lead]).first else { return XCTFail("no id") }
        let updater = try XCTUnwrap(provider as? any LeadUpdatingProvider)
        try await updater.updateLead(remoteId: id, fields: ["first_name": "Jane", "last_name": "Smith", "email": "jane@example.com",
                                                            "phone": "+1234567890", "status": "contact"])
        let follow = try XCTUnwrap(provider as? any FollowUpProvider)
        let message = try await follow.sendFollowUp(remoteId: id, subject: "Hello", body: "Thanks for your interest.")
        XCTAssertEqual(message, "Follow-up email sent successfully to lead with ID: \(id)")
        let state = try await vendorState(.cleverapp)
        let stored = try XCTUnwrap((state["leads"] as? [[String: Any]])?.first)
        XCTAssertEqual(stored["name"] as? String, "Jane Smith")
        XCTAssertEqual(stored["status"] as? String, "contact")
        XCTAssertEqual((state["follow_ups"] as? [[String: Any]])?.count, 1)

        do {
            try await updater.updateLead(remoteId: "does-not-exist", fields: ["first_name": "X"])
            XCTFail("a missing lead was updated")
        } catch SyncError.rejected(let errors) {
            XCTAssertEqual(errors["request"], ["Not Found: The requested resource could not be found."])
        }
        let wrong = try vendorProvider(.cleverapp, name: "clever", key: "ca_live.wrong")
        do {
            _ = try await (wrong as? any LeadPushProvider)?.push([lead])
            XCTFail("a wrong key was accepted")
        } catch SyncError.credentialsRejected(let message) {
            XCTAssertTrue(message.hasPrefix("Unauthorized"), message)
        }
    }

    func testCleverAppLostCreateAnswerIsOutcomeUnknown() async throws {
        let ids = try localLeads(2, prefix: "clever")
        try store.queuePush(leadIds: ids, remote: "clever")
        try await setVendorFaults(.cleverapp, ["malformed_rate": "1"])
        let sync = try coordinator([(.cleverapp, "clever", nil)], crm: false)
        let report = try await firstReport(sync)
        XCTAssertNotNil(report.error)
        XCTAssertEqual(try store.unknownOutboxEntries(remote: "clever").count, 1, "the first lost answer stops the run")
        try await setVendorFaults(.cleverapp, ["reset": "1"])
        _ = await sync.runOnce()
        do {
            let value = try await vendorLeads(.cleverapp).count
            XCTAssertEqual(value, 2, "the unknown one was not resent; the other went once")
        }
        XCTAssertEqual(try store.unknownOutboxEntries(remote: "clever").count, 1)
    }

    func testNewLocalLeadGoesToTheCRMAndEveryNewLeadsDestinationAndEditsOnlyWhereEditable() async throws {
        let sync = try coordinator([(.closingdealz, "cd", .newLeads), (.chatbot, "bot", .newLeads)])
        _ = await sync.runOnce()
        let created = try store.createLead(Lead(firstName: "Routed", lastName: "Lead", email: "routed.lead@example.com",
                                                phone: "+15551234567", owner: ana.username))
        var reports = await sync.runOnce()
        for (name, report) in reports { XCTAssertNil(report.error, name) }
        XCTAssertNotNil(try store.remoteLink(provider: providerKey, kind: .lead, localId: created.id), "on seed 001")
        do {
            let value = try await vendorLeads(.closingdealz).filter { ($0["email"] as? String) == created.email }.count
            XCTAssertEqual(value, 1)
        }
        do {
            let value = try await vendorLeads(.chatbot).filter { ($0["email"] as? String) == created.email }.count
            XCTAssertEqual(value, 1)
        }

        _ = try store.updateLead(id: created.id, changes: [.location: "Lisbon"])
        reports = await sync.runOnce()
        let pushed = Dictionary(uniqueKeysWithValues: reports.map { ($0.0, $0.1.counters.pushed) })
        XCTAssertEqual(pushed, [providerKey: 1, "cd": 0, "bot": 0], "only the CRM edits leads")
        XCTAssertEqual(try store.outboxEntries(forLead: created.id), [])
        XCTAssertEqual(serverState().liveLeads.first { text($0["email"]) == created.email }.flatMap { text($0["location"]) }, "Lisbon")
        do {
            let value = try await vendorLeads(.closingdealz).count
            XCTAssertEqual(value, 1)
        }
        XCTAssertTrue(sync.compactStatus.hasPrefix("crm ● cd ● bot ●"), sync.compactStatus)
    }
}
