import Core
import XCTest
@testable import Store

/// The routing look-ups the sync's outbox router asks per entry: which remotes hold a lead (links of
/// every provider, queued creates and pushes), and the counts of entries not routed yet.
final class OutboxRoutingLookupTests: StoreTestCase {
    func testRemotesHoldingFindsTheLinksOfEveryProviderAndQueuedPushes() throws {
        let ann = try store.createLead(makeLead("Ann", "Lee"))
        let bob = try store.createLead(makeLead("Bob", "Ray"))
        let cyd = try store.createLead(makeLead("Cyd", "Poe"))
        // Links under providers before and after each other in the key, and other leads' links between.
        try store.linkRemote(provider: "crm", kind: .lead, localId: ann.id, remoteId: "1")
        try store.linkRemote(provider: "zenvia", kind: .lead, localId: ann.id, remoteId: "a1")
        try store.linkRemote(provider: "crm", kind: .lead, localId: bob.id, remoteId: "2")
        try store.linkRemote(provider: "chatbot", kind: .lead, localId: bob.id, remoteId: "c2")
        try store.linkRemote(provider: "alpha", kind: .note, localId: ann.id, remoteId: "n1")  // a note's link, not the lead's
        try store.queuePush(leadIds: [cyd.id], remote: "cd")

        XCTAssertEqual(try store.remotesHolding(leadId: ann.id), ["crm", "zenvia"])
        XCTAssertEqual(try store.remotesHolding(leadId: bob.id), ["chatbot", "crm"])
        XCTAssertEqual(try store.remotesHolding(leadId: cyd.id), ["cd"])
        XCTAssertEqual(try store.remotesHolding(leadId: 9_999), [])
    }

    func testUnroutedCountsCountPendingAndRejectedEntriesWithoutARemote() throws {
        XCTAssertEqual(try store.unroutedOutboxCounts(), [:])
        let ann = try store.createLead(makeLead("Ann", "Lee"))
        try store.addNote(toLead: ann.id, text: "hello", author: "ana")
        let entries = try store.outboxEntries()
        XCTAssertEqual(entries.count, 2)
        try store.markOutboxRejected(entries[1].id, messages: ["text": ["Too long."]])
        let bob = try store.createLead(makeLead("Bob", "Ray"))
        try store.queuePush(leadIds: [bob.id], remote: "cd")  // routed: not counted

        XCTAssertEqual(try store.unroutedOutboxCounts(), [.pending: 2, .rejected: 1])
    }
}
