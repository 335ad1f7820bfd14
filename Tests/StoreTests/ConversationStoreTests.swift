import Core
import Foundation
import XCTest
@testable import Store

/// The conversation store: events per remote record, the merged keyset timeline, unread
/// tracking, conversation search, and sends that are never made twice.
final class ConversationStoreTests: StoreTestCase {
    private func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    private func inbound(_ lead: Int64, _ remoteId: String, _ text: String, at seconds: Int64, via: String = "whatsApp") -> ConversationEvent {
        ConversationEvent(leadId: lead, provider: "zenvia", remoteId: remoteId, kind: .message, via: via, direction: .inbound,
                          text: text, delivered: true, createdAt: date(seconds))
    }

    func testTimelineMergesNotesActivitiesAndEventsInTimeOrder() throws {
        let lead = try store.createLead(makeLead("Ana", "Silva")).id
        try store.addNote(toLead: lead, text: "called, no answer", author: "ana", at: date(1_000))
        try store.addActivity(toLead: lead, type: "status", text: "prospect → contact", at: date(3_000))
        try store.applyRemoteEvents([inbound(lead, "a1", "hola", at: 2_000), inbound(lead, "a2", "¿precio?", at: 4_000)])
        let texts = try store.timeline(leadId: lead).map { entry -> String in
            switch entry.content {
            case .note(let n): return "note:" + n.text
            case .activity(let a): return "activity:" + a.text
            case .event(let e): return "event:" + e.text
            }
        }
        XCTAssertEqual(texts, ["note:called, no answer", "event:hola", "activity:prospect → contact", "event:¿precio?"])
    }

    func testKeysetPagesOfTenThousandEventsCoverEveryEntryOnceInOrder() throws {
        let lead = try store.createLead(makeLead("Big", "Talker")).id
        let other = try store.createLead(makeLead("Other", "Lead")).id
        var events: [ConversationEvent] = []
        for i in 0..<10_000 {  // many share a second: the id breaks the tie
            events.append(inbound(lead, String(format: "%024x", i), "message \(i)", at: 1_000_000 + Int64(i / 3)))
        }
        try store.applyRemoteEvents(events)
        try store.applyRemoteEvents([inbound(other, "other-1", "not mine", at: 1_000_001)])
        for i in 0..<5 { try store.addNote(toLead: lead, text: "note \(i)", author: "ana", at: date(1_000_000 + Int64(i * 500))) }
        XCTAssertEqual(try store.timelineCount(leadId: lead), 10_005)

        var seen: [TimelineCursor] = []
        var cursor = TimelineCursor.end
        while true {  // backward from the end, as the pane scrolls up
            let page = try store.timeline(leadId: lead, before: cursor, limit: 333)
            guard let first = page.first else { break }
            XCTAssertLessThanOrEqual(page.count, 333)
            seen = page.map(\.cursor) + seen
            cursor = first.cursor
        }
        XCTAssertEqual(seen.count, 10_005)
        XCTAssertEqual(seen, seen.sorted(), "oldest first, a total order")
        XCTAssertEqual(Set(seen).count, seen.count, "no entry twice")

        var forward: [TimelineCursor] = []
        cursor = .start
        while true {
            let page = try store.timeline(leadId: lead, after: cursor, limit: 1000)
            guard let last = page.last else { break }
            forward += page.map(\.cursor)
            cursor = last.cursor
        }
        XCTAssertEqual(forward, seen, "forward and backward pages agree")
    }

    func testTimelinePlanUsesTheLeadTimeIndexes() throws {
        let plan = try store.db.prepare("EXPLAIN QUERY PLAN " + LeadStore.timelineSQL(older: true, inclusive: false))
            .rows([.integer(1), .integer(5), .integer(2), .integer(5), .integer(10)]) { $0.text(3) }.joined(separator: "\n")
        XCTAssertTrue(plan.contains("conversation_events_lead"), plan)
        XCTAssertTrue(plan.contains("notes_lead_created"), plan)
        XCTAssertFalse(plan.contains("SCAN conversation_events"), "never a scan of every event: \(plan)")
    }

    func testTheSameRemoteInteractionTwiceIsStoredOnceAndUpdated() throws {
        let lead = try store.createLead(makeLead("Ana", "Silva")).id
        XCTAssertEqual(try store.applyRemoteEvents([inbound(lead, "x1", "hola", at: 10)]), 1)
        var again = inbound(lead, "x1", "hola", at: 10)
        again.status = "read"
        again.delivered = false
        XCTAssertEqual(try store.applyRemoteEvents([again]), 0)
        let events = try store.timeline(leadId: lead).compactMap(\.event)
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(events[0].status, "read")
        XCTAssertEqual(events[0].delivered, false)
        XCTAssertEqual(try store.unreadCount(leadId: lead), 1, "an update is not a new unread message")
    }

    func testInboundEventsAreUnreadUntilTheConversationIsOpened() throws {
        let ana = try store.createLead(makeLead("Ana", "Silva")).id
        let bob = try store.createLead(makeLead("Bob", "Ray")).id
        try store.createLead(makeLead("Cid", "Moe"))
        try store.applyRemoteEvents([inbound(ana, "1", "hola", at: 10), inbound(ana, "2", "¿hay alguien?", at: 20)])
        var outbound = inbound(bob, "3", "we sent this", at: 30)
        outbound.direction = .outbound
        try store.applyRemoteEvents([outbound])
        XCTAssertEqual(try store.unreadCount(leadId: ana), 2)
        XCTAssertEqual(try store.unreadCount(leadId: bob), 0, "our own messages are never unread")
        XCTAssertEqual(try store.unreadConversationCount(), 1)
        XCTAssertEqual(try store.unreadLeads(among: [ana, bob]), [ana])

        var unread = LeadFilter.all
        unread.unreadOnly = true
        XCTAssertEqual(try store.leads(filter: unread).map(\.id), [ana])
        XCTAssertEqual(try store.countLeads(filter: unread), 1)

        try store.markConversationRead(leadId: ana)
        XCTAssertEqual(try store.unreadConversationCount(), 0)
        XCTAssertEqual(try store.leads(filter: unread).map(\.id), [])
        let changes = store.totalChanges
        try store.markConversationRead(leadId: ana)
        XCTAssertEqual(store.totalChanges, changes, "reading a read conversation writes nothing")
    }

    func testOldSavedViewsWithoutTheUnreadKeyStillDecode() throws {
        let json = #"{"statuses":["prospect"],"sources":[],"owners":[],"hasPending":false,"rejectedOnly":false,"conflictOnly":false,"search":"x"}"#
        let filter = try JSONDecoder().decode(LeadFilter.self, from: Data(json.utf8))
        XCTAssertEqual(filter.statuses, [.prospect])
        XCTAssertFalse(filter.unreadOnly)
        var unread = filter
        unread.unreadOnly = true
        XCTAssertEqual(try JSONDecoder().decode(LeadFilter.self, from: JSONEncoder().encode(unread)), unread)
    }

    func testListSearchAndPaneSearchFindWordsFromConversations() throws {
        let ana = try store.createLead(makeLead("Ana", "Silva")).id
        try store.createLead(makeLead("Bob", "Ray"))
        try store.applyRemoteEvents([inbound(ana, "1", "¿Tienen financiación para el modelo híbrido?", at: 10),
                                     inbound(ana, "2", "gracias", at: 20)])
        var filter = LeadFilter.all
        filter.search = "financiacion"
        XCTAssertEqual(try store.leads(filter: filter).map(\.id), [ana], "the list's search finds conversation words")
        filter.search = "hibri mod"
        XCTAssertEqual(try store.leads(filter: filter).map(\.id), [ana])
        filter.search = "ray"
        XCTAssertEqual(try store.leads(filter: filter).map(\.name), ["Bob Ray"], "lead fields still match")
        let hits = try store.searchTimeline(leadId: ana, text: "GRACIAS")
        XCTAssertEqual(hits.count, 1)
        XCTAssertEqual(try store.timeline(leadId: ana, before: hits[0], limit: 1, inclusive: true).first?.event?.text, "gracias")
    }

    func testWindowRunsFromTheLastInboundInteraction() throws {
        let lead = try store.createLead(makeLead("Ana", "Silva")).id
        XCTAssertNil(try store.lastInboundAt(leadId: lead))
        try store.applyRemoteEvents([inbound(lead, "1", "hola", at: 100), inbound(lead, "2", "call", at: 200, via: "inboundCall")])
        var ours = inbound(lead, "3", "respuesta", at: 300)
        ours.direction = .outbound
        try store.applyRemoteEvents([ours])
        XCTAssertEqual(try store.lastInboundAt(leadId: lead), date(200))
        XCTAssertEqual(try store.lastMessageChannel(leadId: lead), "whatsApp")
        let window = MessagingWindow(lastInboundAt: date(200), now: date(200 + 5 * 3600 + 48 * 60))
        XCTAssertEqual(window.text, "window open 18 h 12 min")
        XCTAssertEqual(MessagingWindow(lastInboundAt: date(200), now: date(200 + 86_400)).text, "closed: use a template")
    }

    func testASendInterruptedMidFlightBecomesUnknownAndIsNeverRequeuedSilently() throws {
        let lead = try store.createLead(makeLead("Ana", "Silva")).id
        let send = try store.queueSend(ConversationEvent(leadId: lead, provider: "zenvia", kind: .message, via: "whatsApp",
                                                         text: "¿Le llamo mañana?", payload: #"{"type":"text"}"#, createdAt: date(50)))
        XCTAssertEqual(try store.queuedSends().map(\.id), [send.id])
        XCTAssertTrue(try store.markSendStarted(send.id))
        XCTAssertFalse(try store.markSendStarted(send.id), "a send is started once")
        // The process dies here; a new connection recovers.
        let reopened = try LeadStore(path: path)
        XCTAssertEqual(try reopened.recoverInterruptedSends(), 1)
        XCTAssertEqual(try reopened.conversationEvent(id: send.id)?.sendState, .unknown)
        XCTAssertEqual(try reopened.queuedSends(), [])
        XCTAssertThrowsError(try reopened.retrySend(send.id)) { error in
            XCTAssertEqual(error as? ConversationSendError, .outcomeUnknown(send.id))
        }
        try reopened.retrySend(send.id, confirmedNotSent: true)
        XCTAssertEqual(try reopened.queuedSends().map(\.id), [send.id])
    }

    func testASucceededSendAndItsPulledInteractionShowOnce() throws {
        let lead = try store.createLead(makeLead("Ana", "Silva")).id
        let send = try store.queueSend(ConversationEvent(leadId: lead, provider: "zenvia", via: "whatsApp", text: "hola Ana", createdAt: date(50)))
        var pulled = inbound(lead, "abc", "hola Ana", at: 51)
        pulled.direction = .outbound
        try store.applyRemoteEvents([pulled])  // the poll saw the interaction before the response came back
        try store.markSendStarted(send.id)
        try store.markSendSucceeded(send.id, remoteId: "abc", message: "ok")
        let events = try store.timeline(leadId: lead).compactMap(\.event)
        XCTAssertEqual(events.map(\.id), [send.id])
        XCTAssertEqual(events[0].sendState, .sent)
        XCTAssertEqual(events[0].remoteId, "abc")
        try store.applyRemoteEvents([pulled])  // a later poll updates the same row
        XCTAssertEqual(try store.timeline(leadId: lead).compactMap(\.event).count, 1)
    }

    func testFailedSendKeepsTheServerMessageUntilRetriedOrDiscarded() throws {
        let lead = try store.createLead(makeLead("Ana", "Silva")).id
        let send = try store.queueSend(ConversationEvent(leadId: lead, provider: "zenvia", via: "whatsApp", text: "late", createdAt: date(50)))
        try store.markSendStarted(send.id)
        try store.markSendFailed(send.id, message: "The 24h window is closed")
        let failed = try store.conversationEvent(id: send.id)
        XCTAssertEqual(failed?.sendState, .failed)
        XCTAssertEqual(failed?.sendMessage, "The 24h window is closed")
        XCTAssertEqual(try store.unsentSends().map(\.id), [send.id])
        XCTAssertTrue(try store.discardSend(send.id))
        XCTAssertNil(try store.conversationEvent(id: send.id))
        XCTAssertEqual(try store.searchTimeline(leadId: lead, text: "late"), [], "its words leave the index")
    }

    func testMigrationAddsTheConversationTablesToAnExistingFile() throws {
        store = nil
        let reopened = try LeadStore(path: path)
        XCTAssertEqual(try reopened.schemaVersion, LeadStore.currentSchemaVersion)
        let lead = try reopened.createLead(makeLead("Ana", "Silva")).id
        try reopened.applyRemoteEvents([inbound(lead, "1", "hola", at: 10)])
        XCTAssertEqual(try reopened.timelineCount(leadId: lead), 1)
    }
}
