import Core
import Foundation
import Simulator
import Store
import Sync
import XCTest

/// The conversation pane's sync against the simulator over loopback: linking by e-mail and
/// phone, `:zenvia-create`, incremental pulls, the 24 h window both ways, templates with
/// parameters, files, follow-up e-mails (CleverApp lead created first), transfer, archive,
/// a lost answer (the interaction exists once), and the rate limit's reset.
final class ConversationSyncTests: DestinationTestCase {
    override func configuration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(leadCount: 40, seed: 7, userCount: 3)
        configuration.zenviaProspects = 12
        if name.contains("RateLimit") { configuration.zenviaRateLimit = .init(requests: 3, windowSeconds: 1) }
        return configuration
    }

    private func conversationSync() throws -> ConversationSync {
        ConversationSync(store: store,
                         messaging: try XCTUnwrap(try vendorProvider(.zenvia, name: "zenvia") as? ZenviaProvider),
                         followUps: try XCTUnwrap(try vendorProvider(.cleverapp, name: "cleverapp") as? CleverAppProvider))
    }

    private func prospects() async throws -> [[String: Any]] {
        try await vendorState(.zenvia)["prospects"] as? [[String: Any]] ?? []
    }

    /// A local lead with the e-mail (or only the phone) of the simulator's prospect `index`.
    private func localLead(forProspect index: Int, byPhone: Bool = false) async throws -> (lead: Int64, prospect: String) {
        let prospect = try await prospects()[index]
        let email = (prospect["emails"] as? [String])?.first ?? ""
        let phone = (prospect["phones"] as? [String])?.first ?? ""
        let id = try store.createLead(Lead(firstName: "Local", lastName: "Lead\(index)", email: byPhone ? "other\(index)@nowhere.test" : email,
                                           phone: byPhone ? phone : "+15550000\(100 + index)", owner: ana.username)).id
        return (id, try XCTUnwrap(prospect["id"] as? String))
    }

    /// The simulator's interactions of a prospect.
    private func interactions(_ prospect: String) async throws -> [[String: Any]] {
        let state = try await vendorState(.zenvia)
        let all = state["interactions"] as? [[String: Any]] ?? []
        return all.filter { ($0["prospectId"] as? String) == prospect }
    }

    func testLinksByEmailThenByPhoneAndCreatesAProspectWhenNone() async throws {
        let sync = try conversationSync()
        let byEmail = try await localLead(forProspect: 0)
        let byPhone = try await localLead(forProspect: 1, byPhone: true)
        let found = try await sync.prospectId(forLead: byEmail.lead)
        XCTAssertEqual(found, byEmail.prospect)
        let foundByPhone = try await sync.prospectId(forLead: byPhone.lead)
        XCTAssertEqual(foundByPhone, byPhone.prospect)
        XCTAssertEqual(try store.remoteLink(provider: "zenvia", kind: .lead, localId: byEmail.lead)?.remoteId, byEmail.prospect)
        await sync.runCycle()
        XCTAssertEqual(try store.conversationLinks(leadId: byEmail.lead).map(\.remoteId), [byEmail.prospect], "shown in the detail")

        let stranger = try store.createLead(Lead(firstName: "New", lastName: "Person", email: "new.person@example.com",
                                                 phone: "+34600111222", source: .facebook, owner: ana.username)).id
        let none = try await sync.prospectId(forLead: stranger)
        XCTAssertNil(none)
        let created = try await sync.createProspect(forLead: stranger)
        let again = try await sync.createProspect(forLead: stranger)
        XCTAssertEqual(created, again)
        let made = try await prospects().filter { ($0["emails"] as? [String])?.contains("new.person@example.com") == true }
        XCTAssertEqual(made.count, 1, "one prospect")

        // :zenvia-create through the queue, for a second new lead.
        let other = try store.createLead(Lead(firstName: "Otra", lastName: "Persona", email: "otra.persona@example.com",
                                              phone: "+34600111333", source: .website, owner: ana.username)).id
        try store.queueSend(ConversationEvent(leadId: other, provider: "zenvia", kind: .other, text: "Zenvia prospect requested",
                                              payload: #"{"type":"zenvia-create"}"#, createdAt: Date()))
        let sent = await sync.sendQueued()
        XCTAssertEqual(sent, 1)
        XCTAssertNotNil(try store.remoteLink(provider: "zenvia", kind: .lead, localId: other))
        let utm = try await prospects().first { ($0["emails"] as? [String])?.contains("otra.persona@example.com") == true }
        XCTAssertNotNil(utm)
    }

    func testIncrementalPullStoresEachInteractionOnceAndCountsNewInboundAsUnread() async throws {
        let sync = try conversationSync()
        let (lead, prospect) = try await localLead(forProspect: 2)
        let first = try await sync.pull(leadId: lead)
        XCTAssertGreaterThan(first, 0, "the seeded conversation")
        let again = try await sync.pull(leadId: lead)
        XCTAssertEqual(again, 0, "createdAfter the last seen: nothing new")
        XCTAssertEqual(try store.timeline(leadId: lead, limit: 1000).count, first)
        try store.markConversationRead(leadId: lead)
        XCTAssertNotNil(sim.vendors.zenviaInbound(prospect: prospect, content: "¿Siguen con la oferta?"))
        let third = try await sync.pull(leadId: lead)
        XCTAssertEqual(third, 1)
        XCTAssertEqual(try store.unreadCount(leadId: lead), 1)
        XCTAssertEqual(try store.timeline(leadId: lead).last?.event?.text, "¿Siguen con la oferta?")

        // The background cycle's one-request pull over every linked prospect.
        let all = try await sync.pullAll()
        XCTAssertGreaterThanOrEqual(all, 0)
        _ = sim.vendors.zenviaInbound(prospect: prospect, content: "¿Hola?")
        let next = try await sync.pullAll()
        XCTAssertEqual(next, 1)
        let none = try await sync.pullAll()
        XCTAssertEqual(none, 0, "createdAfter the newest seen")
        XCTAssertEqual(try store.unreadCount(leadId: lead), 2)
    }

    func testReplyInsideTheWindowIsSentOnceAndOutsideItFailsWithTheServersMessage() async throws {
        let sync = try conversationSync()
        let open = try await localLead(forProspect: 3)
        _ = sim.vendors.zenviaInbound(prospect: open.prospect, content: "Hola")
        try await sync.pull(leadId: open.lead)
        let reply = try queueWhatsAppText("¡Hola! ¿Le llamo?", lead: open.lead)
        let sent = await sync.sendQueued()
        XCTAssertEqual(sent, 1)
        XCTAssertEqual(try store.conversationEvent(id: reply.id)?.sendState, .sent)
        let onServer = try await interactions(open.prospect).filter {
            (($0["output"] as? [String: Any])?["message"] as? [String: Any])?["content"] as? String == "¡Hola! ¿Le llamo?"
        }
        XCTAssertEqual(onServer.count, 1)
        try await sync.pull(leadId: open.lead)
        XCTAssertEqual(try store.timeline(leadId: open.lead, limit: 1000).filter { $0.event?.text == "¡Hola! ¿Le llamo?" }.count, 1,
                       "the send and the pulled interaction are one entry")

        // A prospect whose last inbound message is older than 24 h (found among the seeded ones).
        for index in 4..<12 {
            let closed = try await localLead(forProspect: index)
            try await sync.pull(leadId: closed.lead)
            guard let last = try store.lastInboundAt(leadId: closed.lead), Date().timeIntervalSince(last) > 25 * 3600 else { continue }
            let late = try queueWhatsAppText("¿Sigue ahí?", lead: closed.lead)
            let none = await sync.sendQueued()
            XCTAssertEqual(none, 0)
            let failed = try XCTUnwrap(try store.conversationEvent(id: late.id))
            XCTAssertEqual(failed.sendState, .failed)
            XCTAssertTrue(failed.sendMessage.contains("24-hour"), failed.sendMessage)
            return
        }
        throw XCTSkip("no seeded prospect with a closed window")
    }

    func testTemplateWithParametersFileTransferAndArchiveReachZenvia() async throws {
        let sync = try conversationSync()
        let (lead, prospect) = try await localLead(forProspect: 5)
        let zenvia = try XCTUnwrap(try vendorProvider(.zenvia, name: "zenvia") as? ZenviaProvider)
        let channels = try await zenvia.channels(remoteId: nil)
        let template = try XCTUnwrap(channels.first { $0.channel == "whatsapp" }?.templates.first)
        try store.queueSend(ConversationEvent(leadId: lead, provider: "zenvia", via: "whatsApp", text: "(preview)", template: template.key,
                                              payload: "{\"channel\":\"whatsapp\",\"key\":\"\(template.key)\",\"param.prospect.firstName\":\"Jo\",\"type\":\"template\"}",
                                              createdAt: Date()))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("offer-\(UUID().uuidString).pdf")
        try Data("%PDF-1.4 offer".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = sim.vendors.zenviaInbound(prospect: prospect, content: "mándame la oferta")
        try store.queueSend(ConversationEvent(leadId: lead, provider: "zenvia", via: "whatsApp", attachment: file.lastPathComponent,
                                              payload: "{\"channel\":\"whatsapp\",\"path\":\"\(file.path)\",\"type\":\"file\"}", createdAt: Date()))
        let before = try await interactions(prospect).count
        let sent = await sync.sendQueued()
        let problems = try store.unsentSends().map(\.sendMessage)
        XCTAssertEqual(sent, 2, "\(problems)")
        let after = try await interactions(prospect)
        XCTAssertEqual(after.count, before + 2)
        XCTAssertTrue(after.contains { (($0["output"] as? [String: Any])?["message"] as? [String: Any])?["template"] as? String == template.key })

        let targets = try await zenvia.transferTargets()
        let group = try XCTUnwrap(targets.first { $0.kind == .group })
        try store.queueSend(ConversationEvent(leadId: lead, provider: "zenvia", kind: .transfer, text: group.name,
                                              payload: "{\"group\":\"\(group.id)\",\"type\":\"transfer\"}", createdAt: Date()))
        try store.queueSend(ConversationEvent(leadId: lead, provider: "zenvia", kind: .archive, text: "duplicado",
                                              payload: #"{"reason":"duplicado","type":"archive"}"#, createdAt: Date()))
        let moved = await sync.sendQueued()
        let moveProblems = try store.unsentSends().map(\.sendMessage)
        XCTAssertEqual(moved, 2, "\(moveProblems)")
        let stored = try await prospects().first { ($0["id"] as? String) == prospect }
        XCTAssertNotNil(stored)
    }

    func testFollowUpEmailCreatesTheCleverAppLeadFirstAndKeepsTheVendorsMessage() async throws {
        let sync = try conversationSync()
        let lead = try store.createLead(Lead(firstName: "Ana", lastName: "Souza", email: "ana.souza@example.com",
                                             phone: "+5511912345678", source: .website, owner: ana.username)).id
        let mail = try store.queueSend(ConversationEvent(leadId: lead, provider: "cleverapp", kind: .email, via: "email",
                                                         subject: "Su cotización", text: "Hola Ana,\nadjunto.",
                                                         payload: #"{"body":"Hola Ana,\nadjunto.","subject":"Su cotización","type":"follow-up"}"#,
                                                         createdAt: Date()))
        let sent = await sync.sendQueued()
        let problems = try store.unsentSends().map(\.sendMessage)
        XCTAssertEqual(sent, 1, "\(problems)")
        let stored = try XCTUnwrap(try store.conversationEvent(id: mail.id))
        XCTAssertEqual(stored.sendState, .sent)
        XCTAssertTrue(stored.sendMessage.hasPrefix("Follow-up email sent successfully to lead with ID:"), stored.sendMessage)
        let state = try await vendorState(.cleverapp)
        XCTAssertEqual((state["follow_ups"] as? [[String: Any]])?.count, 1)
        XCTAssertEqual((state["leads"] as? [[String: Any]])?.filter { ($0["email"] as? String) == "ana.souza@example.com" }.count, 1)
        XCTAssertNotNil(try store.remoteLink(provider: "cleverapp", kind: .lead, localId: lead))
    }

    func testALostAnswerIsFoundInTheConversationAndTheMessageExistsOnce() async throws {
        let sync = try conversationSync()
        let (lead, prospect) = try await localLead(forProspect: 6)
        _ = sim.vendors.zenviaInbound(prospect: prospect, content: "hola")
        try await sync.pull(leadId: lead)
        let send = try queueWhatsAppText("respuesta única", lead: lead)
        try await setVendorFaults(.zenvia, ["drop_rate": "1"])  // processed, then the connection drops
        let sent = await sync.sendQueued()
        XCTAssertEqual(sent, 0)
        try await setVendorFaults(.zenvia, ["drop_rate": "0"])
        let stored = try XCTUnwrap(try store.conversationEvent(id: send.id))
        if stored.sendState == .unknown { try await sync.resolveUnknown(send.id) }
        XCTAssertEqual(try store.conversationEvent(id: send.id)?.sendState, .sent, "found among the interactions: not resent")
        let copies = try await interactions(prospect).filter {
            (($0["output"] as? [String: Any])?["message"] as? [String: Any])?["content"] as? String == "respuesta única"
        }
        XCTAssertEqual(copies.count, 1)
        XCTAssertEqual(try store.queuedSends(), [])
    }

    func testRateLimitedPullsWaitForTheResetAndAllSucceed() async throws {
        let sync = try conversationSync()
        let (lead, _) = try await localLead(forProspect: 7)
        for _ in 0..<4 { _ = try await sync.pull(leadId: lead) }  // 3 requests a second: the gate waits for the reset
        XCTAssertGreaterThan(try store.timeline(leadId: lead).count, 0)
    }
}
