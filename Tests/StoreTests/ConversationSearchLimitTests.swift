import Core
import Foundation
import XCTest
@testable import Store

/// The pane's `/` opens at the newest match: with more matches than the limit, the newest ones are
/// kept (oldest first), never the oldest ones.
final class ConversationSearchLimitTests: StoreTestCase {
    func testMoreMatchesThanTheLimitKeepsTheNewestOldestFirst() throws {
        let lead = try store.createLead(makeLead("Many", "Matches")).id
        let events = (0..<30).map { i in
            ConversationEvent(leadId: lead, provider: "zenvia", remoteId: "m\(i)", kind: .message, via: "whatsApp", direction: .inbound,
                              text: "presupuesto \(i)", createdAt: Date(timeIntervalSince1970: TimeInterval(1_000_000 + i * 60)))
        }
        try store.applyRemoteEvents(events.shuffled())  // stored out of time order
        let hits = try store.searchTimeline(leadId: lead, text: "presu", limit: 10)
        XCTAssertEqual(hits.map(\.time), (20..<30).map { Int64(1_000_000 + $0 * 60) })
    }
}
