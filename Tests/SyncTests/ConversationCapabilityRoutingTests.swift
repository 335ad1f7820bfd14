import Core
import Foundation
import Simulator
import Store
import Sync
import XCTest

/// The conversation sync serves its roles by capability, never by vendor type: a remote that
/// declares only `.conversationRead` (the real Zenvia provider underneath, over loopback) gets its
/// interactions pulled, but a text send to it fails locally with what is missing and never reaches
/// the server; a remote with only follow-up e-mail leaves the messaging role empty.
final class ConversationCapabilityRoutingTests: DestinationTestCase {
    override func configuration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(leadCount: 20, seed: 5, userCount: 3)
        configuration.zenviaProspects = 4
        return configuration
    }

    /// A conversation remote that can read but declares no sends (a read-only inbox).
    struct ReadOnlyConversation: ConversationProvider {
        let inner: ZenviaProvider
        var providerKey: String { inner.providerKey }
        var metrics: RequestMetrics { inner.metrics }
        let capabilities = ProviderCapabilities(features: [.conversationRead], createRecovery: .idempotent)
        func findContact(email: String?, phone: String?) async throws -> String? { try await inner.findContact(email: email, phone: phone) }
        func conversation(remoteId: String) async throws -> [RemoteMessage] { try await inner.conversation(remoteId: remoteId) }
        func conversationEvents(contactId: String, leadId: Int64, after: Date?) async throws -> [ConversationEvent] {
            try await inner.conversationEvents(contactId: contactId, leadId: leadId, after: after)
        }
        func recentConversationEvents(after: Date?, limit: Int) async throws -> [ContactEvent] {
            try await inner.recentConversationEvents(after: after, limit: limit)
        }
        func contacts(limit: Int) async throws -> [RemoteContact] { try await inner.contacts(limit: limit) }
    }

    func testAReadOnlyConversationRemoteIsPulledButATextSendFailsBeforeAnyRequest() async throws {
        let zenvia = try XCTUnwrap(try vendorProvider(.zenvia, name: "zenvia") as? ZenviaProvider)
        let sync = try XCTUnwrap(ConversationSync.serving([ReadOnlyConversation(inner: zenvia)], store: store))
        let prospects = try await vendorState(.zenvia)["prospects"] as? [[String: Any]] ?? []
        let email = try XCTUnwrap((prospects[1]["emails"] as? [String])?.first)
        let prospect = try XCTUnwrap(prospects[1]["id"] as? String)
        let lead = try store.createLead(Lead(firstName: "Read", lastName: "Only", email: email, phone: "+15550000901",
                                             owner: ana.username)).id
        _ = sim.vendors.zenviaInbound(prospect: prospect, content: "¿Hay stock?")
        let pulled = try await sync.pull(leadId: lead)
        XCTAssertGreaterThan(pulled, 0, "conversationRead is enough to pull")

        let before = try await vendorState(.zenvia)["interactions"] as? [[String: Any]] ?? []
        let reply = try queueWhatsAppText("Sí", lead: lead, provider: ConversationRole.messaging.rawValue)
        let sent = await sync.sendQueued()
        XCTAssertEqual(sent, 0)
        let stored = try XCTUnwrap(try store.conversationEvent(id: reply.id))
        XCTAssertEqual(stored.sendState, .failed)
        XCTAssertTrue(stored.sendMessage.contains("no configured remote can send text messages"), stored.sendMessage)
        let after = try await vendorState(.zenvia)["interactions"] as? [[String: Any]] ?? []
        XCTAssertEqual(after.count, before.count, "nothing was sent")
    }

    func testRolesFollowCapabilities() throws {
        let cleverApp = try vendorProvider(.cleverapp, name: "mail")
        let closingDealz = try vendorProvider(.closingdealz, name: "cd")
        XCTAssertNil(ConversationSync.serving([closingDealz], store: store), "a bulk destination serves no conversation role")
        let mailOnly = try XCTUnwrap(ConversationSync.serving([closingDealz, cleverApp], store: store))
        XCTAssertNil(mailOnly.messaging)
        XCTAssertEqual(mailOnly.followUps?.providerKey, "mail")
        XCTAssertTrue(ConversationSync.serves(cleverApp))
        XCTAssertFalse(ConversationSync.serves(closingDealz))
    }
}
