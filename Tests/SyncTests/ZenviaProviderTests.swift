import Core
import Foundation
import Simulator
import Store
import Sync
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The Zenvia provider against the simulator over loopback: leads in (idempotent), contact search,
/// the conversation, template / text / file sends and the 24 h window, transfer, archive, the
/// rate-limit headers and faults.
final class ZenviaProviderTests: DestinationTestCase {
    override func configuration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(leadCount: 12, seed: 7, userCount: 3)
        if name.contains("RateLimit") { configuration.zenviaRateLimit = .init(requests: 4, windowSeconds: 2) }
        return configuration
    }

    var zenvia: ZenviaProvider { get throws { try XCTUnwrap(try vendorProvider(.zenvia, name: "zenvia") as? ZenviaProvider) } }

    /// Every prospect of the simulator (id, emails, phones).
    func prospects() async throws -> [[String: Any]] {
        try await vendorState(.zenvia)["prospects"] as? [[String: Any]] ?? []
    }

    func testPushingTheSameLeadTwiceGivesTheSameProspect() async throws {
        let provider = try zenvia
        let lead = PushedLead(localId: 9, fields: ["first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com",
                                                   "phone": "+5491145520371", "source": "website", "message": "Wants a demo"])
        guard case .created(let first?) = try await provider.push([lead]).first,
              case .created(let second?) = try await provider.push([lead]).first else { return XCTFail("no prospect id") }
        XCTAssertEqual(first, second, "POST /lead returns the matching prospect: a resend is harmless")
        XCTAssertEqual(first.count, 24)
        let matching = try await prospects().filter { ($0["emails"] as? [String])?.contains("ada@example.com") == true }
        XCTAssertEqual(matching.count, 1)
        let found = try await provider.findContact(email: "ada@example.com", phone: nil)
        XCTAssertEqual(found, first)
        let none = try await provider.findContact(email: "nobody@example.com", phone: nil)
        XCTAssertNil(none)
    }

    func testTheConversationReadsOldestFirstAndTextNeedsTheWindowWhileTemplatesDoNot() async throws {
        let provider = try zenvia
        let all = try await prospects()
        let prospect = try XCTUnwrap(all.first)
        let id = try XCTUnwrap(prospect["id"] as? String)
        let before = try await provider.conversation(remoteId: id)
        XCTAssertFalse(before.isEmpty, "seeded conversation")
        XCTAssertEqual(before.map(\.createdAt), before.map(\.createdAt).sorted())

        let channels = try await provider.channels(remoteId: nil)
        let whatsapp = try XCTUnwrap(channels.first { $0.channel == "whatsapp" })
        let template = try XCTUnwrap(whatsapp.templates.first)
        try await provider.sendTemplate(remoteId: id, channel: "whatsapp", key: template.key, parameters: ["prospect.firstName": "Jo"])

        // Close or open the window deterministically: a prospect writes in now, then we may send text.
        XCTAssertNotNil(sim.vendors.zenviaInbound(prospect: id, content: "Hola, ¿siguen disponibles?"))
        try await provider.sendText(remoteId: id, channel: "whatsapp", text: "Sí, ¡claro!")
        try await provider.sendFile(remoteId: id, channel: "whatsapp", fileName: "offer.pdf", contentType: "application/pdf",
                                    data: Data("%PDF-1.4 offer".utf8))
        let after = try await provider.conversation(remoteId: id)
        XCTAssertEqual(after.count, before.count + 4)
        XCTAssertTrue(after.contains { $0.inbound && $0.body == "Hola, ¿siguen disponibles?" })
        XCTAssertTrue(after.contains { !$0.inbound && $0.body == "Sí, ¡claro!" })
        XCTAssertTrue(after.contains { $0.template == template.key })
    }

    func testTextOutsideTheWindowIsRejectedWithTheVendorsMessage() async throws {
        let provider = try zenvia
        for prospect in try await prospects() {
            let id = prospect["id"] as? String ?? ""
            let lastInbound = try await provider.conversation(remoteId: id).last { $0.inbound }
            guard let lastInbound, Date().timeIntervalSince(lastInbound.createdAt) > 25 * 3600 else { continue }
            do {
                try await provider.sendText(remoteId: id, channel: "whatsapp", text: "hello?")
                XCTFail("a text outside the 24 h window was accepted")
            } catch SyncError.rejected(let errors) {
                XCTAssertTrue(errors["window"].first?.contains("24-hour") ?? false, "\(errors)")
            }
            return
        }
        throw XCTSkip("no prospect with a closed window")
    }

    func testTransferAndArchive() async throws {
        let provider = try zenvia
        let all = try await prospects()
        let id = try XCTUnwrap(all.first?["id"] as? String)
        let targets = try await provider.transferTargets()
        let group = try XCTUnwrap(targets.first { $0.kind == .group })
        let agent = try XCTUnwrap(targets.first { $0.kind == .agent })
        XCTAssertFalse(agent.name.isEmpty)
        try await provider.transfer(remoteId: id, group: group.id, agent: agent.id)
        try await provider.archive(remoteId: id, reason: "Bought elsewhere")
        let after = try await prospects()
        let stored = try XCTUnwrap(after.first { $0["id"] as? String == id })
        XCTAssertEqual(stored["archivingReason"] as? String, "Bought elsewhere")
        do {
            try await provider.archive(remoteId: "not-a-prospect-id", reason: "x")
            XCTFail("a bad id reached the wire")
        } catch SyncError.rejected {}
    }

    func testRateLimitHeadersHoldRequestsBackInsteadOfHittingA429() async throws {
        let provider = try zenvia
        let all = try await prospects()
        let id = try XCTUnwrap(all.first?["id"] as? String)
        for _ in 0..<9 { _ = try await provider.conversation(remoteId: id) }
        XCTAssertEqual(provider.metrics.snapshot.requests, 9)
        XCTAssertEqual(provider.metrics.snapshot.rateLimited, 0, "Remaining 0 closes the gate until the reset")
        let probe = try await provider.probe()
        XCTAssertNotNil(probe.headroom)
    }

    func testReadsSurviveServerErrorsAndAWrongKeyIsCredentialsRejected() async throws {
        let provider = try zenvia
        let all = try await prospects()
        let id = try XCTUnwrap(all.first?["id"] as? String)
        try await setVendorFaults(.zenvia, ["error_rate": "0.5"])
        for _ in 0..<6 { _ = try await provider.conversation(remoteId: id) }
        XCTAssertGreaterThan(provider.metrics.snapshot.retries, 0)
        try await setVendorFaults(.zenvia, ["reset": "1"])
        let wrong = try XCTUnwrap(try vendorProvider(.zenvia, name: "zenvia", key: "wrong") as? ZenviaProvider)
        do {
            _ = try await wrong.conversation(remoteId: id)
            XCTFail("a wrong key was accepted")
        } catch SyncError.credentialsRejected {}
    }

    func testANewLocalLeadIsForwardedToZenviaAndLinkedToItsProspect() async throws {
        let sync = try coordinator([(.zenvia, "zenvia", .newLeads)], crm: false)
        let created = try store.createLead(Lead(firstName: "Linked", lastName: "Prospect", email: "linked.prospect@example.com",
                                                phone: "+15557654321", owner: ana.username))
        let reports = await sync.runOnce()
        let report = try XCTUnwrap(reports.first?.1)
        XCTAssertNil(report.error)
        let link = try XCTUnwrap(store.remoteLink(provider: "zenvia", kind: .lead, localId: created.id))
        let id = try await (try zenvia).findContact(email: created.email, phone: nil)
        XCTAssertEqual(link.remoteId, id)
    }
}
